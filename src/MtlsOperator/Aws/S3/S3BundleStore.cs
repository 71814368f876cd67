using System.Net;
using System.Threading.RateLimiting;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using MtlsOperator.Aws.Diagnostics;
using MtlsOperator.Aws.Endpoints;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Aws.S3;

/// <summary>
/// <see cref="IBundleStore"/> on AWSSDK.S3. The SDK signs and retries (standard mode); this adds the shared
/// client-side rate limit, metrics and the typed errors the other clients raise.
/// </summary>
public sealed class S3BundleStore : IBundleStore, IDisposable
{
    private const string MetadataPrefix = "x-amz-meta-";
    private readonly IAmazonS3 _s3;
    private readonly RateLimiter _rateLimiter;
    private readonly AwsClientMetrics _metrics;
    private readonly TimeProvider _time;

    public S3BundleStore(IAmazonS3 s3, RateLimiter rateLimiter, AwsClientMetrics metrics, TimeProvider time)
    {
        _s3 = s3;
        _rateLimiter = rateLimiter;
        _metrics = metrics;
        _time = time;
    }

    /// <summary>Builds the SDK configuration for a region and (possibly custom) endpoint.</summary>
    public static AmazonS3Config Configure(string region, AwsEndpoint endpoint, int maxAttempts)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var config = new AmazonS3Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = Math.Max(0, maxAttempts - 1),
        };
        if (endpoint.IsCustom)
        {
            // Custom endpoints (emulators, S3-compatible gateways, VPC interface endpoints) rarely serve virtual-hosted buckets.
            config.ServiceURL = endpoint.Url.AbsoluteUri;
            config.AuthenticationRegion = region;
            config.ForcePathStyle = true;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }

    /// <inheritdoc />
    public Task<StoredObjectVersion> PutAsync(string bucket, string key, ReadOnlyMemory<byte> content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        CallAsync("PutObject", async ct =>
        {
            ArgumentNullException.ThrowIfNull(metadata);
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            var request = new PutObjectRequest { BucketName = bucket, Key = key, InputStream = stream, ContentType = contentType, AutoCloseStream = false };
            foreach (var (name, value) in metadata)
            {
                request.Metadata.Add(name, value);
            }

            var response = await _s3.PutObjectAsync(request, ct).ConfigureAwait(false);
            return new StoredObjectVersion(NullIfEmpty(response.VersionId), response.ETag);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<StoredObject> GetAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken) =>
        CallAsync("GetObject", async ct =>
        {
            using var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, VersionId = versionId }, ct).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, ct).ConfigureAwait(false);
            var info = new StoredObjectInfo(NullIfEmpty(response.VersionId), response.ETag, buffer.Length, response.Headers.ContentType, ReadMetadata(response.Metadata));
            return new StoredObject(buffer.ToArray(), info);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<StoredObjectInfo> HeadAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken) =>
        CallAsync("HeadObject", async ct =>
        {
            var response = await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key, VersionId = versionId }, ct).ConfigureAwait(false);
            return new StoredObjectInfo(NullIfEmpty(response.VersionId), response.ETag, response.ContentLength, response.Headers.ContentType, ReadMetadata(response.Metadata));
        }, cancellationToken);

    /// <inheritdoc />
    public Task<BucketVersioning> GetVersioningAsync(string bucket, CancellationToken cancellationToken) =>
        CallAsync("GetBucketVersioning", async ct =>
        {
            var response = await _s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket }, ct).ConfigureAwait(false);
            var status = response.VersioningConfig?.Status?.Value;
            return status switch
            {
                "Enabled" => BucketVersioning.Enabled,
                "Suspended" => BucketVersioning.Suspended,
                _ => BucketVersioning.Unversioned,
            };
        }, cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken) =>
        CallAsync("DeleteObject", async ct =>
        {
            await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key, VersionId = versionId }, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _s3.Dispose();

    private async Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        await ClientRateLimit.WaitAsync(_rateLimiter, AwsService.S3.SigningName, operation, cancellationToken).ConfigureAwait(false);

        var started = _time.GetTimestamp();
        try
        {
            var result = await call(cancellationToken).ConfigureAwait(false);
            _metrics.RecordAttempt(AwsService.S3.DisplayName, operation, AwsOutcome.Success, _time.GetElapsedTime(started));
            return result;
        }
        catch (AmazonServiceException e)
        {
            // HEAD replies carry no body, so the SDK reports only the status; name the code after it.
            var code = string.IsNullOrEmpty(e.ErrorCode) ? e.StatusCode.ToString() : e.ErrorCode;
            var failure = AwsErrorClassifier.ToException(new AwsErrorDetails(code, e.Message, e.RequestId), AwsService.S3.SigningName, operation, e.StatusCode, e);
            _metrics.RecordAttempt(AwsService.S3.DisplayName, operation, AwsOutcome.For(failure.Kind), _time.GetElapsedTime(started));
            throw failure;
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var failure = new AwsTransientException(new AwsErrorDetails("ConnectionError", e.Message, null), AwsService.S3.SigningName, operation, 0, e);
            _metrics.RecordAttempt(AwsService.S3.DisplayName, operation, AwsOutcome.For(failure.Kind), _time.GetElapsedTime(started));
            throw failure;
        }
    }

    private static Dictionary<string, string> ReadMetadata(MetadataCollection metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in metadata.Keys)
        {
            var key = name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase) ? name[MetadataPrefix.Length..] : name;
            result[key] = metadata[name];
        }

        return result;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) || value == "null" ? null : value;
}
