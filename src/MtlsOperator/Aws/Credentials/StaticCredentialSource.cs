namespace MtlsOperator.Aws.Credentials;

/// <summary>Fixed credentials, for emulators and tests.</summary>
public sealed class StaticCredentialSource(SigningCredentials credentials) : IAwsCredentialSource
{
    /// <inheritdoc />
    public ValueTask<SigningCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
