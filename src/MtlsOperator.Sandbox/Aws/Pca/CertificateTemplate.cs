using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Pca;

/// <summary>An AWS Private CA certificate template: the key usage, extended key usage and CA constraints it stamps.</summary>
internal sealed record CertificateTemplate(string Name, X509KeyUsageFlags KeyUsage, IReadOnlyList<string> ExtendedKeyUsages, int? CaPathLength)
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private const string CodeSigning = "1.3.6.1.5.5.7.3.3";
    private const string OcspSigning = "1.3.6.1.5.5.7.3.9";
    private const X509KeyUsageFlags CaUsage = X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature;

    /// <summary>The template used when IssueCertificate names none.</summary>
    public static readonly CertificateTemplate Default = new(
        "EndEntityCertificate/V1", X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, [ServerAuth, ClientAuth], null);

    private static readonly IReadOnlyList<CertificateTemplate> Known =
    [
        Default,
        new("EndEntityClientAuthCertificate/V1", X509KeyUsageFlags.DigitalSignature, [ClientAuth], null),
        new("EndEntityServerAuthCertificate/V1", X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, [ServerAuth], null),
        new("CodeSigningCertificate/V1", X509KeyUsageFlags.DigitalSignature, [CodeSigning], null),
        new("OCSPSigningCertificate/V1", X509KeyUsageFlags.DigitalSignature, [OcspSigning], null),
        new("SubordinateCACertificate_PathLen0/V1", CaUsage, [], 0),
        new("SubordinateCACertificate_PathLen1/V1", CaUsage, [], 1),
        new("SubordinateCACertificate_PathLen2/V1", CaUsage, [], 2),
        new("SubordinateCACertificate_PathLen3/V1", CaUsage, [], 3),
    ];

    /// <summary>True for CA templates.</summary>
    public bool IsCa => CaPathLength is not null;

    /// <summary>Resolves <c>arn:aws:acm-pca:::template/Name/V1</c>; the passthrough variants stamp the same usages.</summary>
    public static CertificateTemplate FromArn(string? templateArn)
    {
        if (templateArn is null)
        {
            return Default;
        }

        var marker = templateArn.IndexOf(":template/", StringComparison.Ordinal);
        if (!templateArn.StartsWith("arn:", StringComparison.Ordinal) || marker < 0)
        {
            throw new AwsServiceException("InvalidArnException", $"'{templateArn}' is not a valid template ARN");
        }

        // _APICSRPassthrough first: it ends with _CSRPassthrough, which would otherwise leave "_API" behind.
        var name = templateArn[(marker + ":template/".Length)..]
            .Replace("_APICSRPassthrough", string.Empty, StringComparison.Ordinal)
            .Replace("_APIPassthrough", string.Empty, StringComparison.Ordinal)
            .Replace("_CSRPassthrough", string.Empty, StringComparison.Ordinal);
        return Known.FirstOrDefault(t => t.Name == name)
            ?? throw new AwsServiceException("InvalidArgsException", $"Template '{templateArn}' is not supported");
    }

    /// <summary>The extensions this template puts on a certificate (besides identifiers and SAN).</summary>
    public IEnumerable<X509Extension> Extensions()
    {
        yield return new X509BasicConstraintsExtension(IsCa, CaPathLength is not null, CaPathLength ?? 0, critical: true);
        yield return new X509KeyUsageExtension(KeyUsage, critical: true);
        if (ExtendedKeyUsages.Count > 0)
        {
            var oids = new OidCollection();
            foreach (var oid in ExtendedKeyUsages)
            {
                oids.Add(new Oid(oid));
            }

            yield return new X509EnhancedKeyUsageExtension(oids, critical: false);
        }
    }
}
