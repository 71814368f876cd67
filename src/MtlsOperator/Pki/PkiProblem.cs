namespace MtlsOperator.Pki;

/// <summary>One problem found in PKI input: which field, what is wrong and what to do, with a stable code.</summary>
/// <param name="Code">Stable identifier; <see cref="Reason"/> is its name.</param>
/// <param name="Field">Where the input came from, e.g. <c>spec.caCertificates[1].secretRef partner-ca/ca.crt</c>.</param>
/// <param name="Message">What is wrong and what to do; never contains key material.</param>
public sealed record PkiProblem(PkiProblemCode Code, string Field, string Message)
{
    /// <summary>The condition reason for this problem (the code's name).</summary>
    public string Reason => Code.ToString();

    /// <summary>The <c>field: problem</c> line shown by controllers and the validate command.</summary>
    public override string ToString() => $"{Field}: {Message}";
}
