using System.Globalization;
using MtlsOperator.Aws.Protocols;

namespace MtlsOperator.Aws.Credentials;

/// <summary>
/// Credentials of an assumed role (cross-account access per resource), fetched with STS AssumeRole using the
/// operator's own credentials and cached until <see cref="RefreshBefore"/> ahead of their expiry.
/// </summary>
public sealed class AssumeRoleCredentialSource : IAwsCredentialSource, IDisposable
{
    /// <summary>The STS API version.</summary>
    public const string StsApiVersion = "2011-06-15";

    /// <summary>How early cached credentials are replaced, so a request never carries credentials about to expire.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly AwsQueryClient _sts;
    private readonly AssumeRoleSettings _settings;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private SigningCredentials? _cached;

    public AssumeRoleCredentialSource(AwsQueryClient sts, AssumeRoleSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _sts = sts;
        _settings = settings;
        _time = time;
    }

    /// <inheritdoc />
    public async ValueTask<SigningCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _cached);
        if (IsFresh(current))
        {
            return current!;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while we waited; one AssumeRole serves them all.
            current = _cached;
            if (IsFresh(current))
            {
                return current!;
            }

            var parameters = new AwsQueryParameters()
                .Add("RoleArn", _settings.RoleArn)
                .Add("RoleSessionName", _settings.SessionName)
                .Add("DurationSeconds", (long)_settings.Duration.TotalSeconds)
                .Add("ExternalId", _settings.ExternalId);
            var result = await _sts.SendAsync("AssumeRole", parameters, cancellationToken).ConfigureAwait(false);
            var credentials = result.Child("Credentials") ?? throw new InvalidOperationException($"STS AssumeRole for {_settings.RoleArn} returned no credentials.");
            var expiration = DateTimeOffset.Parse(credentials.Text("Expiration") ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var fresh = new SigningCredentials(
                credentials.Text("AccessKeyId") ?? string.Empty,
                credentials.Text("SecretAccessKey") ?? string.Empty,
                credentials.Text("SessionToken"),
                expiration);
            Volatile.Write(ref _cached, fresh);
            return fresh;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _refresh.Dispose();

    private bool IsFresh(SigningCredentials? credentials) =>
        credentials?.Expiration is { } expiration && expiration - RefreshBefore > _time.GetUtcNow();
}
