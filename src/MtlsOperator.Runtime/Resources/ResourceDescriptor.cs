namespace MtlsOperator.Runtime.Resources;

/// <summary>Where a resource type lives in the API: group ("" for core), version, plural, kind and scope.</summary>
public sealed record ResourceDescriptor(string Group, string Version, string Plural, string Kind, bool Namespaced = true)
{
    /// <summary>core/v1 Secrets.</summary>
    public static ResourceDescriptor Secrets { get; } = new("", "v1", "secrets", "Secret");

    /// <summary>core/v1 ConfigMaps.</summary>
    public static ResourceDescriptor ConfigMaps { get; } = new("", "v1", "configmaps", "ConfigMap");

    /// <summary>core/v1 Events.</summary>
    public static ResourceDescriptor Events { get; } = new("", "v1", "events", "Event");

    /// <summary>coordination.k8s.io/v1 Leases.</summary>
    public static ResourceDescriptor Leases { get; } = new("coordination.k8s.io", "v1", "leases", "Lease");

    /// <summary>The <c>apiVersion</c> field value: <c>v1</c> for core, <c>group/version</c> otherwise.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Short form used in logs and metric tags, e.g. <c>truststores.mtls.operator.dev</c>.</summary>
    public override string ToString() => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}
