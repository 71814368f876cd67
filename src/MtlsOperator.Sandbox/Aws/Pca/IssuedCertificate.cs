using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Sandbox.Aws.Pca;

/// <summary>A certificate a CA issued, and its revocation if any.</summary>
public sealed class IssuedCertificate
{
    internal IssuedCertificate(string arn, X509Certificate2 certificate)
    {
        Arn = arn;
        Certificate = certificate;
        SerialNumber = Pem.SerialNumber.Normalize(certificate.SerialNumber);
    }

    /// <summary><c>&lt;ca-arn&gt;/certificate/&lt;32 hex&gt;</c>.</summary>
    public string Arn { get; }

    /// <summary>The signed certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Normalized serial (upper-case hex).</summary>
    public string SerialNumber { get; }

    /// <summary>When it was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; internal set; }

    /// <summary>The modeled revocation reason, or null.</summary>
    public string? RevocationReason { get; internal set; }

    internal int GetCalls { get; set; }
}
