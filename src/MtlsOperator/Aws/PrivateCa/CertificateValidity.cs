namespace MtlsOperator.Aws.PrivateCa;

/// <summary>How long an issued certificate is valid: a <c>Value</c> in a unit <c>Type</c> (DAYS, MONTHS, YEARS, END_DATE, ABSOLUTE).</summary>
public sealed record CertificateValidity(long Value, string Type)
{
    /// <summary>Valid until an absolute time (ABSOLUTE: seconds since the Unix epoch).</summary>
    public static CertificateValidity Until(DateTimeOffset notAfter) => new(notAfter.ToUnixTimeSeconds(), "ABSOLUTE");

    /// <summary>Valid for a number of days.</summary>
    public static CertificateValidity Days(long days) => new(days, "DAYS");
}
