namespace MtlsOperator.Api;

/// <summary>The condition types the controllers set.</summary>
public static class ConditionTypes
{
    /// <summary>The resource's AWS and Kubernetes objects match its spec.</summary>
    public const string Ready = "Ready";

    /// <summary>A ClientCertificate is being issued or renewed.</summary>
    public const string Issuing = "Issuing";

    /// <summary>Working, but AWS reported a problem worth acting on (e.g. API Gateway truststoreWarnings).</summary>
    public const string Degraded = "Degraded";
}
