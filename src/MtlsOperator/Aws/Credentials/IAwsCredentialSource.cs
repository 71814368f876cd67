namespace MtlsOperator.Aws.Credentials;

/// <summary>Gives the credentials to sign the next request with; implementations cache and refresh.</summary>
public interface IAwsCredentialSource
{
    /// <summary>Current credentials, refreshed when they are close to expiry.</summary>
    ValueTask<SigningCredentials> GetAsync(CancellationToken cancellationToken);
}
