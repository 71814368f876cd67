using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>The subject distinguished name of a certificate.</summary>
public sealed record CertificateSubject
{
    [JsonPropertyName("commonName")]
    [Length(1, 64)]
    [Description("Common name (CN), at most 64 characters (RFC 5280 upper bound).")]
    public string? CommonName { get; init; }

    [JsonPropertyName("organizations")]
    [Items(0, 10)]
    [ItemPattern(null, 64)]
    [Description("Organizations (O).")]
    public IReadOnlyList<string>? Organizations { get; init; }

    [JsonPropertyName("organizationalUnits")]
    [Items(0, 10)]
    [ItemPattern(null, 64)]
    [Description("Organizational units (OU).")]
    public IReadOnlyList<string>? OrganizationalUnits { get; init; }

    [JsonPropertyName("countries")]
    [Items(0, 10)]
    [ItemPattern("^[A-Z]{2}$", 2)]
    [Description("Countries (C) as ISO 3166 two-letter codes.")]
    public IReadOnlyList<string>? Countries { get; init; }

    [JsonPropertyName("provinces")]
    [Items(0, 10)]
    [ItemPattern(null, 128)]
    [Description("States or provinces (ST).")]
    public IReadOnlyList<string>? Provinces { get; init; }

    [JsonPropertyName("localities")]
    [Items(0, 10)]
    [ItemPattern(null, 128)]
    [Description("Localities (L).")]
    public IReadOnlyList<string>? Localities { get; init; }

    [JsonPropertyName("serialNumber")]
    [Length(1, 64)]
    [Description("Subject serialNumber attribute (not the certificate's serial number).")]
    public string? SerialNumber { get; init; }
}
