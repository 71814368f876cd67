namespace MtlsOperator.Api;

/// <summary>Regular expressions for certificate fields and durations.</summary>
public static class CertificatePatterns
{
    /// <summary>A Go duration as cert-manager accepts it, e.g. 2160h, 90m or 1h30m.</summary>
    public const string GoDuration = @"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$";

    /// <summary>A DNS name, optionally a wildcard in the left-most label.</summary>
    public const string DnsName = @"^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)*[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>A fully qualified domain name without wildcard.</summary>
    public const string DomainName = @"^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>A URI with a scheme, e.g. spiffe://cluster.local/ns/payments/sa/api.</summary>
    public const string Uri = @"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$";

    /// <summary>An email address (loose: one @ and no whitespace).</summary>
    public const string EmailAddress = @"^[^@\s]+@[^@\s]+$";

    /// <summary>An IPv4 or IPv6 address (shape only; the PKI code parses it).</summary>
    public const string IpAddress = @"^[0-9A-Fa-f:.]+$";
}
