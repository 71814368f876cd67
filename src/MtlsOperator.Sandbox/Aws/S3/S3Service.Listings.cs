using System.Globalization;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.S3;

internal sealed partial class S3Service
{
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
}
