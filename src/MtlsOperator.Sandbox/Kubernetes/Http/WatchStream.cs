using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Resources;
using MtlsOperator.Sandbox.Kubernetes.Selection;
using MtlsOperator.Sandbox.Kubernetes.Storage;
using MtlsOperator.Sandbox.Kubernetes.Tables;

namespace MtlsOperator.Sandbox.Kubernetes.Http;

/// <summary>
/// Serves <c>?watch=true</c>: newline-delimited <c>{"type","object"}</c> events, periodic bookmarks when allowed,
/// a 410 Expired ERROR event for a resourceVersion older than the retained history, and an end after timeoutSeconds.
/// </summary>
internal sealed class WatchStream
{
    private readonly ObjectStore _store;
    private readonly KubeApiEmulatorOptions _options;
    private readonly TimeProvider _time;

    public WatchStream(ObjectStore store, KubeApiEmulatorOptions options, TimeProvider time)
    {
        _store = store;
        _options = options;
        _time = time;
    }

    public async Task ServeAsync(HttpContext context, ResourceType type, string version, ObjectFilter filter, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var from = ParseResourceVersion(query["resourceVersion"].ToString());
        var timeout = ParseTimeout(query["timeoutSeconds"].ToString());
        var bookmarks = string.Equals(query["allowWatchBookmarks"], "true", StringComparison.OrdinalIgnoreCase);
        var table = ContentNegotiation.WantsTable(context.Request)
            ? new TableBuilder(type, version, query["includeObject"], _time.GetUtcNow())
            : null;
        var view = new ObjectView(type, version);

        context.Response.StatusCode = 200;
        context.Response.ContentType = JsonResponse.ContentType;
        context.Response.Headers.CacheControl = "no-cache, private";
        var output = context.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(output, StoreJson.WriterOptions);

        Watcher watcher;
        try
        {
            // sendInitialEvents=true (the WatchList protocol) streams the current state, then a bookmark marking its end.
            var initialEvents = string.Equals(query["sendInitialEvents"], "true", StringComparison.OrdinalIgnoreCase);
            watcher = _store.Watch(type.StorageId, filter, initialEvents ? null : from, markInitialEventsEnd: initialEvents && bookmarks);
        }
        catch (KubeApiException expired) when (expired.Code == 410)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "ERROR");
            writer.WritePropertyName("object");
            expired.ToStatus().WriteTo(writer);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
            await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
            return;
        }

        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked.Token;
        var bookmarkLoop = bookmarks ? SendBookmarksAsync(watcher, token) : Task.CompletedTask;
        try
        {
            await context.Response.StartAsync(token);
            await output.FlushAsync(token);
            var events = watcher.Events;
            while (await events.WaitToReadAsync(token))
            {
                while (events.TryRead(out var evt))
                {
                    WriteEvent(writer, evt, type, view, table);
                    writer.Flush();
                    writer.Reset();
                    output.Write("\n"u8);
                }

                await output.FlushAsync(token);
            }
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds elapsed or the client went away: the stream simply ends, as kube's does.
        }
        finally
        {
            _store.Unwatch(watcher);
            await linked.CancelAsync();
            await bookmarkLoop;
        }
    }

    private async Task SendBookmarksAsync(Watcher watcher, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(_options.BookmarkInterval, _time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                _store.Bookmark(watcher);
            }
        }
        catch (OperationCanceledException)
        {
            // The watch ended.
        }
    }

    private static void WriteEvent(Utf8JsonWriter writer, WatchEvent evt, ResourceType type, ObjectView view, TableBuilder? table)
    {
        writer.WriteStartObject();
        writer.WriteString("type", evt.Type);
        writer.WritePropertyName("object");
        if (evt.Object is null)
        {
            var metadata = new JsonObject { ["resourceVersion"] = evt.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
            if (evt.InitialEventsEnd)
            {
                metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
            }

            new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = view.ApiVersion, ["metadata"] = metadata }.WriteTo(writer);
        }
        else if (table is not null)
        {
            table.Table([evt.Object], evt.ResourceVersion, null).WriteTo(writer);
        }
        else
        {
            view.Write(writer, evt.Object);
        }

        writer.WriteEndObject();
    }

    private TimeSpan ParseTimeout(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : _options.DefaultWatchTimeout;

    /// <summary>Unset and "0" both mean "start from the current state" (synthetic ADDED events first).</summary>
    private static long? ParseResourceVersion(string text)
    {
        if (text.Length == 0 || text == "0")
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
            ? rv
            : throw KubeApiException.BadRequest($"invalid resource version: {text}");
    }
}
