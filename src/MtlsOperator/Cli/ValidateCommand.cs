using MtlsOperator.Validation;

namespace MtlsOperator.Cli;

/// <summary>
/// <c>validate -f FILE|DIR|- [-f ...] [--output text|json]</c>: checks manifests offline (CRD schema, cross-field rules,
/// PKI checks on inline CA bundles, key spec, durations) so a GitOps pipeline can refuse a bad change before merge.
/// Exit code 0 when there are no errors, 1 when there are, 2 on a usage error.
/// </summary>
/// <param name="time">The clock CA expiry is judged against.</param>
/// <param name="standardInput">What <c>-f -</c> reads.</param>
public sealed class ValidateCommand(TimeProvider time, TextReader standardInput) : ICommand
{
    /// <summary>A validate verb on the system clock and the process's standard input.</summary>
    public ValidateCommand()
        : this(TimeProvider.System, Console.In)
    {
    }

    public string Name => "validate";

    public string Summary => "validate -f FILE|DIR|- [-f ...] [--output text|json]   check manifests offline: schema, rules, inline CA bundles";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var paths = new List<string>();
        var format = "text";
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inlineValue) = args[i].StartsWith("--", StringComparison.Ordinal) && args[i].IndexOf('=', StringComparison.Ordinal) is > 0 and var eq
                ? (args[i][..eq], args[i][(eq + 1)..])
                : (args[i], null);
            if (flag is "-h" or "--help")
            {
                await output.WriteLineAsync($"usage: mtls-operator {Summary}").ConfigureAwait(false);
                return 0;
            }

            if (flag is not ("-f" or "--filename" or "-o" or "--output"))
            {
                return await UsageErrorAsync(errors, $"unexpected argument '{args[i]}'").ConfigureAwait(false);
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (string.IsNullOrEmpty(value))
            {
                return await UsageErrorAsync(errors, $"{flag} needs a value").ConfigureAwait(false);
            }

            if (flag is "-f" or "--filename")
            {
                paths.Add(value);
            }
            else if (value is "text" or "json")
            {
                format = value;
            }
            else
            {
                return await UsageErrorAsync(errors, $"unsupported output format '{value}'; use text or json").ConfigureAwait(false);
            }
        }

        if (paths.Count == 0)
        {
            return await UsageErrorAsync(errors, "at least one -f FILE|DIR|- is required").ConfigureAwait(false);
        }

        var files = ManifestFileSet.Expand(paths);
        if (files.Missing.Count > 0)
        {
            return await UsageErrorAsync(errors, string.Join("; ", files.Missing.Select(m => $"{m}: no such file or directory"))).ConfigureAwait(false);
        }

        var report = await new ManifestValidator(time, standardInput).ValidateAsync(files.Files, cancellationToken).ConfigureAwait(false);
        if (format == "json")
        {
            await output.WriteLineAsync(JsonReportWriter.Write(report)).ConfigureAwait(false);
        }
        else
        {
            foreach (var problem in report.Problems)
            {
                await output.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            await output.WriteLineAsync(report.Summary).ConfigureAwait(false);
        }

        return report.IsValid ? 0 : 1;
    }

    private async Task<int> UsageErrorAsync(TextWriter errors, string message)
    {
        await errors.WriteLineAsync($"validate: {message}\nusage: mtls-operator {Summary}").ConfigureAwait(false);
        return 2;
    }
}
