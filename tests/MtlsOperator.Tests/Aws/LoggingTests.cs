using System.Net;
using Microsoft.Extensions.Logging;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws;

public sealed class LoggingTests
{
    [Fact]
    public async Task Debug_logs_name_each_call_but_never_keys_or_tokens()
    {
        var handler = new CapturingHandler().Reply(request => request.Uri.Host.StartsWith("sts.", StringComparison.Ordinal)
            ? CapturingHandler.Build(HttpStatusCode.OK, """
                <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>role-secret-value</SecretAccessKey>
                <SessionToken>role-session-token</SessionToken><Expiration>2026-11-30T08:00:00Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>
                """)
            : CapturingHandler.Build(HttpStatusCode.NotFound, """{"message":"Invalid REST API identifier specified"}""", "application/json", ("x-amzn-ErrorType", "NotFoundException"), ("x-amzn-RequestId", "req-42")));
        using var logs = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var options = new AwsClientOptions
        {
            DefaultRegion = "eu-west-1",
            Credentials = new StaticCredentialSource(new SigningCredentials(AwsTestFactory.AccessKeyId, AwsTestFactory.SecretAccessKey, "operator-session-token", null)),
            Environment = _ => null,
            HttpHandler = handler,
            Time = new ManualTimeProvider(AwsTestFactory.Now),
        };
        using var factory = new AwsClientFactory(options, loggerFactory);

        await Assert.ThrowsAnyAsync<Exception>(() => factory.ClientsFor(new AwsTarget(RoleArn: "arn:aws:iam::111122223333:role/x")).RestApis.GetAsync("a1", CancellationToken.None));

        Assert.Contains(logs.Lines, l => l.StartsWith("Debug:", StringComparison.Ordinal) && l.Contains("AssumeRole", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("GetRestApi", StringComparison.Ordinal) && l.Contains("NotFoundException", StringComparison.Ordinal) && l.Contains("req-42", StringComparison.Ordinal));
        foreach (var secret in new[] { AwsTestFactory.SecretAccessKey, "operator-session-token", "role-secret-value", "role-session-token", "Signature=" })
        {
            Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
