using System.Text.Json.Nodes;
using k8s.Autorest;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

/// <summary>Asserts on the Status body kube-apiserver returns with an error.</summary>
internal static class KubeAssert
{
    public static async Task<JsonObject> FailsWithStatusAsync(int code, string reason, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(action);
        Assert.Equal(code, (int)error.Response.StatusCode);
        var status = JsonNode.Parse(error.Response.Content)!.AsObject();
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal("v1", status["apiVersion"]!.GetValue<string>());
        Assert.Equal("Failure", status["status"]!.GetValue<string>());
        Assert.Equal(reason, status["reason"]!.GetValue<string>());
        Assert.Equal(code, status["code"]!.GetValue<int>());
        return status;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; generous so a loaded 2-core machine does not flake.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail($"timed out waiting for: {what}");
    }
}
