using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MtlsOperator.Sandbox.Kubernetes.Discovery;
using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Patching;
using MtlsOperator.Sandbox.Kubernetes.Protobuf;
using MtlsOperator.Sandbox.Kubernetes.Registry;
using MtlsOperator.Sandbox.Kubernetes.Resources;
using MtlsOperator.Sandbox.Kubernetes.Selection;
using MtlsOperator.Sandbox.Kubernetes.Storage;
using MtlsOperator.Sandbox.Kubernetes.Tables;

namespace MtlsOperator.Sandbox.Kubernetes.Http;

/// <summary>Routes kube-apiserver REST paths to discovery documents and to the registry's verbs.</summary>
internal sealed class KubeApiHandler
{
    /// <summary>kube-apiserver's request body limit (3 MiB).</summary>
    public const int MaxRequestBytes = 3 * 1024 * 1024;

    private const string MergePatch = "application/merge-patch+json";
    private const string JsonPatchType = "application/json-patch+json";
    private const string StrategicMergePatch = "application/strategic-merge-patch+json";
    private readonly ObjectRegistry _registry;
    private readonly WatchStream _watches;
    private readonly OpenApiDocuments _openApi;
    private readonly TimeProvider _time;

    public KubeApiHandler(ObjectRegistry registry, WatchStream watches, TimeProvider time)
    {
        _registry = registry;
        _watches = watches;
        _time = time;
        _openApi = new OpenApiDocuments(registry.Resources);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        try
        {
            var path = ApiPath.Parse(context.Request.Path.Value ?? "/", _registry.Resources);
            if (path.Kind == ApiPathKind.Resource)
            {
                await HandleResourceAsync(context, path, cancellationToken);
                return;
            }

            if (!HttpMethods.IsGet(context.Request.Method))
            {
                throw KubeApiException.MethodNotAllowed("the server does not allow this method on the requested resource");
            }

            var document = Discover(context, path) ?? throw NotFound();
            await JsonResponse.WriteAsync(context, 200, document, cancellationToken);
        }
        catch (KubeApiException error) when (!context.Response.HasStarted)
        {
            await JsonResponse.WriteErrorAsync(context, error, cancellationToken);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await JsonResponse.WriteErrorAsync(context, new KubeApiException(413, "RequestEntityTooLarge", $"Request entity too large: limit is {MaxRequestBytes}"), cancellationToken);
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
        {
            // kube-apiserver answers a handler failure with a 500 InternalError Status rather than dropping the connection.
            await JsonResponse.WriteErrorAsync(context, KubeApiException.Internal(error.Message), cancellationToken);
        }
    }

    private JsonNode? Discover(HttpContext context, ApiPath path) => path.Kind switch
    {
        ApiPathKind.Version => DiscoveryDocuments.Version(),
        ApiPathKind.Health => JsonValue.Create("ok"),
        ApiPathKind.LegacyApiVersions => DiscoveryDocuments.LegacyApiVersions($"{context.Request.Host}"),
        ApiPathKind.GroupList => DiscoveryDocuments.GroupList(_registry.Resources),
        ApiPathKind.Group => DiscoveryDocuments.Group(_registry.Resources, path.Group),
        ApiPathKind.GroupVersion => DiscoveryDocuments.ResourceList(_registry.Resources, path.Group, path.Version),
        ApiPathKind.OpenApiV3 => _openApi.V3(path.Rest),
        _ => null,
    };

    private async Task HandleResourceAsync(HttpContext context, ApiPath path, CancellationToken cancellationToken)
    {
        var type = path.Type!;
        var method = context.Request.Method;
        var ns = path.Namespace ?? "";
        if ((type.Namespaced && path.Namespace is null && path.Name is not null) || (!type.Namespaced && path.Namespace is not null))
        {
            throw NotFound();
        }

        if (path.Subresource is { } sub && (sub != "status" || !(type.FindVersion(path.Version)?.StatusSubresource ?? false)))
        {
            throw NotFound();
        }

        var statusOnly = path.Subresource == "status";
        var query = context.Request.Query;
        var options = new WriteOptions(query["dryRun"] == "All", query["fieldValidation"] is { Count: > 0 } fv ? fv.ToString() : "Warn");

        if (path.Name is null)
        {
            if (HttpMethods.IsGet(method))
            {
                var filter = new ObjectFilter(path.Namespace, LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"], type));
                if (string.Equals(query["watch"], "true", StringComparison.OrdinalIgnoreCase) || query["watch"] == "1")
                {
                    await _watches.ServeAsync(context, type, path.Version, filter, cancellationToken);
                    return;
                }

                await ListAsync(context, type, path.Version, filter, cancellationToken);
                return;
            }

            if (HttpMethods.IsPost(method))
            {
                var body = await ReadObjectAsync(context, cancellationToken);
                var created = _registry.Create(type, path.Version, ns, body, options);
                await WriteResultAsync(context, 201, type, path.Version, created, cancellationToken);
                return;
            }

            if (HttpMethods.IsDelete(method))
            {
                await DeleteCollectionAsync(context, type, path, cancellationToken);
                return;
            }

            throw MethodNotAllowed();
        }

        var name = path.Name;
        if (HttpMethods.IsGet(method))
        {
            var obj = _registry.Get(type, ns, name);
            if (ContentNegotiation.WantsTable(context.Request))
            {
                var table = new TableBuilder(type, path.Version, query["includeObject"], _time.GetUtcNow()).Table([obj], obj.ResourceVersion, null);
                await JsonResponse.WriteAsync(context, 200, table, cancellationToken);
                return;
            }

            await WriteStoredAsync(context, 200, type, path.Version, obj, cancellationToken);
            return;
        }

        if (HttpMethods.IsPut(method))
        {
            var body = await ReadObjectAsync(context, cancellationToken);
            var updated = _registry.Update(type, path.Version, ns, name, body, statusOnly, options);
            await WriteResultAsync(context, 200, type, path.Version, updated, cancellationToken);
            return;
        }

        if (HttpMethods.IsPatch(method))
        {
            var patch = await ReadPatchAsync(context, type, cancellationToken);
            var patched = _registry.Patch(type, path.Version, ns, name, patch, statusOnly, options);
            await WriteResultAsync(context, 200, type, path.Version, patched, cancellationToken);
            return;
        }

        if (HttpMethods.IsDelete(method) && !statusOnly)
        {
            var deleteOptions = await ReadDeleteOptionsAsync(context, cancellationToken);
            var result = _registry.Delete(type, ns, name, deleteOptions);
            if (result.Removed && !type.ReturnsDeletedObject)
            {
                await JsonResponse.WriteAsync(context, 200, SuccessStatus(type, result.Object), cancellationToken);
                return;
            }

            await WriteStoredAsync(context, 200, type, path.Version, result.Object, cancellationToken);
            return;
        }

        throw MethodNotAllowed();
    }

    private async Task ListAsync(HttpContext context, ResourceType type, string version, ObjectFilter filter, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;
        var continueAfter = query["continue"] is { Count: > 0 } token && token.ToString().Length > 0 ? ContinueToken.Decode(token.ToString()) : null;
        var page = _registry.Store.List(type.StorageId, filter, continueAfter, limit);
        if (query["resourceVersionMatch"] == "Exact" && long.TryParse(query["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var exact) && exact != page.ResourceVersion)
        {
            // Only the latest state is kept; it is the state at the requested revision when nothing of this resource changed since.
            if (!_registry.Store.UnchangedSince(type.StorageId, exact))
            {
                throw KubeApiException.Expired(string.Create(CultureInfo.InvariantCulture, $"too old resource version: {exact} ({page.ResourceVersion})"));
            }

            page = page with { ResourceVersion = exact };
        }

        var continueToken = page.ContinueAfter is { } after ? ContinueToken.Encode(page.ResourceVersion, after) : null;
        if (ContentNegotiation.WantsTable(context.Request))
        {
            var table = new TableBuilder(type, version, query["includeObject"], _time.GetUtcNow()).Table(page.Items, page.ResourceVersion, continueToken);
            await JsonResponse.WriteAsync(context, 200, table, cancellationToken);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = JsonResponse.ContentType;
        var view = new ObjectView(type, version);
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, StoreJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("kind", type.ListKind);
        writer.WriteString("apiVersion", view.ApiVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", page.ResourceVersion.ToString(CultureInfo.InvariantCulture));
        if (continueToken is not null)
        {
            writer.WriteString("continue", continueToken);
            if (page.RemainingItemCount is { } remaining)
            {
                writer.WriteNumber("remainingItemCount", remaining);
            }
        }

        writer.WriteEndObject();
        writer.WriteStartArray("items");
        foreach (var item in page.Items)
        {
            view.Write(writer, item);
            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private async Task DeleteCollectionAsync(HttpContext context, ResourceType type, ApiPath path, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var filter = new ObjectFilter(path.Namespace, LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"], type));
        var options = await ReadDeleteOptionsAsync(context, cancellationToken);
        var page = _registry.Store.List(type.StorageId, filter, null, 0);
        var deleted = new List<StoredObject>();
        foreach (var item in page.Items)
        {
            try
            {
                deleted.Add(_registry.Delete(type, item.Namespace, item.Name, options).Object);
            }
            catch (KubeApiException gone) when (gone.Code == 404)
            {
                // Deleted concurrently: nothing left to do for it.
            }
        }

        var view = new ObjectView(type, path.Version);
        var list = new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = view.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = _registry.Store.CurrentResourceVersion.ToString(CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray(deleted.Select(d => (JsonNode?)view.ToJson(d)).ToArray()),
        };
        await JsonResponse.WriteAsync(context, 200, list, cancellationToken);
    }

    private static async Task WriteResultAsync(HttpContext context, int statusCode, ResourceType type, string version, WriteResult result, CancellationToken cancellationToken)
    {
        foreach (var warning in result.Warnings)
        {
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        await WriteStoredAsync(context, statusCode, type, version, result.Object, cancellationToken);
    }

    private static async Task WriteStoredAsync(HttpContext context, int statusCode, ResourceType type, string version, StoredObject obj, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonResponse.ContentType;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, StoreJson.WriterOptions);
        new ObjectView(type, version).Write(writer, obj);
        await writer.FlushAsync(cancellationToken);
    }

    private static JsonObject SuccessStatus(ResourceType type, StoredObject obj)
    {
        var details = new JsonObject { ["name"] = obj.Name };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        details["uid"] = obj.Uid;
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw KubeApiException.BadRequest($"couldn't get version/kind; json parse error: {e.Message}");
        }
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var mediaType = (context.Request.ContentType ?? JsonResponse.ContentType).Split(';')[0].Trim();
        if (mediaType == KubeProtobufDecoder.MediaType)
        {
            // kubectl's typed commands (create namespace/secret/configmap) send protobuf; answers stay JSON, which client-go accepts.
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, cancellationToken);
            return KubeProtobufDecoder.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        if (mediaType != JsonResponse.ContentType)
        {
            throw KubeApiException.UnsupportedMediaType($"the body of the request was in an unknown format - accepted media types include: {JsonResponse.ContentType}, {KubeProtobufDecoder.MediaType}");
        }

        return await ReadBodyAsync(context, cancellationToken) as JsonObject
            ?? throw KubeApiException.BadRequest("couldn't get version/kind; json parse error: the request body is not a JSON object");
    }

    private static async Task<Func<JsonObject, JsonObject>> ReadPatchAsync(HttpContext context, ResourceType type, CancellationToken cancellationToken)
    {
        var mediaType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        var accepted = type.IsCustom
            ? "application/json-patch+json, application/merge-patch+json"
            : "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json";
        // Built-in kinds here have no patchMergeKey lists, so a strategic merge patch merges like a merge patch.
        var isMerge = mediaType == MergePatch || (mediaType == StrategicMergePatch && !type.IsCustom);
        if (!isMerge && mediaType != JsonPatchType)
        {
            throw KubeApiException.UnsupportedMediaType($"the body of the request was in an unknown format - accepted media types include: {accepted}");
        }

        var patch = await ReadBodyAsync(context, cancellationToken);
        if (isMerge)
        {
            if (patch is not JsonObject)
            {
                throw KubeApiException.BadRequest("json: cannot unmarshal into Go value of type map[string]interface {}");
            }

            return current => JsonMergePatch.Apply(current, patch) as JsonObject ?? throw KubeApiException.BadRequest("the patch did not produce an object");
        }

        return current =>
        {
            try
            {
                return JsonPatch.Apply(current, patch) as JsonObject ?? throw KubeApiException.BadRequest("the patch did not produce an object");
            }
            catch (JsonPatchException e) when (e.IsMalformed)
            {
                throw KubeApiException.BadRequest(e.Message);
            }
            catch (JsonPatchException e)
            {
                throw KubeApiException.UnprocessablePatch(e.Message);
            }
        };
    }

    private static async Task<DeleteOptions> ReadDeleteOptionsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        JsonObject? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            body = await ReadBodyAsync(context, cancellationToken) as JsonObject;
        }

        string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var propagation = Text(body?["propagationPolicy"]) ?? (query["propagationPolicy"] is { Count: > 0 } p ? p.ToString() : null);
        if (body?["orphanDependents"] is JsonValue orphan && orphan.TryGetValue<bool>(out var orphanDependents))
        {
            propagation ??= orphanDependents ? "Orphan" : "Background";
        }

        if (propagation is not (null or "Orphan" or "Background" or "Foreground"))
        {
            throw KubeApiException.Invalid(new GroupKind("meta.k8s.io", "DeleteOptions"), "", [FieldError.NotSupported("propagationPolicy", $"\"{propagation}\"", ["\"Background\"", "\"Foreground\"", "\"Orphan\""])]);
        }

        var dryRun = query["dryRun"] == "All" || (body?["dryRun"] is JsonArray d && d.Any(x => Text(x) == "All"));
        return new DeleteOptions(propagation, Text(body?["preconditions"]?["uid"]), Text(body?["preconditions"]?["resourceVersion"]), dryRun);
    }

    private static KubeApiException NotFound() => new(404, "NotFound", "the server could not find the requested resource");

    private static KubeApiException MethodNotAllowed() => KubeApiException.MethodNotAllowed("the server does not allow this method on the requested resource");
}
