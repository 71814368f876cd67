using MtlsOperator.Aws.Errors;

namespace MtlsOperator.Aws.Diagnostics;

/// <summary>The "outcome" tag values of the AWS client metrics.</summary>
public static class AwsOutcome
{
    /// <summary>A 2xx reply.</summary>
    public const string Success = "success";

    /// <summary>The tag for a failed attempt of the given kind, in snake case (e.g. <c>not_found</c>).</summary>
    public static string For(AwsErrorKind kind) => kind switch
    {
        AwsErrorKind.NotFound => "not_found",
        AwsErrorKind.Conflict => "conflict",
        AwsErrorKind.Throttled => "throttled",
        AwsErrorKind.AccessDenied => "access_denied",
        AwsErrorKind.Validation => "validation",
        AwsErrorKind.QuotaExceeded => "quota_exceeded",
        AwsErrorKind.InProgress => "in_progress",
        AwsErrorKind.Transient => "transient",
        _ => "error",
    };
}
