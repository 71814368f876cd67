using MtlsOperator.Aws;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Tests.Aws.Support;

/// <summary>Builds an <see cref="AwsClientFactory"/> whose HTTP goes to a <see cref="CapturingHandler"/>.</summary>
public static class AwsTestFactory
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    public static AwsClientFactory Create(CapturingHandler handler, ManualTimeProvider? time = null, Func<AwsClientOptions, AwsClientOptions>? configure = null)
    {
        var options = new AwsClientOptions
        {
            DefaultRegion = "eu-west-1",
            Credentials = new StaticCredentialSource(new SigningCredentials(AccessKeyId, SecretAccessKey, null, null)),
            Environment = _ => null,
            HttpHandler = handler,
            Time = time ?? new ManualTimeProvider(Now),
            Jitter = () => 0.5,
            Retry = new AwsRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(10), ThrottlingBaseDelay = TimeSpan.FromMilliseconds(20) },
            RateLimit = new AwsRateLimit(1000, 1000),
        };
        return new AwsClientFactory(configure is null ? options : configure(options));
    }
}
