using MtlsOperator.Cli;

namespace MtlsOperator.Tests.Validation;

/// <summary>What one in-process run of <c>mtls-operator validate</c> printed and returned.</summary>
internal sealed record ValidateRun(int ExitCode, IReadOnlyList<string> Lines, string Errors)
{
    /// <summary>Runs the verb through the same dispatch as the executable, judging expiry at <paramref name="time"/> (the system clock when null).</summary>
    public static Task<ValidateRun> StartAsync(TimeProvider? time, params string[] args) => StartWithInputAsync(time, "", args);

    /// <summary>Runs the verb with <paramref name="standardInput"/> as what <c>-f -</c> reads.</summary>
    public static async Task<ValidateRun> StartWithInputAsync(TimeProvider? time, string standardInput, params string[] args)
    {
        using var input = new StringReader(standardInput);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var commandLine = new CommandLine([new ValidateCommand(time ?? TimeProvider.System, input)]);
        var exitCode = await commandLine.RunAsync(["validate", .. args], output, errors, CancellationToken.None);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        return new ValidateRun(exitCode, lines, errors.ToString());
    }

    public static Task<ValidateRun> StartAsync(params string[] args) => StartAsync(null, args);

    /// <summary>The problem lines: everything but the summary line.</summary>
    public IReadOnlyList<string> Problems => Lines.Count == 0 ? [] : Lines.Take(Lines.Count - 1).ToList();

    public string Summary => Lines.Count == 0 ? "" : Lines[^1];

    public override string ToString() => $"exit {ExitCode}\n{string.Join("\n", Lines)}\n{Errors}";
}
