namespace MtlsOperator.Sandbox.Aws.Hosting;

/// <summary>An error a service returns to the caller, with the code and HTTP status its model declares.</summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string code, string message, int statusCode = 400)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
    }

    public AwsServiceException()
        : this("InternalFailure", "internal failure", 500)
    {
    }

    public AwsServiceException(string message)
        : this("InternalFailure", message, 500)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InternalFailure";
        StatusCode = 500;
    }

    /// <summary>The error code, e.g. <c>TrustStoreNotFound</c> or <c>NotFoundException</c>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status of the reply.</summary>
    public int StatusCode { get; }

    /// <summary>True for caller faults (4xx); awsQuery reports them as <c>Sender</c>.</summary>
    public bool IsSenderFault => StatusCode < 500;
}
