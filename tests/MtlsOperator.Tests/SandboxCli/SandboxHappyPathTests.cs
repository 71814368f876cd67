using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.SandboxCli;

public sealed class SandboxHappyPathTests
{
    [Fact]
    public async Task Every_repository_sample_becomes_ready_and_the_report_shows_what_aws_and_the_secrets_hold()
    {
        var (exitCode, run) = await SandboxRun.RunToEndAsync("--samples", RepositoryRoot.Combine("config", "samples"), "--timeout", "90s");
        await using var _ = run;

        var output = run.Output.ToString();
        Assert.True(exitCode == 0, output + run.Errors);
        Assert.Matches(@"All 7 resources Ready in \d+\.\ds\.", output);
        Assert.Matches(@"TrustStore\s+payments/partners\s+True\s+\S+\s+arn:aws:elasticloadbalancing:eu-west-1:111122223333:truststore/", output);
        Assert.Matches(@"ClientCertificate\s+payments/partner-a\s+True\s+\S+\s+arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/[^ ]+/certificate/", output);
        Assert.Matches(@"PrivateApiExposure\s+orders/orders-api\s+True\s+\S+\s+https://orders\.api\.example\.com/", output);

        // AWS as the AWS APIs report it: both trust stores active, the listener verifying, the domain on the bundle version.
        Assert.Matches(@"orders-orders-clients\s+arn:\S+\s+ACTIVE\s+1\s+", output);
        Assert.Matches(@"payments-partners\s+arn:\S+\s+ACTIVE\s+\d+\s+", output);
        Assert.Matches(@"listener/app/k8s-mtls-internal/\S+\s+verify\s+arn:aws:elasticloadbalancing:\S+:truststore/", output);
        Assert.Matches(@"orders\.api\.example\.com\s+AVAILABLE\s+s3://mtls-sandbox-[0-9a-f]+/orders/clients\.pem\s+\S+", output);

        // Secrets by serial and expiry, never their keys.
        Assert.Matches(@"orders/billing-client\s+[0-9a-f]+\s+\d{4}-\d\d-\d\dT", output);
        Assert.Matches(@"payments/partner-a-client\s+[0-9a-f]+\s+\d{4}-\d\d-\d\dT", output);
        Assert.DoesNotContain("PRIVATE KEY", output, StringComparison.Ordinal);
    }
}
