namespace MtlsOperator.Aws.ApiGateway;

/// <summary>One API Gateway update operation (a JSON-Patch-like op on a resource path).</summary>
/// <remarks>For example <c>replace /mutualTlsAuthentication/truststoreVersion</c> with the new S3 object version.</remarks>
public sealed record PatchOperation(string Op, string Path, string? Value)
{
    /// <summary>A <c>replace</c> operation.</summary>
    public static PatchOperation Replace(string path, string? value) => new("replace", path, value);
}
