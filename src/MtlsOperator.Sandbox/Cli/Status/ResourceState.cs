namespace MtlsOperator.Sandbox.Cli.Status;

/// <summary>Where one of the operator's resources stands, as the progress lines and the final table show it.</summary>
/// <param name="Kind">The kind, e.g. <c>TrustStore</c>.</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Ready">The Ready condition's status: True, False or Unknown (also when there is no condition yet).</param>
/// <param name="Reason">The Ready condition's reason.</param>
/// <param name="Message">The Ready condition's message.</param>
/// <param name="Current">True when the Ready condition was written for the resource's current generation.</param>
/// <param name="Target">The main thing it produced: a trust store or certificate ARN, a Secret, an endpoint.</param>
/// <param name="Expires">When what it holds expires: earliest CA of a bundle, a certificate's notAfter.</param>
public sealed record ResourceState(
    string Kind,
    string Namespace,
    string Name,
    string Ready,
    string? Reason,
    string? Message,
    bool Current,
    string? Target,
    DateTimeOffset? Expires)
{
    /// <summary><c>Kind namespace/name</c>.</summary>
    public string DisplayName => $"{Kind} {Namespace}/{Name}";

    /// <summary>Ready=True for the current generation.</summary>
    public bool IsReady => Ready == "True" && Current;

    /// <summary>What a progress line says: <c>Ready=False Pending: message</c>.</summary>
    public string Summary
    {
        get
        {
            var text = $"Ready={Ready}";
            if (!string.IsNullOrEmpty(Reason))
            {
                text += " " + Reason;
            }

            if (!Current && Ready != "Unknown")
            {
                text += " (for an older generation)";
            }

            return string.IsNullOrEmpty(Message) ? text : $"{text}: {Message}";
        }
    }
}
