namespace MtlsOperator.Tests.Security;

/// <summary>One RBAC permission: a verb on a resource (or subresource, <c>secrets</c>, <c>truststores/status</c>) of an API group.</summary>
internal sealed record Permission(string ApiGroup, string Resource, string Verb)
{
    public override string ToString() => $"{Verb} {(ApiGroup.Length == 0 ? "core" : ApiGroup)}/{Resource}";
}
