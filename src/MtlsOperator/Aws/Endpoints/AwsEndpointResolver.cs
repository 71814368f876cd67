namespace MtlsOperator.Aws.Endpoints;

/// <summary>
/// Chooses the endpoint for a service and region the way the official SDKs do: an explicit override, then
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c> (both ignored when
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>), then the regional default of the region's partition.
/// </summary>
public sealed class AwsEndpointResolver
{
    private readonly Func<string, string?> _environment;
    private readonly IReadOnlyDictionary<string, Uri> _overrides;

    /// <param name="environment">Reads an environment variable; tests pass a dictionary.</param>
    /// <param name="overrides">Endpoints from operator settings, keyed by <see cref="AwsService.EnvironmentId"/>.</param>
    public AwsEndpointResolver(Func<string, string?> environment, IReadOnlyDictionary<string, Uri>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _overrides = overrides ?? new Dictionary<string, Uri>();
    }

    /// <summary>The resolved endpoint and whether it came from configuration rather than the default.</summary>
    public AwsEndpoint Resolve(AwsService service, string region)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(region);
        if (_overrides.TryGetValue(service.EnvironmentId, out var configured))
        {
            return new AwsEndpoint(configured, IsCustom: true);
        }

        if (!string.Equals(_environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            var fromEnvironment = Read("AWS_ENDPOINT_URL_" + service.EnvironmentId) ?? Read("AWS_ENDPOINT_URL");
            if (fromEnvironment is not null)
            {
                return new AwsEndpoint(fromEnvironment, IsCustom: true);
            }
        }

        var partition = AwsPartition.ForRegion(region);
        return new AwsEndpoint(new Uri($"https://{service.EndpointPrefix}.{region}.{partition.DnsSuffix}/"), IsCustom: false);
    }

    private Uri? Read(string variable)
    {
        var value = _environment(variable)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"Environment variable {variable} must be an absolute http(s) URL; got '{value}'.");
        }

        return uri;
    }
}
