namespace MtlsOperator.Sandbox.Kubernetes.Patching;

/// <summary>A JSON patch that cannot be applied; <see cref="IsMalformed"/> tells a bad document (400) from a failed operation (422).</summary>
internal sealed class JsonPatchException(string message, bool isMalformed) : Exception(message)
{
    public bool IsMalformed { get; } = isMalformed;
}
