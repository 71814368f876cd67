namespace MtlsOperator.Controllers.TrustStores;

/// <summary>The parts of an AWS Private CA ARN the controller needs: the region its API lives in and the CA's id (its CRL's file name).</summary>
public sealed record CertificateAuthorityArn(string Arn, string Region, string Id)
{
    /// <summary>Splits <c>arn:partition:acm-pca:region:account:certificate-authority/id</c>; the CRD pattern has already checked its shape.</summary>
    public static CertificateAuthorityArn Parse(string arn)
    {
        ArgumentException.ThrowIfNullOrEmpty(arn);
        var parts = arn.Split(':', 6);
        var slash = arn.LastIndexOf('/');
        if (parts.Length != 6 || parts[3].Length == 0 || slash < 0 || slash == arn.Length - 1)
        {
            throw new FormatException($"'{arn}' is not a Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>)");
        }

        return new CertificateAuthorityArn(arn, parts[3], arn[(slash + 1)..]);
    }
}
