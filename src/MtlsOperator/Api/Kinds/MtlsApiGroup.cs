namespace MtlsOperator.Api;

/// <summary>The API group <c>mtls.operator.dev/v1alpha1</c> and the kinds it serves.</summary>
public static class MtlsApiGroup
{
    public const string Group = "mtls.operator.dev";

    public const string Version = "v1alpha1";

    public const string ApiVersion = Group + "/" + Version;

    /// <summary>The category that makes <c>kubectl get mtls</c> list every kind.</summary>
    public const string Category = "mtls";

    /// <summary>Every kind of the group, in the order the CRDs are documented.</summary>
    public static IReadOnlyList<ResourceDescriptor> Kinds { get; } =
    [
        V1Alpha1TrustStore.Descriptor,
        V1Alpha1ClientCertificate.Descriptor,
        V1Alpha1PrivateApiExposure.Descriptor,
    ];

    /// <summary>The kind with this <c>apiVersion</c> and <c>kind</c>, or null when it is not one of ours.</summary>
    public static ResourceDescriptor? Find(string? apiVersion, string? kind) =>
        apiVersion == ApiVersion ? Kinds.FirstOrDefault(k => k.Kind == kind) : null;
}
