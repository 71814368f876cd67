using MtlsOperator.Crds;

namespace MtlsOperator.Cli;

/// <summary><c>crds --output DIR [--output DIR...]</c>: writes the CustomResourceDefinitions generated from the API types.</summary>
public sealed class CrdsCommand : ICommand
{
    public string Name => "crds";

    public string Summary => "crds --output DIR [--output DIR ...]   write the generated CRDs (one YAML per kind) into each DIR";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var directories = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--output" or "-o" && i + 1 < args.Count)
            {
                directories.Add(args[++i]);
            }
            else
            {
                await errors.WriteLineAsync($"crds: unexpected argument '{args[i]}'\nusage: mtls-operator {Summary}").ConfigureAwait(false);
                return 2;
            }
        }

        if (directories.Count == 0)
        {
            await errors.WriteLineAsync($"crds: --output DIR is required\nusage: mtls-operator {Summary}").ConfigureAwait(false);
            return 2;
        }

        foreach (var directory in directories)
        {
            foreach (var path in await CrdWriter.WriteAllAsync(directory, cancellationToken).ConfigureAwait(false))
            {
                await output.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
            }
        }

        return 0;
    }
}
