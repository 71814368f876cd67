namespace MtlsOperator.Sandbox.Kubernetes.Http;

/// <summary>What a request path addresses.</summary>
internal enum ApiPathKind
{
    Unknown,
    Version,
    Health,
    LegacyApiVersions,
    GroupList,
    Group,
    GroupVersion,
    OpenApiV2,
    OpenApiV3,
    Resource,
}
