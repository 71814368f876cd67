using MtlsOperator.Sandbox.Aws.ApiGateway;
using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Elbv2;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Pca;
using MtlsOperator.Sandbox.Aws.S3;

namespace MtlsOperator.Sandbox.Aws;

/// <summary>Creates the account a platform team would start from: an internal ALB, a private API, a versioned bucket, a CA hierarchy.</summary>
internal static class AccountSeeder
{
    public static SeededAccount Seed(string region, string accountId, S3State s3, Elbv2State elbv2, ApiGatewayState apiGateway, PcaState pca)
    {
        var bucket = $"mtls-sandbox-{AwsIds.Hex(8)}";
        s3.CreateBucket(bucket, region, versioned: true);

        // The ACM certificate is only referenced (listener default certificate, domain certificate); ACM itself is not emulated.
        var acmCertificate = AwsArn.Build("acm", region, accountId, $"certificate/{Guid.NewGuid()}");
        var balancer = elbv2.CreateLoadBalancer(region, "k8s-mtls-internal");
        var https = elbv2.CreateListener(balancer.Arn, 443, "HTTPS", acmCertificate);
        var http = elbv2.CreateListener(balancer.Arn, 80, "HTTP");

        var api = apiGateway.CreateRestApi(region, "payments", "PRIVATE");
        const string stage = "prod";
        apiGateway.CreateDeployment(api.Id, stage, "initial deployment");

        var crl = new CrlConfiguration(Enabled: true, ExpirationInDays: 7, S3BucketName: bucket);
        var root = pca.CreateRoot(region, "Sandbox Root CA", crl);
        var subordinate = pca.CreateSubordinate(root.Arn, "Sandbox Issuing CA", crl);

        return new SeededAccount(region, balancer.Arn, https.Arn, http.Arn, api.Id, stage, bucket, root.Arn, subordinate.Arn, acmCertificate);
    }
}
