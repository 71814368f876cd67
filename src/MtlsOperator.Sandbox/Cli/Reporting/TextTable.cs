namespace MtlsOperator.Sandbox.Cli.Reporting;

/// <summary>Rows of text printed in aligned columns under a header, like <c>kubectl get</c>.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    /// <summary>Number of rows added.</summary>
    public int Count => rows.Count;

    /// <summary>Adds a row; null cells print as <c>-</c>.</summary>
    public void Add(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"a row needs {headers.Length} cells, not {cells.Length}", nameof(cells));
        }

        rows.Add([.. cells.Select(c => string.IsNullOrEmpty(c) ? "-" : c)]);
    }

    /// <summary>Writes the header and the rows, each line starting with <paramref name="indent"/>.</summary>
    public async Task WriteAsync(TextWriter output, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(output);
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(headers))
        {
            var line = string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i])));
            await output.WriteLineAsync(indent + line.TrimEnd()).ConfigureAwait(false);
        }
    }
}
