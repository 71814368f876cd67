namespace MtlsOperator.Sandbox.Kubernetes;

/// <summary>A kind qualified by its API group, printed as kube does: <c>Secret</c>, <c>TrustStore.mtls.operator.dev</c>.</summary>
internal readonly record struct GroupKind(string Group, string Kind)
{
    public override string ToString() => Group.Length == 0 ? Kind : $"{Kind}.{Group}";
}
