using Amazon.Runtime;

namespace MtlsOperator.Aws.Credentials;

/// <summary>Lets AWSSDK clients (S3) sign with an <see cref="IAwsCredentialSource"/>, so assumed roles apply to them too.</summary>
internal sealed class SdkCredentialsBridge(IAwsCredentialSource source) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials() =>
        GetCredentialsAsync().GetAwaiter().GetResult();

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        var credentials = await source.GetAsync(CancellationToken.None).ConfigureAwait(false);
        return new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
    }
}
