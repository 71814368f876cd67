using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Signing;

namespace MtlsOperator.Sandbox.Aws.Sts;

/// <summary>Sessions issued by the emulated STS; every one is accepted by the endpoint until it expires.</summary>
public sealed class StsState
{
    private readonly AwsCredentialStore credentials;
    private readonly TimeProvider time;
    private readonly List<AwsCredential> issued = [];
    private readonly Lock gate = new();

    internal StsState(AwsCredentialStore credentials, TimeProvider time)
    {
        this.credentials = credentials;
        this.time = time;
    }

    /// <summary>Every session issued, oldest first.</summary>
    public IReadOnlyList<AwsCredential> IssuedSessions
    {
        get { lock (gate) { return [.. issued]; } }
    }

    /// <summary>Issues temporary credentials for a role session.</summary>
    internal AwsCredential Issue(string accountId, string roleName, string sessionName, TimeSpan duration)
    {
        var roleId = "AROA" + AwsIds.Upper(17);
        var credential = new AwsCredential(
            "ASIA" + AwsIds.Upper(16),
            AwsIds.Secret(30),
            AwsIds.Secret(120),
            time.GetUtcNow() + duration,
            $"arn:aws:sts::{accountId}:assumed-role/{roleName}/{sessionName}",
            $"{roleId}:{sessionName}");
        credentials.Add(credential);
        lock (gate)
        {
            issued.Add(credential);
        }

        return credential;
    }

    /// <summary>The identity behind an access key.</summary>
    internal AwsCredential? Identity(string? accessKeyId) =>
        accessKeyId is not null && credentials.TryGet(accessKeyId, out var credential) ? credential : null;
}
