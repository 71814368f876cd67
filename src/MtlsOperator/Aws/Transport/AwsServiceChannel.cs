using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Aws.Diagnostics;
using MtlsOperator.Aws.Endpoints;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.Signing;

namespace MtlsOperator.Aws.Transport;

/// <summary>
/// Sends signed requests to one service in one region with one identity: client-side rate limit, SigV4,
/// standard-mode retries, metrics and debug logs. Protocols build the requests and read the replies.
/// </summary>
public sealed partial class AwsServiceChannel
{
    private readonly AwsTransport _transport;
    private readonly IAwsCredentialSource _credentials;
    private readonly RateLimiter _rateLimiter;
    private readonly RetryQuota _retryQuota;

    public AwsServiceChannel(AwsService service, string region, AwsEndpoint endpoint, IAwsCredentialSource credentials, RateLimiter rateLimiter, RetryQuota retryQuota, AwsTransport transport)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(endpoint);
        Service = service;
        Region = region;
        Endpoint = endpoint;
        _credentials = credentials;
        _rateLimiter = rateLimiter;
        _retryQuota = retryQuota;
        _transport = transport;
    }

    /// <summary>The service this channel talks to.</summary>
    public AwsService Service { get; }

    /// <summary>The region in the signature scope.</summary>
    public string Region { get; }

    /// <summary>Where requests go.</summary>
    public AwsEndpoint Endpoint { get; }

    /// <summary>Sends <paramref name="request"/> until it succeeds or fails for good; returns the 2xx reply.</summary>
    /// <exception cref="AwsException">The typed error of the last attempt.</exception>
    public async Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, IAwsErrorReader errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var spentTokens = 0;
        for (var attempt = 1; ; attempt++)
        {
            await ClientRateLimit.WaitAsync(_rateLimiter, Service.SigningName, request.Operation, cancellationToken).ConfigureAwait(false);

            var started = _transport.Time.GetTimestamp();
            var (reply, failure, timedOut) = await AttemptAsync(request, errors, cancellationToken).ConfigureAwait(false);
            var elapsed = _transport.Time.GetElapsedTime(started);
            if (failure is null)
            {
                _transport.Metrics.RecordAttempt(Service.DisplayName, request.Operation, AwsOutcome.Success, elapsed);
                var requestId = reply!.Header("x-amzn-RequestId") ?? reply.Header("x-amz-request-id");
                LogSuccess(_transport.Logger, Service.SigningName, request.Operation, Region, (int)reply.Status, elapsed.TotalMilliseconds, attempt, requestId);
                _retryQuota.Release(spentTokens);
                return reply;
            }

            _transport.Metrics.RecordAttempt(Service.DisplayName, request.Operation, AwsOutcome.For(failure.Kind), elapsed);
            LogFailure(_transport.Logger, Service.SigningName, request.Operation, Region, (int)failure.HttpStatus, failure.Code, elapsed.TotalMilliseconds, attempt, failure.RequestId);
            if (!failure.IsRetryable || attempt >= _transport.Retry.MaxAttempts)
            {
                throw failure;
            }

            var cost = _retryQuota.TryAcquire(timedOut);
            if (cost == 0)
            {
                throw failure;
            }

            spentTokens += cost;
            _transport.Metrics.RecordRetry(Service.DisplayName, request.Operation);
            var delay = _transport.Retry.Backoff(attempt, failure.Kind, reply is null ? null : RetryAfter(reply, _transport.Time), _transport.Jitter());
            await Task.Delay(delay, _transport.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(AwsHttpResponse? Reply, AwsException? Failure, bool TimedOut)> AttemptAsync(AwsHttpRequest request, IAwsErrorReader errors, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_transport.AttemptTimeout);
        try
        {
            var credentials = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
            using var message = BuildMessage(request);
            SigV4Signer.Sign(message, request.Body, credentials, Region, Service.SigningName, _transport.Time.GetUtcNow(), doubleEncodePath: Service != AwsService.S3);
            using var response = await _transport.Http.SendAsync(message, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var reply = new AwsHttpResponse(response.StatusCode, CollectHeaders(response), body);
            if (reply.IsSuccess)
            {
                return (reply, null, false);
            }

            return (reply, AwsErrorClassifier.ToException(errors.Read(reply), Service.SigningName, request.Operation, reply.Status), false);
        }
        catch (HttpRequestException e)
        {
            var details = new AwsErrorDetails("ConnectionError", $"Could not reach {Endpoint.Url.Host}: {e.Message}", null);
            return (null, new AwsTransientException(details, Service.SigningName, request.Operation, 0, e), false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            var details = new AwsErrorDetails("RequestTimeout", $"No reply from {Endpoint.Url.Host} within {_transport.AttemptTimeout.TotalSeconds:0} s.", null);
            return (null, new AwsTransientException(details, Service.SigningName, request.Operation, 0, e), true);
        }
    }

    private HttpRequestMessage BuildMessage(AwsHttpRequest request)
    {
        var root = Endpoint.Url.AbsoluteUri.TrimEnd('/');
        var message = new HttpRequestMessage(request.Method, new Uri(root + request.PathAndQuery, UriKind.Absolute));
        if (request.Body.Length > 0 || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            headers[name] = string.Join(',', values);
        }

        foreach (var (name, values) in response.Content.Headers.NonValidated)
        {
            headers[name] = string.Join(',', values);
        }

        return headers;
    }

    private static TimeSpan? RetryAfter(AwsHttpResponse reply, TimeProvider time)
    {
        var value = reply.Header("Retry-After");
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var wait = at - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "AWS {Service} {Operation} in {Region}: HTTP {Status} in {ElapsedMs:0.0} ms (attempt {Attempt}, request ID {RequestId})")]
    private static partial void LogSuccess(ILogger logger, string service, string operation, string region, int status, double elapsedMs, int attempt, string? requestId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "AWS {Service} {Operation} in {Region}: HTTP {Status} {Code} in {ElapsedMs:0.0} ms (attempt {Attempt}, request ID {RequestId})")]
    private static partial void LogFailure(ILogger logger, string service, string operation, string region, int status, string code, double elapsedMs, int attempt, string? requestId);
}
