namespace MtlsOperator.Sandbox.Cli.Samples;

/// <summary>One value the sandbox filled into a sample before applying it.</summary>
/// <param name="Resource">The object, <c>Kind namespace/name</c>.</param>
/// <param name="Field">The field, e.g. <c>spec.loadBalancer.listenerArn</c>.</param>
/// <param name="From">What the sample said.</param>
/// <param name="To">What was applied.</param>
public sealed record Substitution(string Resource, string Field, string From, string To);
