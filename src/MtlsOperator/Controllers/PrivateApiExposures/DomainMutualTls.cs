using System.Text.Json;
using MtlsOperator.Api;
using MtlsOperator.Aws.ApiGateway;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>The custom domain settings the spec and the TrustStore ask for, and the update operations that get there.</summary>
public static class DomainMutualTls
{
    private const string TruststoreUriPath = "/mutualTlsAuthentication/truststoreUri";
    private const string TruststoreVersionPath = "/mutualTlsAuthentication/truststoreVersion";

    /// <summary>The wire name of a security policy, e.g. <c>TLS_1_2</c>.</summary>
    public static string PolicyName(ApiGatewaySecurityPolicy policy) => JsonSerializer.Serialize(policy).Trim('"');

    /// <summary>
    /// The update operations that make <paramref name="domain"/> match; empty when in sync. The truststore version is always
    /// sent with a new URI, because API Gateway otherwise takes the object's latest version.
    /// </summary>
    public static IReadOnlyList<PatchOperation> Changes(DomainName domain, ApiGatewayExposure spec, ResolvedTrustStore trustStore)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(trustStore);
        var operations = new List<PatchOperation>();
        var policy = PolicyName(spec.SecurityPolicy);
        if (!string.Equals(domain.SecurityPolicy, policy, StringComparison.Ordinal))
        {
            operations.Add(PatchOperation.Replace("/securityPolicy", policy));
        }

        if (!string.Equals(domain.RegionalCertificateArn, spec.CertificateArn, StringComparison.Ordinal))
        {
            operations.Add(PatchOperation.Replace("/regionalCertificateArn", spec.CertificateArn));
        }

        var uriDiffers = !string.Equals(domain.MutualTls?.TruststoreUri, trustStore.S3Uri, StringComparison.Ordinal);
        if (uriDiffers)
        {
            operations.Add(PatchOperation.Replace(TruststoreUriPath, trustStore.S3Uri));
        }

        if (uriDiffers || !string.Equals(domain.MutualTls?.TruststoreVersion, trustStore.S3ObjectVersion, StringComparison.Ordinal))
        {
            operations.Add(PatchOperation.Replace(TruststoreVersionPath, trustStore.S3ObjectVersion));
        }

        return operations;
    }

    /// <summary>True when the only change is a new truststore version (the TrustStore published a new bundle).</summary>
    public static bool OnlyVersionChanges(IReadOnlyList<PatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return operations.Count == 1 && operations[0].Path == TruststoreVersionPath;
    }

    /// <summary>The status form of a base path: <c>(none)</c> for the domain's root.</summary>
    public static string BasePathLabel(string basePath) => string.IsNullOrEmpty(basePath) ? "(none)" : basePath;
}
