namespace MtlsOperator.Sandbox.Kubernetes.Errors;

/// <summary>A field validation error as kube's <c>field.Error</c> renders it: <c>path: Detail</c>.</summary>
internal sealed record FieldError(string Field, string Reason, string Detail)
{
    public override string ToString() => string.IsNullOrEmpty(Field) ? Detail : $"{Field}: {Detail}";

    public static FieldError Required(string field, string? detail = null) =>
        new(field, "FieldValueRequired", string.IsNullOrEmpty(detail) ? "Required value" : $"Required value: {detail}");

    public static FieldError Invalid(string field, string renderedValue, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: {renderedValue}: {detail}");

    public static FieldError TypeInvalid(string field, string renderedValue, string detail) =>
        new(field, "FieldValueTypeInvalid", $"Invalid value: {renderedValue}: {detail}");

    public static FieldError NotSupported(string field, string renderedValue, IEnumerable<string> supported) =>
        new(field, "FieldValueNotSupported", $"Unsupported value: {renderedValue}: supported values: {string.Join(", ", supported)}");

    public static FieldError Forbidden(string field, string detail) => new(field, "FieldValueForbidden", $"Forbidden: {detail}");

    public static FieldError TooLong(string field, long max) => new(field, "FieldValueTooLong", $"Too long: may not be more than {max} bytes");

    public static FieldError TooMany(string field, long actual, long max) =>
        new(field, "FieldValueTooMany", $"Too many: {actual}: must have at most {max} items");
}
