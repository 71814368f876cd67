using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>One CRL entry: which serial, since when, and why.</summary>
/// <param name="SerialNumber">Lower-case hex without separators or leading zero octets.</param>
/// <param name="RevocationTime">When the certificate was revoked, UTC.</param>
/// <param name="Reason">The CRL reason code, or null when the entry carries none.</param>
public sealed record RevokedCertificate(string SerialNumber, DateTimeOffset RevocationTime, X509RevocationReason? Reason = null)
{
    /// <summary>An entry for <paramref name="serialNumber"/> in any hex form (e.g. <c>1A:2B:…</c>); throws <see cref="PkiException"/> when not hex.</summary>
    public static RevokedCertificate Create(string field, string serialNumber, DateTimeOffset revocationTime, X509RevocationReason? reason = null)
    {
        ArgumentNullException.ThrowIfNull(serialNumber);
        return CertificateSerialNumber.Parse(serialNumber) is { } bytes
            ? new RevokedCertificate(Convert.ToHexStringLower(bytes), revocationTime.ToUniversalTime(), reason)
            : throw new PkiException(new PkiProblem(PkiProblemCode.InvalidSerialNumber, field,
                $"\"{serialNumber}\" is not a hexadecimal serial number (e.g. 3a:0f:… or 3a0f…)"));
    }
}
