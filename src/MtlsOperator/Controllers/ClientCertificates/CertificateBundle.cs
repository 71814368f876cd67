using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Aws.PrivateCa;
using MtlsOperator.Pki;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>An issued certificate in the shape the Secret stores it.</summary>
/// <param name="TlsCrt">The leaf followed by the intermediates (no self-signed root), PEM.</param>
/// <param name="CaCrt">The top-most CA certificate of the chain (the root), PEM.</param>
/// <param name="Facts">Serial, validity and names of the leaf.</param>
/// <param name="CertificateArn">The Private CA ARN of the leaf; null for a Secret-backed CA.</param>
internal sealed record CertificateBundle(string TlsCrt, string CaCrt, CertificateFacts Facts, string? CertificateArn)
{
    /// <summary>A certificate the operator signed with a Secret-backed CA.</summary>
    public static CertificateBundle From(IssuedCertificate issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        return new CertificateBundle(issued.ChainPem, issued.CaPem, issued.Facts, null);
    }

    /// <summary>A certificate AWS Private CA issued: GetCertificate's certificate and chain (issuing CA first, root last).</summary>
    public static CertificateBundle From(CertificateWithChain issued, string certificateArn)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var facts = CertificateFacts.FromPem("GetCertificate Certificate", issued.CertificatePem);
        var chain = new X509Certificate2Collection();
        if (!string.IsNullOrWhiteSpace(issued.ChainPem))
        {
            chain.ImportFromPem(issued.ChainPem);
        }

        try
        {
            var leaf = issued.CertificatePem.TrimEnd() + "\n";
            var intermediates = string.Concat(chain
                .Where(c => !c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData))
                .Select(c => PemEncoding.WriteString("CERTIFICATE", c.RawData) + "\n"));
            var root = chain.Count > 0 ? PemEncoding.WriteString("CERTIFICATE", chain[^1].RawData) + "\n" : string.Empty;
            return new CertificateBundle(leaf + intermediates, root, facts, certificateArn);
        }
        finally
        {
            foreach (var certificate in chain)
            {
                certificate.Dispose();
            }
        }
    }
}
