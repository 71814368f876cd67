namespace MtlsOperator.Benchmarks;

/// <summary>A benchmark that prints its own figures; selected by <see cref="Name"/> on the command line.</summary>
public interface IBenchmark
{
    /// <summary>Short name used on the command line, e.g. <c>pki</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark and writes its figures to <paramref name="output"/>.</summary>
    Task RunAsync(TextWriter output, CancellationToken cancellationToken);
}
