using MtlsOperator.Pki;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>Something wrong with a ClientCertificate's input: the condition reason, the field and what to do.</summary>
/// <param name="Reason">Condition reason: a <see cref="PkiProblemCode"/> name or a <see cref="ClientCertificateReasons"/> constant.</param>
/// <param name="Field">The field at fault, e.g. <c>spec.subject.commonName</c>.</param>
/// <param name="Message">What is wrong and what to do; never key material.</param>
internal sealed record SpecProblem(string Reason, string Field, string Message)
{
    /// <summary>The PKI code's problem in these terms.</summary>
    public static SpecProblem Of(PkiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new SpecProblem(problem.Reason, problem.Field, problem.Message);
    }

    /// <summary>One condition message for several problems: <c>field: message; field: message</c>.</summary>
    public static string Describe(IEnumerable<SpecProblem> problems) => string.Join("; ", problems.Select(p => p.ToString()));

    /// <summary>The <c>field: message</c> line.</summary>
    public override string ToString() => $"{Field}: {Message}";
}
