namespace MtlsOperator.Cli;

/// <summary>
/// Dispatches the first argument to the <see cref="ICommand"/> of that name; without a verb (no arguments, or a flag
/// first) the default command runs, so <c>mtls-operator --workers=4</c> means <c>mtls-operator run --workers=4</c>.
/// </summary>
public sealed class CommandLine(IReadOnlyList<ICommand> commands, ICommand? defaultCommand = null)
{
    /// <summary>Runs the verb named by <c>args[0]</c>; prints usage and returns 2 for an unknown or missing verb.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        var verb = args.Count > 0 ? args[0] : null;
        if (verb is "-h" or "--help" or "help")
        {
            await WriteUsageAsync(output).ConfigureAwait(false);
            return 0;
        }

        if (defaultCommand is not null && (verb is null || verb.StartsWith('-')))
        {
            return await defaultCommand.RunAsync(args, output, errors, cancellationToken).ConfigureAwait(false);
        }

        var command = commands.FirstOrDefault(c => c.Name == verb);
        if (command is null)
        {
            await errors.WriteLineAsync(verb is null ? "mtls-operator: a verb is required" : $"mtls-operator: unknown verb '{verb}'")
                .ConfigureAwait(false);
            await WriteUsageAsync(errors).ConfigureAwait(false);
            return 2;
        }

        return await command.RunAsync(args.Skip(1).ToList(), output, errors, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteUsageAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("usage: mtls-operator <verb> [options]").ConfigureAwait(false);
        foreach (var command in commands)
        {
            await writer.WriteLineAsync("  " + command.Summary).ConfigureAwait(false);
        }
    }
}
