namespace MtlsOperator.Pki;

/// <summary>Thrown when PKI input cannot be used; carries the problems as data for conditions and events.</summary>
public sealed class PkiException : Exception
{
    public PkiException(IReadOnlyList<PkiProblem> problems)
        : base(string.Join("; ", problems.Select(p => p.ToString())))
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        Problems = problems;
    }

    public PkiException(PkiProblem problem)
        : this([problem])
    {
    }

    /// <summary>The problems, first one being the primary reason.</summary>
    public IReadOnlyList<PkiProblem> Problems { get; }

    /// <summary>The condition reason of the primary problem.</summary>
    public string Reason => Problems[0].Reason;
}
