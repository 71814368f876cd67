using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
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

    private AwsResponse ListBuckets(AwsRequest request) =>
        RestXmlProtocol.Reply(request, RestXmlProtocol.E(
            "ListAllMyBucketsResult",
            Owner(),
            RestXmlProtocol.E("Buckets", state.Buckets.OrderBy(b => b.Name, StringComparer.Ordinal).Select(b => RestXmlProtocol.E(
                "Bucket",
                RestXmlProtocol.E("Name", b.Name),
                RestXmlProtocol.E("CreationDate", AwsQueryProtocol.Timestamp(b.CreatedAt)),
                RestXmlProtocol.E("BucketRegion", b.Region))).ToArray())));

    private AwsResponse CreateBucket(AwsRequest request, string bucket)
    {
        if (!BucketNamePattern().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
        {
            throw new AwsServiceException("InvalidBucketName", "The specified bucket is not valid.");
        }

        var region = "us-east-1";
        if (request.Body.Length > 0)
        {
            var document = ParseXml(request);
            var constraint = document.Root?.Element(RestXmlProtocol.Namespace + "LocationConstraint")?.Value;
            if (!string.IsNullOrEmpty(constraint))
            {
                region = constraint;
            }
        }

        state.CreateBucket(bucket, region);
        return RestXmlProtocol.Empty(request, 200, new(StringComparer.OrdinalIgnoreCase) { ["Location"] = "/" + bucket });
    }

    private AwsResponse PutBucketVersioning(AwsRequest request, string bucketName)
    {
        var bucket = state.Bucket(bucketName);
        var status = ParseXml(request).Root?.Element(RestXmlProtocol.Namespace + "Status")?.Value;
        if (status is not ("Enabled" or "Suspended"))
        {
            throw new AwsServiceException("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
        }

        bucket.VersioningStatus = status;
        return RestXmlProtocol.Empty(request, 200);
    }

    private AwsResponse GetBucketVersioning(AwsRequest request, string bucketName)
    {
        var bucket = state.Bucket(bucketName);
        return RestXmlProtocol.Reply(request, RestXmlProtocol.E(
            "VersioningConfiguration",
            bucket.VersioningStatus is null ? null : RestXmlProtocol.E("Status", bucket.VersioningStatus)));
    }

    private AwsResponse GetBucketLocation(AwsRequest request, string bucketName)
    {
        var bucket = state.Bucket(bucketName);

        // us-east-1 buckets report an empty LocationConstraint.
        return RestXmlProtocol.Reply(request, RestXmlProtocol.E("LocationConstraint", bucket.Region == "us-east-1" ? null : bucket.Region));
    }

    private AwsResponse HeadBucket(AwsRequest request, string bucketName)
    {
        var bucket = state.Bucket(bucketName);
        return RestXmlProtocol.Empty(request, 200, new(StringComparer.OrdinalIgnoreCase) { ["x-amz-bucket-region"] = bucket.Region });
    }

    private AwsResponse DeleteBucket(AwsRequest request, string bucketName)
    {
        var bucket = state.Bucket(bucketName);
        if (bucket.Versions.Count > 0)
        {
            throw new AwsServiceException("BucketNotEmpty", "The bucket you tried to delete is not empty. You must delete all versions in the bucket.", 409);
        }

        state.Remove(bucketName);
        return RestXmlProtocol.Empty(request, 204);
    }

    private AwsResponse PutObject(AwsRequest request, string bucketName, string key)
    {
        var bucket = state.Bucket(bucketName);
        if (request.Header("Content-MD5") is { Length: > 0 } md5)
        {
            if (!string.Equals(md5, Convert.ToBase64String(S3State.Md5(request.Body)), StringComparison.Ordinal))
            {
                throw new AwsServiceException("BadDigest", "The Content-MD5 you specified did not match what we received.");
            }
        }

        var metadata = request.Headers
            .Where(h => h.Key.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key["x-amz-meta-".Length..].ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var version = state.PutObject(bucket.Name, key, request.Body, request.Header("Content-Type") ?? "binary/octet-stream", metadata);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ETag"] = version.ETag };
        if (bucket.VersioningStatus is not null)
        {
            headers["x-amz-version-id"] = version.VersionId;
        }

        return RestXmlProtocol.Empty(request, 200, headers);
    }

    private AwsResponse GetObject(AwsRequest request, string bucketName, string key, bool includeBody)
    {
        var bucket = state.Bucket(bucketName);
        var versionId = request.QueryValue("versionId");
        S3ObjectVersion? version;
        if (versionId is null)
        {
            version = bucket.Latest(key);
            if (version is null or { IsDeleteMarker: true })
            {
                throw new AwsServiceException("NoSuchKey", "The specified key does not exist.", 404);
            }
        }
        else
        {
            ValidateVersionId(versionId);
            version = bucket.Versions.Find(v => v.Key == key && v.VersionId == versionId)
                ?? throw new AwsServiceException("NoSuchVersion", "The specified version does not exist.", 404);
            if (version.IsDeleteMarker)
            {
                throw new AwsServiceException("MethodNotAllowed", "The specified method is not allowed against this resource.", 405);
            }
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ETag"] = version.ETag,
            ["Last-Modified"] = version.LastModified.ToString("R", CultureInfo.InvariantCulture),
            ["Accept-Ranges"] = "bytes",
        };
        if (bucket.VersioningStatus is not null)
        {
            headers["x-amz-version-id"] = version.VersionId;
        }

        foreach (var (name, value) in version.Metadata)
        {
            headers["x-amz-meta-" + name] = value;
        }

        if (!includeBody)
        {
            headers["Content-Length"] = version.Content.Length.ToString(CultureInfo.InvariantCulture);
            headers["Content-Type"] = version.ContentType;
            return RestXmlProtocol.Empty(request, 200, headers);
        }

        return RestXmlProtocol.Content(request, 200, version.Content, version.ContentType, headers);
    }

    private AwsResponse DeleteObject(AwsRequest request, string bucketName, string key)
    {
        var bucket = state.Bucket(bucketName);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var versionId = request.QueryValue("versionId");
        if (versionId is not null)
        {
            ValidateVersionId(versionId);
            var removed = bucket.Versions.Find(v => v.Key == key && v.VersionId == versionId);
            if (removed is not null)
            {
                bucket.Versions.Remove(removed);
                if (removed.IsDeleteMarker)
                {
                    headers["x-amz-delete-marker"] = "true";
                }
            }

            headers["x-amz-version-id"] = versionId;
        }
        else if (bucket.VersioningStatus is null)
        {
            bucket.Versions.RemoveAll(v => v.Key == key);
        }
        else
        {
            var marker = state.AddDeleteMarker(bucket, key);
            headers["x-amz-delete-marker"] = "true";
            headers["x-amz-version-id"] = marker.VersionId;
        }

        return RestXmlProtocol.Empty(request, 204, headers);
    }

    private AwsResponse ListObjectVersions(AwsRequest request, string bucketName)
    {
        var bucket = state.Bucket(bucketName);
        var prefix = request.QueryValue("prefix") ?? string.Empty;
        var keyMarker = request.QueryValue("key-marker") ?? string.Empty;
        var versionIdMarker = request.QueryValue("version-id-marker");
        var maxKeys = MaxKeys(request);

        var all = bucket.Listing().Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var start = 0;
        if (keyMarker.Length > 0)
        {
            start = all.FindIndex(v => string.CompareOrdinal(v.Key, keyMarker) > 0);
            if (versionIdMarker is not null)
            {
                var at = all.FindIndex(v => v.Key == keyMarker && v.VersionId == versionIdMarker);
                start = at >= 0 ? at + 1 : start;
            }

            start = start < 0 ? all.Count : start;
        }

        var page = all.Skip(start).Take(maxKeys).ToList();
        var truncated = start + page.Count < all.Count;
        var entries = page.Select(v =>
        {
            var isLatest = ReferenceEquals(bucket.Latest(v.Key), v);
            return v.IsDeleteMarker
                ? RestXmlProtocol.E(
                    "DeleteMarker",
                    RestXmlProtocol.E("Key", v.Key),
                    RestXmlProtocol.E("VersionId", v.VersionId),
                    RestXmlProtocol.E("IsLatest", AwsQueryProtocol.Boolean(isLatest)),
                    RestXmlProtocol.E("LastModified", AwsQueryProtocol.Timestamp(v.LastModified)),
                    Owner())
                : RestXmlProtocol.E(
                    "Version",
                    RestXmlProtocol.E("Key", v.Key),
                    RestXmlProtocol.E("VersionId", v.VersionId),
                    RestXmlProtocol.E("IsLatest", AwsQueryProtocol.Boolean(isLatest)),
                    RestXmlProtocol.E("LastModified", AwsQueryProtocol.Timestamp(v.LastModified)),
                    RestXmlProtocol.E("ETag", v.ETag),
                    RestXmlProtocol.E("Size", v.Content.Length),
                    RestXmlProtocol.E("StorageClass", "STANDARD"),
                    Owner());
        }).ToArray();

        return RestXmlProtocol.Reply(request, RestXmlProtocol.E(
            "ListVersionsResult",
            RestXmlProtocol.E("Name", bucket.Name),
            RestXmlProtocol.E("Prefix", prefix),
            RestXmlProtocol.E("KeyMarker", keyMarker),
            RestXmlProtocol.E("VersionIdMarker", versionIdMarker ?? string.Empty),
            truncated ? RestXmlProtocol.E("NextKeyMarker", page[^1].Key) : null,
            truncated ? RestXmlProtocol.E("NextVersionIdMarker", page[^1].VersionId) : null,
            RestXmlProtocol.E("MaxKeys", maxKeys),
            RestXmlProtocol.E("IsTruncated", AwsQueryProtocol.Boolean(truncated)),
            entries));
    }

    private AwsResponse ListObjectsV2(AwsRequest request, string bucketName)
    {
        var bucket = state.Bucket(bucketName);
        var prefix = request.QueryValue("prefix") ?? string.Empty;
        var delimiter = request.QueryValue("delimiter");
        var maxKeys = MaxKeys(request);
        var after = request.QueryValue("continuation-token") ?? request.QueryValue("start-after") ?? string.Empty;
        var current = bucket.Versions
            .Select(v => v.Key)
            .Distinct(StringComparer.Ordinal)
            .Select(bucket.Latest)
            .Where(v => v is { IsDeleteMarker: false } && v.Key.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(v.Key, after) > 0)
            .Select(v => v!)
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .ToList();

        // With a delimiter, keys that continue past it roll up into one CommonPrefixes entry each, counted like a key.
        var entries = new List<(string Key, S3ObjectVersion? Version)>();
        foreach (var version in current)
        {
            var separator = delimiter ?? string.Empty;
            var cut = separator.Length == 0 ? -1 : version.Key.IndexOf(separator, prefix.Length, StringComparison.Ordinal);
            if (cut < 0)
            {
                entries.Add((version.Key, version));
            }
            else if (entries.Count == 0 || entries[^1].Key != version.Key[..(cut + separator.Length)])
            {
                entries.Add((version.Key[..(cut + separator.Length)], null));
            }
        }

        var page = entries.Take(maxKeys).ToList();
        var truncated = page.Count < entries.Count;
        var last = page.Count == 0 ? null : page[^1].Version?.Key ?? current.Last(v => v.Key.StartsWith(page[^1].Key, StringComparison.Ordinal)).Key;
        return RestXmlProtocol.Reply(request, RestXmlProtocol.E(
            "ListBucketResult",
            RestXmlProtocol.E("Name", bucket.Name),
            RestXmlProtocol.E("Prefix", prefix),
            delimiter is null ? null : RestXmlProtocol.E("Delimiter", delimiter),
            RestXmlProtocol.E("KeyCount", page.Count),
            RestXmlProtocol.E("MaxKeys", maxKeys),
            RestXmlProtocol.E("IsTruncated", AwsQueryProtocol.Boolean(truncated)),
            truncated ? RestXmlProtocol.E("NextContinuationToken", last) : null,
            page.Where(e => e.Version is not null).Select(e => RestXmlProtocol.E(
                "Contents",
                RestXmlProtocol.E("Key", e.Version!.Key),
                RestXmlProtocol.E("LastModified", AwsQueryProtocol.Timestamp(e.Version.LastModified)),
                RestXmlProtocol.E("ETag", e.Version.ETag),
                RestXmlProtocol.E("Size", e.Version.Content.Length),
                RestXmlProtocol.E("StorageClass", "STANDARD"))).ToArray(),
            page.Where(e => e.Version is null).Select(e => RestXmlProtocol.E("CommonPrefixes", RestXmlProtocol.E("Prefix", e.Key))).ToArray()));
    }

    private static int MaxKeys(AwsRequest request)
    {
        var text = request.QueryValue("max-keys");
        if (text is null)
        {
            return DefaultMaxKeys;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? Math.Min(value, DefaultMaxKeys)
            : throw new AwsServiceException("InvalidArgument", "Provided max-keys not an integer or within integer range");
    }

    private static void ValidateVersionId(string versionId)
    {
        if (versionId != S3ObjectVersion.NullVersionId && (versionId.Length == 0 || versionId.Length > 1024 || versionId.Any(char.IsWhiteSpace)))
        {
            throw new AwsServiceException("InvalidArgument", "Invalid version id specified");
        }
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

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketNamePattern();
}
