using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using MtlsOperator.Sandbox.Aws.Calls;
using MtlsOperator.Sandbox.Aws.Faults;
using MtlsOperator.Sandbox.Aws.Signing;

namespace MtlsOperator.Sandbox.Aws.Hosting;

/// <summary>
/// The one HTTP endpoint every service shares: authenticates, routes by the credential scope's service,
/// applies fault switches, invokes the operation and records the call.
/// </summary>
internal sealed class AwsEndpoint
{
    private readonly IReadOnlyList<IAwsService> services;
    private readonly SigV4Verifier verifier;
    private readonly AwsFaults faults;
    private readonly AwsCallLog calls;
    private readonly TimeProvider time;
    private readonly string defaultRegion;
    private readonly PresignedDownloads downloads;

    public AwsEndpoint(IReadOnlyList<IAwsService> services, SigV4Verifier verifier, AwsFaults faults, AwsCallLog calls, TimeProvider time, string defaultRegion, PresignedDownloads downloads)
    {
        this.downloads = downloads;
        this.services = services;
        this.verifier = verifier;
        this.faults = faults;
        this.calls = calls;
        this.time = time;
        this.defaultRegion = defaultRegion;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        var cancellationToken = context.RequestAborted;
        if (http.Path.StartsWithSegments(PresignedDownloads.PathPrefix.TrimEnd('/'), StringComparison.Ordinal))
        {
            await ServeDownloadAsync(context).ConfigureAwait(false);
            return;
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Path + http.QueryString;
        var body = await ReadBodyAsync(http, cancellationToken).ConfigureAwait(false);
        var authorization = http.Headers.Authorization.ToString();
        var authError = string.Empty;
        var auth = authorization.Length > 0 ? SigV4Authorization.Parse(authorization, out authError) : null;
        var (path, query) = SplitTarget(rawTarget);
        var request = new AwsRequest(http.Method.ToUpperInvariant(), path, query, http.Headers, body, auth?.Region ?? defaultRegion, AwsIds.RequestId());

        // Signed requests name their service in the credential scope; unsigned ones are recognised by their shape.
        var service = auth is null ? services.First(s => s.Claims(request)) : services.FirstOrDefault(s => s.SigningName == auth.Service);
        if (service is null)
        {
            var guess = services.First(s => s.Claims(request));
            var unknown = guess.Protocol.Describe(AwsErrorKind.UnknownOperation, $"The service '{auth!.Service}' is not emulated here.");
            await WriteAsync(context, guess.Protocol.Error(request, unknown), cancellationToken).ConfigureAwait(false);
            return;
        }

        AwsResponse response;
        try
        {
            request = Authenticate(http, rawTarget, request, auth, authError, service);
            response = await InvokeAsync(service, request, cancellationToken).ConfigureAwait(false);
        }
        catch (SigV4Exception ex)
        {
            response = service.Protocol.Error(request, service.Protocol.Describe(ex.Kind, ex.Message));
        }
        catch (InjectedFault ex)
        {
            var described = service.Protocol.Describe(ex.Kind, ex.Message);
            response = service.Protocol.Error(request, ex.StatusCode is { } status ? new AwsServiceException(described.Code, described.Message, status) : described);
        }
        catch (AwsServiceException ex)
        {
            response = service.Protocol.Error(request, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An emulator defect must still reach the client as the protocol's 5xx, not as a dropped connection.
            response = service.Protocol.Error(request, service.Protocol.Describe(AwsErrorKind.ServerError, $"Internal error ({ex.GetType().Name})"));
        }

        if (service.ResolveOperation(request) is { } operation)
        {
            calls.Add(new AwsCall(service.SigningName, operation, request.Region, response.StatusCode, response.ErrorCode, request.AccessKeyId, time.GetUtcNow()));
        }

        await WriteAsync(context, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the signature and returns the request with its decoded payload and caller; unsigned only where AWS allows it.</summary>
    private AwsRequest Authenticate(HttpRequest http, string rawTarget, AwsRequest request, SigV4Authorization? auth, string authError, IAwsService service)
    {
        if (http.Headers.Authorization.Count == 0)
        {
            return service.AllowsUnsigned(request)
                ? request
                : throw new SigV4Exception(AwsErrorKind.MissingAuthentication, "Request is missing Authentication Token");
        }

        if (auth is null)
        {
            throw new SigV4Exception(AwsErrorKind.IncompleteSignature, authError);
        }

        var (credential, payload) = verifier.Verify(http, rawTarget, auth, request.Body);
        return new AwsRequest(request.Method, request.Path, request.Query, request.Headers, payload, request.Region, request.RequestId)
        {
            AccessKeyId = credential.AccessKeyId,
        };
    }

    private async Task<AwsResponse> InvokeAsync(IAwsService service, AwsRequest request, CancellationToken cancellationToken)
    {
        var operation = service.ResolveOperation(request)
            ?? throw new SigV4Exception(AwsErrorKind.UnknownOperation, $"Could not find operation for {request.Method} {request.Path}");
        await ApplyFaultsAsync(service, cancellationToken).ConfigureAwait(false);
        return await service.InvokeAsync(request, operation, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyFaultsAsync(IAwsService service, CancellationToken cancellationToken)
    {
        var applicable = faults.Applicable(service.SigningName).ToList();
        var latency = applicable.Aggregate(TimeSpan.Zero, (sum, f) => sum + f.Latency);
        if (latency > TimeSpan.Zero)
        {
            // Latency stands for the network, which clients time out on with wall-clock timers, so it is real time
            // even when the emulator's own clock is faked.
            await Task.Delay(latency, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        foreach (var switches in applicable)
        {
            if (switches.TryTakeFailure(out var status))
            {
                throw new InjectedFault(AwsErrorKind.ServerError, "We encountered an internal error. Please try again.", status);
            }
        }

        if (applicable.Any(f => f.ShouldThrottle()))
        {
            throw new InjectedFault(AwsErrorKind.Throttling, "Rate exceeded", null);
        }
    }

    private async Task ServeDownloadAsync(HttpContext context)
    {
        var token = context.Request.Path.Value![PresignedDownloads.PathPrefix.Length..];
        if (!downloads.TryGet(token, out var content))
        {
            context.Response.StatusCode = 403;
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }

    private static (string Path, List<KeyValuePair<string, string>> Query) SplitTarget(string rawTarget)
    {
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? rawTarget : rawTarget[..question];
        var query = new List<KeyValuePair<string, string>>();
        if (question >= 0)
        {
            foreach (var part in rawTarget[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                query.Add(equals < 0
                    ? new(Uri.UnescapeDataString(part), string.Empty)
                    : new(Uri.UnescapeDataString(part[..equals]), Uri.UnescapeDataString(part[(equals + 1)..])));
            }
        }

        return (Uri.UnescapeDataString(rawPath.Length == 0 ? "/" : rawPath), query);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, AwsResponse response, CancellationToken cancellationToken)
    {
        var http = context.Response;
        http.StatusCode = response.StatusCode;
        if (response.Headers is not null)
        {
            foreach (var (name, value) in response.Headers)
            {
                http.Headers[name] = value;
            }
        }

        if (response.ContentType is not null)
        {
            http.ContentType = response.ContentType;
        }

        if (response.Body.Length > 0)
        {
            http.ContentLength = response.Body.Length;
            await http.Body.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
        }
        else if (context.Request.Method != "HEAD")
        {
            http.ContentLength = 0;
        }
    }
}
