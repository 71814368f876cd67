using MtlsOperator.Sandbox.Cli.Status;

namespace MtlsOperator.Sandbox.Cli.Reporting;

/// <summary>The final table: one row per resource with its Ready condition, what it produced and when that expires.</summary>
public static class StatusTable
{
    /// <summary>Writes the table for <paramref name="states"/>.</summary>
    public static Task WriteAsync(TextWriter output, IReadOnlyList<ResourceState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var table = new TextTable("KIND", "NAMESPACE/NAME", "READY", "REASON", "ARN / ENDPOINT", "EXPIRES");
        foreach (var state in states)
        {
            table.Add(state.Kind, $"{state.Namespace}/{state.Name}", state.IsReady ? "True" : state.Ready, state.Reason, state.Target, Timestamps.Format(state.Expires));
        }

        return table.WriteAsync(output);
    }
}
