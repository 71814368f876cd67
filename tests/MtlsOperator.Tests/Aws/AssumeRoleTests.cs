using System.Net;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws;

public sealed class AssumeRoleTests : IDisposable
{
    private const string RoleArn = "arn:aws:iam::111122223333:role/mtls";
    private readonly CapturingHandler _handler = new();
    private readonly ManualTimeProvider _time = new(AwsTestFactory.Now);
    private readonly AwsClientFactory _factory;
    private int _issued;

    public AssumeRoleTests()
    {
        _handler.Reply(request => request.Uri.Host.StartsWith("sts.", StringComparison.Ordinal)
            ? CapturingHandler.Build(HttpStatusCode.OK, AssumeRoleReply(++_issued))
            : CapturingHandler.Build(HttpStatusCode.OK, """{"id":"a1","name":"n"}""", "application/json"));
        _factory = AwsTestFactory.Create(_handler, _time);
    }

    [Fact]
    public async Task Assumes_the_role_once_and_signs_with_the_session_credentials()
    {
        var clients = _factory.ClientsFor(new AwsTarget("eu-west-1", RoleArn, "ext-123", "TrustStore/payments/partners"));

        await clients.RestApis.GetAsync("a1", CancellationToken.None);
        await clients.RestApis.GetAsync("a1", CancellationToken.None);

        var sts = Assert.Single(_handler.Requests, r => r.Uri.Host == "sts.eu-west-1.amazonaws.com");
        Assert.Equal(
            "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fmtls"
            + "&RoleSessionName=mtls-operator%40TrustStore.payments.partners&DurationSeconds=3600&ExternalId=ext-123",
            sts.Body);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261130/eu-west-1/sts/aws4_request", sts.Header("Authorization"));
        var calls = _handler.Requests.Where(r => r.Uri.Host.StartsWith("apigateway.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c =>
        {
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAROLE1/", c.Header("Authorization"));
            Assert.Equal("token-1", c.Header("X-Amz-Security-Token"));
        });
    }

    [Fact]
    public async Task Refreshes_shortly_before_expiry()
    {
        var clients = _factory.ClientsFor(new AwsTarget(null, RoleArn));
        await clients.RestApis.GetAsync("a1", CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(54));
        await clients.RestApis.GetAsync("a1", CancellationToken.None);
        Assert.Equal(1, _issued);

        _time.Advance(TimeSpan.FromMinutes(2));
        await clients.RestApis.GetAsync("a1", CancellationToken.None);
        Assert.Equal(2, _issued);
        Assert.Equal("token-2", _handler.Requests[^1].Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_AssumeRole()
    {
        var clients = _factory.ClientsFor(new AwsTarget(null, RoleArn));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => clients.RestApis.GetAsync("a1", CancellationToken.None)));

        Assert.Equal(1, _issued);
    }

    [Fact]
    public void Targets_without_a_role_share_clients_and_roles_get_their_own()
    {
        Assert.Same(_factory.ClientsFor(new AwsTarget(Resource: "a")), _factory.ClientsFor(AwsTarget.Default));
        Assert.NotSame(_factory.ClientsFor(new AwsTarget(RoleArn: RoleArn)), _factory.ClientsFor(AwsTarget.Default));
        Assert.Equal("eu-west-1", _factory.ClientsFor(AwsTarget.Default).Region);
        Assert.Equal("us-east-2", _factory.ClientsFor(new AwsTarget("us-east-2")).Region);
    }

    [Theory]
    [InlineData(null, "mtls-operator")]
    [InlineData("TrustStore/ns/name", "mtls-operator@TrustStore.ns.name")]
    public void Session_names_name_the_resource(string? resource, string expected) => Assert.Equal(expected, RoleSessionName.For(resource));

    [Fact]
    public void Long_session_names_fit_sts_limits_and_stay_distinct()
    {
        var first = RoleSessionName.For("ClientCertificate/a-very-long-namespace-name/and-an-even-longer-resource-name-1");
        var second = RoleSessionName.For("ClientCertificate/a-very-long-namespace-name/and-an-even-longer-resource-name-2");

        Assert.Equal(64, first.Length);
        Assert.StartsWith("mtls-operator@ClientCertificate.a-very-long-namespace", first);
        Assert.NotEqual(first, second);
        Assert.Matches(@"^[\w+=,.@-]+$", first);
    }

    public void Dispose() => _factory.Dispose();

    private string AssumeRoleReply(int n) => $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/mtls/x</Arn><AssumedRoleId>AROA:x</AssumedRoleId></AssumedRoleUser>
            <Credentials>
              <AccessKeyId>ASIAROLE{n}</AccessKeyId>
              <SecretAccessKey>secret-{n}</SecretAccessKey>
              <SessionToken>token-{n}</SessionToken>
              <Expiration>{_time.GetUtcNow().AddHours(1):yyyy-MM-ddTHH:mm:ssZ}</Expiration>
            </Credentials>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>sts-req</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;
}
