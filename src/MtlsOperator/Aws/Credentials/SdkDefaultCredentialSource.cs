using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace MtlsOperator.Aws.Credentials;

/// <summary>
/// The AWS SDK's default credential chain: environment variables, shared profile, IRSA web identity (through
/// AWSSDK.SecurityToken), EKS Pod Identity and ECS container credentials, then EC2 instance metadata.
/// The SDK caches and refreshes what it resolves; this only adapts it.
/// </summary>
public sealed class SdkDefaultCredentialSource : IAwsCredentialSource
{
    private readonly Lock _gate = new();
    private AWSCredentials? _chain;

    /// <inheritdoc />
    public async ValueTask<SigningCredentials> GetAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var resolved = await Chain().GetCredentialsAsync().ConfigureAwait(false);
        return new SigningCredentials(resolved.AccessKey, resolved.SecretKey, resolved.UseToken ? resolved.Token : null, Expiration: null);
    }

    private AWSCredentials Chain()
    {
        // Resolved once it succeeds; a failure (no provider answered, for example IMDS not yet reachable) is retried
        // on the next call rather than remembered.
        lock (_gate)
        {
            try
            {
                return _chain ??= DefaultAWSCredentialsIdentityResolver.GetCredentials();
            }
            catch (AmazonClientException e)
            {
                throw new InvalidOperationException(
                    "No AWS credentials found: set up IRSA or EKS Pod Identity for the operator's service account, or provide AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.", e);
            }
        }
    }
}
