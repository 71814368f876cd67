namespace MtlsOperator.Api;

/// <summary>Regular expressions for Kubernetes names, as the API server validates them.</summary>
public static class KubernetesPatterns
{
    /// <summary>An RFC 1123 DNS subdomain: the name of a Secret, ConfigMap or custom resource.</summary>
    public const string ObjectName = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>A key in a Secret's or ConfigMap's data.</summary>
    public const string DataKey = @"^[-._a-zA-Z0-9]+$";
}
