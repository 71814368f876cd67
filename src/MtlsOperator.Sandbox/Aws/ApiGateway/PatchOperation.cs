using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.ApiGateway;

/// <summary>One entry of API Gateway's <c>patchOperations</c>.</summary>
internal sealed record PatchOperation(string Op, string Path, string? Value)
{
    private static readonly HashSet<string> Ops = ["add", "remove", "replace", "move", "copy", "test"];

    /// <summary>Reads <c>patchOperations</c>; unknown ops are <c>BadRequestException</c>.</summary>
    public static IReadOnlyList<PatchOperation> Parse(JsonObject body)
    {
        var result = new List<PatchOperation>();
        foreach (var node in body.Array("patchOperations"))
        {
            if (node is not JsonObject operation || operation.String("op") is not { } op || !Ops.Contains(op) || operation.String("path") is not { } path)
            {
                throw new AwsServiceException("BadRequestException", "Each patch operation needs a valid 'op' and a 'path'");
            }

            result.Add(new PatchOperation(op, path, operation.String("value")));
        }

        return result;
    }

    /// <summary>The error API Gateway returns for a path it cannot patch.</summary>
    public AwsServiceException Unsupported(IEnumerable<string> allowed) =>
        new("BadRequestException", $"Invalid patch path '{Path}' specified for op '{Op}'. Must be one of: [{string.Join(", ", allowed)}]");

    /// <summary>The value, required for add/replace.</summary>
    public string RequiredValue() =>
        Value ?? throw new AwsServiceException("BadRequestException", $"Patch operation '{Op}' on '{Path}' requires a value");

    /// <summary>A boolean value.</summary>
    public bool BoolValue() => RequiredValue() switch
    {
        "true" => true,
        "false" => false,
        var other => throw new AwsServiceException("BadRequestException", $"Invalid value '{other}' for '{Path}': expected true or false"),
    };
}
