using System.Text;

namespace MtlsOperator.Aws.Credentials;

/// <summary>An access key pair (and session token) used to sign one request; its text form never shows the secrets.</summary>
/// <remarks><c>Expiration</c>: When temporary credentials stop working; null for long-term keys.</remarks>
public sealed record SigningCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken, DateTimeOffset? Expiration)
{
    // Records print every member by default; credentials end up in logs and exception messages that way.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccessKeyId = ").Append(AccessKeyId)
            .Append(", SecretAccessKey = ***, SessionToken = ").Append(SessionToken is null ? "null" : "***")
            .Append(", Expiration = ").Append(Expiration?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "null");
        return true;
    }
}
