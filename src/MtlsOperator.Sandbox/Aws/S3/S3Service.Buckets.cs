using System.Text.RegularExpressions;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.S3;

internal sealed partial class S3Service
{
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

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketNamePattern();
}
