using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Kubernetes.Errors;

namespace MtlsOperator.Sandbox.Kubernetes.Http;

/// <summary>The opaque <c>continue</c> token of a paged LIST, shaped like kube's (version, resourceVersion, start key).</summary>
internal static class ContinueToken
{
    public static string Encode(long resourceVersion, string lastKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = resourceVersion, ["start"] = lastKey + "\u0000" }.ToJsonString()));

    /// <summary>The key the next page starts after.</summary>
    public static string Decode(string token)
    {
        try
        {
            var json = JsonNode.Parse(Base64Url.DecodeFromChars(token))?.AsObject();
            if (json?["v"]?.GetValue<string>() != "meta.k8s.io/v1" || json["start"]?.GetValue<string>() is not { Length: > 0 } start)
            {
                throw KubeApiException.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
            }

            return start.TrimEnd('\u0000');
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw KubeApiException.BadRequest($"continue key is not valid: {e.Message}");
        }
    }
}
