using MtlsOperator.Api;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>
/// The listener attributes that name the headers an ALB passes client certificate details in. The operator owns all five:
/// a header the spec leaves unset is kept at (or put back to) its AWS default name.
/// </summary>
public static class ClientCertificateHeaderAttributes
{
    /// <summary>Attribute key → AWS default header name.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Key("serial_number")] = "X-Amzn-Mtls-Clientcert-Serial-Number",
        [Key("issuer")] = "X-Amzn-Mtls-Clientcert-Issuer",
        [Key("subject")] = "X-Amzn-Mtls-Clientcert-Subject",
        [Key("validity")] = "X-Amzn-Mtls-Clientcert-Validity",
        [Key("leaf")] = "X-Amzn-Mtls-Clientcert-Leaf",
    };

    /// <summary>The five attributes as the spec wants them.</summary>
    public static IReadOnlyDictionary<string, string> Desired(ClientCertificateHeaders? headers) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Key("serial_number")] = headers?.SerialNumber ?? Defaults[Key("serial_number")],
        [Key("issuer")] = headers?.Issuer ?? Defaults[Key("issuer")],
        [Key("subject")] = headers?.Subject ?? Defaults[Key("subject")],
        [Key("validity")] = headers?.Validity ?? Defaults[Key("validity")],
        [Key("leaf")] = headers?.Leaf ?? Defaults[Key("leaf")],
    };

    /// <summary>
    /// The attributes to send so <paramref name="actual"/> matches <paramref name="desired"/>; empty when in sync. A key AWS
    /// does not report counts as its default. Header names are case-insensitive, so a change of case alone is no change.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Changes(IReadOnlyDictionary<string, string> desired, IReadOnlyDictionary<string, string> actual)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        return desired
            .Where(d => !string.Equals(actual.GetValueOrDefault(d.Key) ?? Defaults.GetValueOrDefault(d.Key), d.Value, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
    }

    private static string Key(string field) => $"routing.http.request.x_amzn_mtls_clientcert_{field}.header_name";
}
