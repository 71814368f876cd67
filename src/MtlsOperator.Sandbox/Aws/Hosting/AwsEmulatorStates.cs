using MtlsOperator.Sandbox.Aws.ApiGateway;
using MtlsOperator.Sandbox.Aws.Calls;
using MtlsOperator.Sandbox.Aws.Elbv2;
using MtlsOperator.Sandbox.Aws.Faults;
using MtlsOperator.Sandbox.Aws.Pca;
using MtlsOperator.Sandbox.Aws.S3;
using MtlsOperator.Sandbox.Aws.Signing;
using MtlsOperator.Sandbox.Aws.Sts;

namespace MtlsOperator.Sandbox.Aws.Hosting;

/// <summary>The state objects of one emulator, passed as one.</summary>
internal sealed record AwsEmulatorStates(
    AwsCredentialStore Credentials,
    AwsFaults Faults,
    AwsCallLog Calls,
    S3State S3,
    Elbv2State Elbv2,
    PcaState Pca,
    StsState Sts,
    ApiGatewayState ApiGateway);
