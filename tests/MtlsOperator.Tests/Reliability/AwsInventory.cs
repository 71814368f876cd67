using MtlsOperator.Sandbox;

namespace MtlsOperator.Tests.Reliability;

/// <summary>What exists in the emulated AWS account: the objects a retried create could have duplicated.</summary>
internal sealed record AwsInventory(int TrustStores, int DomainNames, int IssuedCertificates)
{
    public static AwsInventory Of(SandboxEnvironment sandbox)
    {
        var aws = sandbox.Aws!;
        return new AwsInventory(
            aws.Elbv2.TrustStores.Count,
            aws.ApiGateway.DomainName(FaultWorkload.DomainName) is null ? 0 : 1,
            aws.Pca.CertificateAuthority(sandbox.Account!.SubordinateCaArn)!.Issued.Count);
    }
}
