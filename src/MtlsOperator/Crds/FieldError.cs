namespace MtlsOperator.Crds;

/// <summary>A validation failure: the field's path in the object (e.g. <c>spec.renewBefore</c>) and what is wrong.</summary>
public sealed record FieldError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
