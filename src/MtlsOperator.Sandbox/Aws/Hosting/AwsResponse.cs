namespace MtlsOperator.Sandbox.Aws.Hosting;

/// <summary>A reply ready to be written: status, body, content type and extra headers.</summary>
public sealed record AwsResponse(int StatusCode, byte[] Body, string? ContentType, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>The error code when the reply is an error; recorded in the call log.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>A reply with no body.</summary>
    public static AwsResponse Empty(int statusCode, IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, [], null, headers);
}
