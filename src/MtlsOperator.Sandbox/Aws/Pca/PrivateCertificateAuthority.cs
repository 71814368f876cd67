using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Aws.Pca;

/// <summary>An emulated Private CA: its key, certificate, chain, CRL settings and what it issued.</summary>
public sealed class PrivateCertificateAuthority
{
    internal PrivateCertificateAuthority(string arn, string id, string region, string type, JsonObject configuration, CaKey key, DateTimeOffset createdAt)
    {
        Arn = arn;
        Id = id;
        Region = region;
        Type = type;
        Configuration = configuration;
        Key = key;
        CreatedAt = createdAt;
        LastStateChangeAt = createdAt;
    }

    /// <summary><c>arn:aws:acm-pca:region:account:certificate-authority/&lt;uuid&gt;</c>.</summary>
    public string Arn { get; }

    /// <summary>The UUID at the end of the ARN.</summary>
    public string Id { get; }

    /// <summary>Region.</summary>
    public string Region { get; }

    /// <summary><c>ROOT</c> or <c>SUBORDINATE</c>.</summary>
    public string Type { get; }

    /// <summary><c>ACTIVE</c>, <c>PENDING_CERTIFICATE</c>, <c>DISABLED</c> ...</summary>
    public string Status { get; internal set; } = "PENDING_CERTIFICATE";

    /// <summary>The CA certificate (with its private key) once active.</summary>
    public X509Certificate2? Certificate { get; internal set; }

    /// <summary>The certificates above this CA, nearest first; empty for a root.</summary>
    public IReadOnlyList<X509Certificate2> Chain { get; internal set; } = [];

    /// <summary>CRL publication settings.</summary>
    public CrlConfiguration Crl { get; internal set; } = CrlConfiguration.Disabled;

    /// <summary>Certificates issued, by ARN.</summary>
    public IReadOnlyDictionary<string, IssuedCertificate> Issued => IssuedByArn;

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Last status change.</summary>
    public DateTimeOffset LastStateChangeAt { get; internal set; }

    /// <summary>The CertificateAuthorityConfiguration as given (KeyAlgorithm, SigningAlgorithm, Subject).</summary>
    internal JsonObject Configuration { get; }

    internal CaKey Key { get; }

    internal Dictionary<string, IssuedCertificate> IssuedByArn { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, (string Arn, DateTimeOffset At)> IdempotencyTokens { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    internal long CrlNumber { get; set; }

    internal string? CreationToken { get; set; }

    /// <summary>The issued certificate with a serial, or null.</summary>
    public IssuedCertificate? BySerial(string serial)
    {
        var normalized = Pem.SerialNumber.Normalize(serial);
        return IssuedByArn.Values.FirstOrDefault(c => c.SerialNumber == normalized);
    }
}
