using MtlsOperator.Aws;
using MtlsOperator.Aws.ElasticLoadBalancing;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws.Emulator;

public sealed class ElbV2EmulatorTests : IAsyncLifetime
{
    private EmulatedAccount _account = null!;

    private ITrustStores TrustStores => _account.Clients.TrustStores;

    private IListeners Listeners => _account.Clients.Listeners;

    public async Task InitializeAsync() => _account = await EmulatedAccount.StartAsync();

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Fact]
    public async Task Trust_store_is_created_described_modified_and_deleted()
    {
        var first = await _account.PutBundleAsync("partners.pem", TestPki.CreateCa("Partner A CA").Pem);
        var created = await TrustStores.CreateAsync("partners", first, [new AwsTag("owner", "ns/partners")], CancellationToken.None);

        Assert.Equal("partners", created.Name);
        Assert.Equal(1, (await TrustStores.DescribeAsync(created.Arn, CancellationToken.None)).NumberOfCaCertificates);
        Assert.Equal(created.Arn, (await TrustStores.FindByNameAsync("partners", CancellationToken.None))!.Arn);
        Assert.Contains(await TrustStores.ListAsync(CancellationToken.None), t => t.Arn == created.Arn);

        var second = await _account.PutBundleAsync("partners.pem", TestPki.CreateCa("Partner A CA").Pem + TestPki.CreateCa("Partner B CA").Pem);
        var modified = await TrustStores.ModifyAsync(created.Arn, second, CancellationToken.None);
        Assert.Equal(2, modified.NumberOfCaCertificates);

        await TrustStores.DeleteAsync(created.Arn, CancellationToken.None);
        await Assert.ThrowsAsync<AwsNotFoundException>(() => TrustStores.DescribeAsync(created.Arn, CancellationToken.None));
        Assert.Null(await TrustStores.FindByNameAsync("partners", CancellationToken.None));
    }

    [Fact]
    public async Task Tags_are_added_described_and_removed()
    {
        var store = await CreateTrustStoreAsync("tagged");

        await TrustStores.AddTagsAsync(store.Arn, [new AwsTag("team", "payments"), new AwsTag("env", "prod")], CancellationToken.None);
        await TrustStores.RemoveTagsAsync(store.Arn, ["env"], CancellationToken.None);

        var tags = await TrustStores.DescribeTagsAsync(store.Arn, CancellationToken.None);
        Assert.Contains(new AwsTag("team", "payments"), tags);
        Assert.DoesNotContain(tags, t => t.Key == "env");
    }

    [Fact]
    public async Task Revocation_lists_are_added_listed_and_removed()
    {
        var (pem, ca) = TestPki.CreateCa("Revoking CA");
        var bundle = await _account.PutBundleAsync("revoking.pem", pem);
        var store = await TrustStores.CreateAsync("revoking", bundle, [], CancellationToken.None);
        var crl = await _account.Clients.BundleStore.PutAsync(_account.Seed.BucketName, "revoking.crl", TestPki.CreateCrl(ca, [0x0A, 0x0B]), "application/pkix-crl", new Dictionary<string, string>(), CancellationToken.None);

        var added = await TrustStores.AddRevocationsAsync(store.Arn, [new S3ObjectReference(_account.Seed.BucketName, "revoking.crl", crl.VersionId)], CancellationToken.None);
        var listed = await TrustStores.DescribeRevocationsAsync(store.Arn, CancellationToken.None);

        var revocation = Assert.Single(added);
        Assert.Equal(1, revocation.NumberOfRevokedEntries);
        Assert.Equal(revocation.RevocationId, Assert.Single(listed).RevocationId);
        await TrustStores.RemoveRevocationsAsync(store.Arn, [revocation.RevocationId], CancellationToken.None);
        Assert.Empty(await TrustStores.DescribeRevocationsAsync(store.Arn, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_mode_associates_the_trust_store_which_then_cannot_be_deleted()
    {
        var store = await CreateTrustStoreAsync("verify");
        var listenerArn = _account.Seed.HttpsListenerArn;

        var listener = await Listeners.ModifyMutualAuthenticationAsync(listenerArn, new MutualAuthentication("verify", store.Arn, false, "on"), CancellationToken.None);

        Assert.Equal("verify", listener.MutualAuthentication!.Mode);
        Assert.Equal(store.Arn, listener.MutualAuthentication.TrustStoreArn);
        Assert.Equal([_account.Seed.LoadBalancerArn], await TrustStores.DescribeAssociationsAsync(store.Arn, CancellationToken.None));
        var inUse = await Assert.ThrowsAsync<AwsConflictException>(() => TrustStores.DeleteAsync(store.Arn, CancellationToken.None));
        Assert.Equal("TrustStoreInUse", inUse.Code);

        await Listeners.ModifyMutualAuthenticationAsync(listenerArn, MutualAuthentication.Off, CancellationToken.None);
        Assert.Equal("off", (await Listeners.DescribeAsync(listenerArn, CancellationToken.None)).MutualAuthentication?.Mode ?? "off");
        await TrustStores.DeleteAsync(store.Arn, CancellationToken.None);
    }

    [Fact]
    public async Task Listener_attributes_name_the_client_certificate_headers()
    {
        const string key = "routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name";

        var modified = await Listeners.ModifyAttributesAsync(_account.Seed.HttpsListenerArn, new Dictionary<string, string> { [key] = "X-Client-Serial" }, CancellationToken.None);
        var described = await Listeners.DescribeAttributesAsync(_account.Seed.HttpsListenerArn, CancellationToken.None);

        Assert.Equal("X-Client-Serial", modified[key]);
        Assert.Equal("X-Client-Serial", described[key]);
    }

    [Fact]
    public async Task Load_balancer_and_its_listeners_are_described()
    {
        var balancer = await Listeners.DescribeLoadBalancerAsync(_account.Seed.LoadBalancerArn, CancellationToken.None);
        var listeners = await Listeners.ListAsync(_account.Seed.LoadBalancerArn, CancellationToken.None);

        Assert.Equal("application", balancer.Type);
        Assert.Equal([80, 443], listeners.Select(l => l.Port).Order());
        Assert.Equal(443, (await Listeners.DescribeAsync(_account.Seed.HttpsListenerArn, CancellationToken.None)).Port);
    }

    [Fact]
    public async Task Pagination_follows_markers_to_every_trust_store()
    {
        await using var paged = await EmulatedAccount.StartAsync(configure: o => o with { PageSize = 4 });
        var bundle = await paged.PutBundleAsync("many.pem", TestPki.CreateCa("Many CA").Pem);
        for (var i = 0; i < 10; i++)
        {
            await paged.Clients.TrustStores.CreateAsync($"many-{i:00}", bundle, [], CancellationToken.None);
        }

        paged.Emulator.Calls.Reset();
        var all = await paged.Clients.TrustStores.ListAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"many-{i:00}"), all.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, paged.Emulator.Calls.Count("elasticloadbalancing", "DescribeTrustStores"));
    }

    [Fact]
    public async Task Service_errors_map_to_typed_errors()
    {
        var store = await CreateTrustStoreAsync("errors");
        var duplicate = await Assert.ThrowsAsync<AwsConflictException>(() => TrustStores.CreateAsync("errors", new S3ObjectReference(_account.Seed.BucketName, "errors.pem"), [], CancellationToken.None));
        Assert.Equal("DuplicateTrustStoreName", duplicate.Code);
        Assert.NotNull(duplicate.RequestId);

        var missing = await Assert.ThrowsAsync<AwsNotFoundException>(() => TrustStores.CreateAsync("missing-bundle", new S3ObjectReference(_account.Seed.BucketName, "nothing-here.pem"), [], CancellationToken.None));
        Assert.Equal("CaCertificatesBundleNotFound", missing.Code);

        var garbage = await _account.PutBundleAsync("garbage.pem", "not a certificate");
        var invalid = await Assert.ThrowsAsync<AwsValidationException>(() => TrustStores.CreateAsync("garbage", garbage, [], CancellationToken.None));
        Assert.Equal("InvalidCaCertificatesBundle", invalid.Code);
        Assert.False(string.IsNullOrEmpty(invalid.AwsMessage));

        var tooMany = Enumerable.Range(0, 51).Select(i => new AwsTag($"k{i}", "v")).ToList();
        var quota = await Assert.ThrowsAsync<AwsQuotaExceededException>(() => TrustStores.AddTagsAsync(store.Arn, tooMany, CancellationToken.None));
        Assert.Equal("TooManyTags", quota.Code);

        await Assert.ThrowsAsync<AwsNotFoundException>(() => Listeners.DescribeAsync(_account.Seed.HttpsListenerArn + "0", CancellationToken.None));
    }

    [Fact]
    public async Task Trust_store_still_creating_is_in_progress_for_listeners()
    {
        await using var slow = await EmulatedAccount.StartAsync(new AwsEmulatorOptions { TrustStoreActivationDelay = TimeSpan.FromHours(1) });
        var bundle = await slow.PutBundleAsync("slow.pem", TestPki.CreateCa("Slow CA").Pem);
        var store = await slow.Clients.TrustStores.CreateAsync("slow", bundle, [], CancellationToken.None);

        Assert.False(store.IsActive);
        var error = await Assert.ThrowsAsync<AwsInProgressException>(() =>
            slow.Clients.Listeners.ModifyMutualAuthenticationAsync(slow.Seed.HttpsListenerArn, new MutualAuthentication("verify", store.Arn), CancellationToken.None));
        Assert.Equal("TrustStoreNotReady", error.Code);
    }

    private async Task<TrustStore> CreateTrustStoreAsync(string name) =>
        await TrustStores.CreateAsync(name, await _account.PutBundleAsync(name + ".pem", TestPki.CreateCa(name + " CA").Pem), [], CancellationToken.None);
}
