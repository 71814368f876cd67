namespace MtlsOperator.Sandbox.Kubernetes.Errors;

/// <summary>One entry of <c>Status.details.causes</c>: why a field was rejected.</summary>
internal sealed record StatusCause(string Reason, string Message, string? Field);
