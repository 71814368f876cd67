namespace MtlsOperator.Hosting;

/// <summary>What one of the operator's own endpoints answers to a GET: status code, content type and body.</summary>
public sealed record EndpointAnswer(int StatusCode, string ContentType, string Body)
{
    /// <summary>Plain text, UTF-8.</summary>
    public const string PlainText = "text/plain; charset=utf-8";
}
