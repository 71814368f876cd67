using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.S3;

/// <summary>S3 over REST-XML with path-style addressing: buckets, versioning, objects and their versions.</summary>
internal sealed partial class S3Service : IAwsService
{
    private const int DefaultMaxKeys = 1000;
    private readonly S3State state;
    private readonly string accountId;

    public S3Service(S3State state, string accountId)
    {
        this.state = state;
        this.accountId = accountId;
    }

    public string SigningName => "s3";

    public IAwsProtocol Protocol { get; } = new RestXmlProtocol();

    // S3 is the fallback for unsigned requests no other service claims.
    public bool Claims(AwsRequest request) => true;

    public string? ResolveOperation(AwsRequest request)
    {
        var (bucket, key) = Split(request.Path);
        return (request.Method, bucket, key) switch
        {
            ("GET", null, _) => "ListBuckets",
            ("PUT", not null, null) when request.HasQuery("versioning") => "PutBucketVersioning",
            ("PUT", not null, null) when request.Query.Count == 0 => "CreateBucket",
            ("GET", not null, null) when request.HasQuery("versioning") => "GetBucketVersioning",
            ("GET", not null, null) when request.HasQuery("versions") => "ListObjectVersions",
            ("GET", not null, null) when request.HasQuery("location") => "GetBucketLocation",
            ("GET", not null, null) when request.QueryValue("list-type") == "2" => "ListObjectsV2",
            ("HEAD", not null, null) => "HeadBucket",
            ("DELETE", not null, null) when request.Query.Count == 0 => "DeleteBucket",
            ("PUT", not null, not null) when request.Header("x-amz-copy-source") is null && OnlyVersionQuery(request) => "PutObject",
            ("GET", not null, not null) when OnlyVersionQuery(request) => "GetObject",
            ("HEAD", not null, not null) when OnlyVersionQuery(request) => "HeadObject",
            ("DELETE", not null, not null) when OnlyVersionQuery(request) => "DeleteObject",
            _ => null,
        };
    }

    public Task<AwsResponse> InvokeAsync(AwsRequest request, string operation, CancellationToken cancellationToken)
    {
        var (bucket, key) = Split(request.Path);
        lock (state.Gate)
        {
            var response = operation switch
            {
                "ListBuckets" => ListBuckets(request),
                "CreateBucket" => CreateBucket(request, bucket!),
                "PutBucketVersioning" => PutBucketVersioning(request, bucket!),
                "GetBucketVersioning" => GetBucketVersioning(request, bucket!),
                "GetBucketLocation" => GetBucketLocation(request, bucket!),
                "HeadBucket" => HeadBucket(request, bucket!),
                "DeleteBucket" => DeleteBucket(request, bucket!),
                "ListObjectVersions" => ListObjectVersions(request, bucket!),
                "ListObjectsV2" => ListObjectsV2(request, bucket!),
                "PutObject" => PutObject(request, bucket!, key!),
                "GetObject" => GetObject(request, bucket!, key!, includeBody: true),
                "HeadObject" => GetObject(request, bucket!, key!, includeBody: false),
                "DeleteObject" => DeleteObject(request, bucket!, key!),
                _ => throw new AwsServiceException("NotImplemented", $"{operation} is not implemented", 501),
            };
            return Task.FromResult(response);
        }
    }

    private static bool OnlyVersionQuery(AwsRequest request) =>
        request.Query.All(p => p.Key is "versionId" or "x-id");

    private static (string? Bucket, string? Key) Split(string path)
    {
        var trimmed = path.TrimStart('/');
        if (trimmed.Length == 0)
        {
            return (null, null);
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash == trimmed.Length - 1)
        {
            return (trimmed.TrimEnd('/'), null);
        }

        return (trimmed[..slash], trimmed[(slash + 1)..]);
    }

    private static XDocument ParseXml(AwsRequest request)
    {
        try
        {
            return XDocument.Parse(request.BodyText);
        }
        catch (XmlException)
        {
            throw new AwsServiceException("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
        }
    }

    private XElement Owner() =>
        RestXmlProtocol.E("Owner", RestXmlProtocol.E("ID", Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(accountId)))));
}
