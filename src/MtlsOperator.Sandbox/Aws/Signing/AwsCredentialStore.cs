using System.Collections.Concurrent;

namespace MtlsOperator.Sandbox.Aws.Signing;

/// <summary>The keys the endpoint accepts: the default key pair plus every session issued by AssumeRole.</summary>
public sealed class AwsCredentialStore
{
    private readonly ConcurrentDictionary<string, AwsCredential> byAccessKey = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces a key.</summary>
    public void Add(AwsCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        byAccessKey[credential.AccessKeyId] = credential;
    }

    /// <summary>Looks a key up by access key id.</summary>
    public bool TryGet(string accessKeyId, out AwsCredential credential) =>
        byAccessKey.TryGetValue(accessKeyId, out credential!);
}
