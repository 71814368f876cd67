using MtlsOperator.Aws.ApiGateway;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws.Emulator;

public sealed class ApiGatewayEmulatorTests : IAsyncLifetime
{
    private const string Domain = "api.partners.example.com";
    private EmulatedAccount _account = null!;

    private IDomainNames DomainNames => _account.Clients.DomainNames;

    private IRestApis RestApis => _account.Clients.RestApis;

    public async Task InitializeAsync() => _account = await EmulatedAccount.StartAsync();

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Fact]
    public async Task Execute_api_endpoint_is_disabled_and_redeployed()
    {
        var before = await RestApis.GetAsync(_account.Seed.RestApiId, CancellationToken.None);
        var stageBefore = await RestApis.GetStageAsync(_account.Seed.RestApiId, _account.Seed.StageName, CancellationToken.None);

        var after = await RestApis.SetExecuteApiEndpointDisabledAsync(_account.Seed.RestApiId, true, CancellationToken.None);
        var deployment = await RestApis.CreateDeploymentAsync(_account.Seed.RestApiId, _account.Seed.StageName, "mtls-operator: disable execute-api", CancellationToken.None);
        var stageAfter = await RestApis.GetStageAsync(_account.Seed.RestApiId, _account.Seed.StageName, CancellationToken.None);

        Assert.False(before.DisableExecuteApiEndpoint);
        Assert.True(after.DisableExecuteApiEndpoint);
        Assert.True((await RestApis.GetAsync(_account.Seed.RestApiId, CancellationToken.None)).DisableExecuteApiEndpoint);
        Assert.NotEqual(stageBefore.DeploymentId, stageAfter.DeploymentId);
        Assert.Equal(deployment.Id, stageAfter.DeploymentId);
    }

    [Fact]
    public async Task Custom_domain_with_mutual_tls_is_created_updated_mapped_and_deleted()
    {
        var first = await _account.PutBundleAsync("apigw/truststore.pem", TestPki.CreateCa("Partner CA").Pem);
        var created = await DomainNames.CreateAsync(
            new DomainNameCreation(Domain, _account.Seed.AcmCertificateArn, new MutualTlsSettings(first.Uri, first.VersionId), Tags: new Dictionary<string, string> { ["owner"] = "ns/x" }),
            CancellationToken.None);

        Assert.Equal(Domain, created.Name);
        Assert.Equal(first.VersionId, created.MutualTls!.TruststoreVersion);
        Assert.False(string.IsNullOrEmpty(created.RegionalDomainName));

        var second = await _account.PutBundleAsync("apigw/truststore.pem", TestPki.CreateCa("Partner CA 2").Pem);
        var updated = await DomainNames.UpdateAsync(Domain, [PatchOperation.Replace("/mutualTlsAuthentication/truststoreVersion", second.VersionId)], CancellationToken.None);
        Assert.Equal(second.VersionId, updated.MutualTls!.TruststoreVersion);
        Assert.Equal(second.VersionId, (await DomainNames.GetAsync(Domain, CancellationToken.None)).MutualTls!.TruststoreVersion);

        var root = await DomainNames.CreateBasePathMappingAsync(Domain, new BasePathMapping("", _account.Seed.RestApiId, _account.Seed.StageName), CancellationToken.None);
        await DomainNames.CreateBasePathMappingAsync(Domain, new BasePathMapping("v2", _account.Seed.RestApiId, _account.Seed.StageName), CancellationToken.None);
        Assert.Equal("", root.BasePath);
        Assert.Equal(_account.Seed.RestApiId, (await DomainNames.GetBasePathMappingAsync(Domain, "", CancellationToken.None)).RestApiId);
        Assert.Equal(["", "v2"], (await DomainNames.ListBasePathMappingsAsync(Domain, CancellationToken.None)).Select(m => m.BasePath).Order(StringComparer.Ordinal));

        await DomainNames.DeleteBasePathMappingAsync(Domain, "", CancellationToken.None);
        await Assert.ThrowsAsync<AwsNotFoundException>(() => DomainNames.GetBasePathMappingAsync(Domain, "", CancellationToken.None));

        await DomainNames.TagAsync(created.Arn ?? $"arn:aws:apigateway:eu-west-1::/domainnames/{Domain}", new Dictionary<string, string> { ["team"] = "payments" }, CancellationToken.None);
        Assert.Equal("payments", (await DomainNames.GetAsync(Domain, CancellationToken.None)).Tags["team"]);

        await DomainNames.DeleteAsync(Domain, CancellationToken.None);
        var gone = await Assert.ThrowsAsync<AwsNotFoundException>(() => DomainNames.GetAsync(Domain, CancellationToken.None));
        Assert.Equal("NotFoundException", gone.Code);
        Assert.NotNull(gone.RequestId);
    }

    [Fact]
    public async Task Duplicate_domain_is_a_conflict_and_missing_api_not_found()
    {
        var bundle = await _account.PutBundleAsync("apigw/truststore.pem", TestPki.CreateCa("Partner CA").Pem);
        var creation = new DomainNameCreation(Domain, _account.Seed.AcmCertificateArn, new MutualTlsSettings(bundle.Uri, bundle.VersionId));
        await DomainNames.CreateAsync(creation, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<AwsConflictException>(() => DomainNames.CreateAsync(creation, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<AwsNotFoundException>(() => RestApis.GetAsync("nope123456", CancellationToken.None));

        Assert.Equal("ConflictException", conflict.Code);
        Assert.Equal("apigateway", missing.Service);
        Assert.Equal("GetRestApi", missing.Operation);
    }

    [Fact]
    public async Task Unsupported_patch_path_is_a_validation_error_with_the_aws_message()
    {
        var bundle = await _account.PutBundleAsync("apigw/truststore.pem", TestPki.CreateCa("Partner CA").Pem);
        await DomainNames.CreateAsync(new DomainNameCreation(Domain, _account.Seed.AcmCertificateArn, new MutualTlsSettings(bundle.Uri, bundle.VersionId)), CancellationToken.None);

        var error = await Assert.ThrowsAsync<AwsValidationException>(() => DomainNames.UpdateAsync(Domain, [PatchOperation.Replace("/nonsense", "x")], CancellationToken.None));

        Assert.Equal("BadRequestException", error.Code);
        Assert.False(string.IsNullOrEmpty(error.AwsMessage));
    }
}
