namespace MtlsOperator.Cli;

/// <summary>One verb of the mtls-operator command line (<c>crds</c>, later <c>run</c> and <c>validate</c>).</summary>
public interface ICommand
{
    /// <summary>The verb, e.g. <c>crds</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>Runs the verb with the arguments after it; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken);
}
