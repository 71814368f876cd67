using System.Globalization;
using System.Security.Cryptography;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.S3;

internal sealed partial class S3Service
{
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

    private static void ValidateVersionId(string versionId)
    {
        if (versionId != S3ObjectVersion.NullVersionId && (versionId.Length == 0 || versionId.Length > 1024 || versionId.Any(char.IsWhiteSpace)))
        {
            throw new AwsServiceException("InvalidArgument", "Invalid version id specified");
        }
    }
}
