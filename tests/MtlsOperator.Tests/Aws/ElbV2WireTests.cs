using System.Net;
using MtlsOperator.Aws;
using MtlsOperator.Aws.ElasticLoadBalancing;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws;

// Request bodies follow the awsQuery serialization of the ELBv2 2015-12-01 model; replies are shaped like the
// examples in the ELBv2 API reference.
public sealed class ElbV2WireTests : IDisposable
{
    private const string Namespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private const string TrustStoreArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:truststore/partners/73e2d6bc24d8a067";
    private const string ListenerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/my-alb/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private readonly CapturingHandler _handler = new();
    private readonly AwsClientFactory _factory;

    public ElbV2WireTests() => _factory = AwsTestFactory.Create(_handler);

    private AwsClients Clients => _factory.ClientsFor(AwsTarget.Default);

    [Fact]
    public async Task AddTrustStoreRevocations_sends_a_nested_member_list()
    {
        _handler.Reply(HttpStatusCode.OK, Reply("AddTrustStoreRevocations", $"""
            <TrustStoreRevocations><member><TrustStoreArn>{TrustStoreArn}</TrustStoreArn><RevocationId>1</RevocationId><RevocationType>CRL</RevocationType><NumberOfRevokedEntries>12</NumberOfRevokedEntries></member></TrustStoreRevocations>
            """));

        var added = await Clients.TrustStores.AddRevocationsAsync(TrustStoreArn, [new S3ObjectReference("crls", "ca/one.crl", "v1"), new S3ObjectReference("crls", "ca two.crl")], CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://elasticloadbalancing.eu-west-1.amazonaws.com/", request.Uri.AbsoluteUri);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(
            "Action=AddTrustStoreRevocations&Version=2015-12-01"
            + "&TrustStoreArn=arn%3Aaws%3Aelasticloadbalancing%3Aeu-west-1%3A123456789012%3Atruststore%2Fpartners%2F73e2d6bc24d8a067"
            + "&RevocationContents.member.1.S3Bucket=crls&RevocationContents.member.1.S3Key=ca%2Fone.crl&RevocationContents.member.1.S3ObjectVersion=v1&RevocationContents.member.1.RevocationType=CRL"
            + "&RevocationContents.member.2.S3Bucket=crls&RevocationContents.member.2.S3Key=ca%20two.crl&RevocationContents.member.2.RevocationType=CRL",
            request.Body);
        Assert.Contains("/eu-west-1/elasticloadbalancing/aws4_request", request.Header("Authorization"));
        Assert.Equal(new TrustStoreRevocation(TrustStoreArn, 1, "CRL", 12), Assert.Single(added));
    }

    [Fact]
    public async Task CreateTrustStore_sends_bundle_and_tags_and_reads_the_trust_store()
    {
        _handler.Reply(HttpStatusCode.OK, Reply("CreateTrustStore", TrustStoreXml("CREATING")));

        var created = await Clients.TrustStores.CreateAsync("partners", new S3ObjectReference("bundles", "partners.pem", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"), [new AwsTag("mtls.operator.dev/owner", "ns/partners")], CancellationToken.None);

        Assert.Equal(
            "Action=CreateTrustStore&Version=2015-12-01&Name=partners&CaCertificatesBundleS3Bucket=bundles&CaCertificatesBundleS3Key=partners.pem"
            + "&CaCertificatesBundleS3ObjectVersion=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY&Tags.member.1.Key=mtls.operator.dev%2Fowner&Tags.member.1.Value=ns%2Fpartners",
            Assert.Single(_handler.Requests).Body);
        Assert.Equal(new TrustStore("partners", TrustStoreArn, "CREATING", 2, 0), created);
        Assert.False(created.IsActive);
    }

    [Fact]
    public async Task ModifyListener_sends_mutual_authentication_as_a_structure()
    {
        _handler.Reply(HttpStatusCode.OK, Reply("ModifyListener", $"""
            <Listeners><member><ListenerArn>{ListenerArn}</ListenerArn><LoadBalancerArn>arn:lb</LoadBalancerArn><Port>443</Port><Protocol>HTTPS</Protocol>
            <MutualAuthentication><Mode>verify</Mode><TrustStoreArn>{TrustStoreArn}</TrustStoreArn><IgnoreClientCertificateExpiry>false</IgnoreClientCertificateExpiry><TrustStoreAssociationStatus>active</TrustStoreAssociationStatus><AdvertiseTrustStoreCaNames>on</AdvertiseTrustStoreCaNames></MutualAuthentication>
            </member></Listeners>
            """));

        var listener = await Clients.Listeners.ModifyMutualAuthenticationAsync(ListenerArn, new MutualAuthentication("verify", TrustStoreArn, false, "on"), CancellationToken.None);

        var body = Assert.Single(_handler.Requests).Body;
        Assert.StartsWith("Action=ModifyListener&Version=2015-12-01&ListenerArn=arn%3Aaws%3Aelasticloadbalancing", body);
        Assert.EndsWith(
            "&MutualAuthentication.Mode=verify&MutualAuthentication.TrustStoreArn=arn%3Aaws%3Aelasticloadbalancing%3Aeu-west-1%3A123456789012%3Atruststore%2Fpartners%2F73e2d6bc24d8a067"
            + "&MutualAuthentication.IgnoreClientCertificateExpiry=false&MutualAuthentication.AdvertiseTrustStoreCaNames=on",
            body);
        Assert.Equal(new MutualAuthentication("verify", TrustStoreArn, false, "on", "active"), listener.MutualAuthentication);
        Assert.Equal(443, listener.Port);
    }

    [Fact]
    public async Task ModifyListenerAttributes_sends_key_value_members_and_reads_them_back()
    {
        _handler.Reply(HttpStatusCode.OK, Reply("ModifyListenerAttributes", """
            <Attributes>
              <member><Key>routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name</Key><Value>X-Client-Serial</Value></member>
              <member><Key>tcp.idle_timeout.seconds</Key><Value>350</Value></member>
            </Attributes>
            """));

        var attributes = await Clients.Listeners.ModifyAttributesAsync(ListenerArn, new Dictionary<string, string> { ["routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name"] = "X-Client-Serial" }, CancellationToken.None);

        Assert.EndsWith(
            "&Attributes.member.1.Key=routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name&Attributes.member.1.Value=X-Client-Serial",
            Assert.Single(_handler.Requests).Body);
        Assert.Equal("X-Client-Serial", attributes["routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name"]);
        Assert.Equal("350", attributes["tcp.idle_timeout.seconds"]);
    }

    [Fact]
    public async Task DescribeTrustStoreRevocations_follows_NextMarker_to_the_last_page()
    {
        _handler
            .Reply(HttpStatusCode.OK, Reply("DescribeTrustStoreRevocations", Revocation(1) + "<NextMarker>page+2</NextMarker>"))
            .Reply(HttpStatusCode.OK, Reply("DescribeTrustStoreRevocations", Revocation(2) + "<NextMarker>page3</NextMarker>"))
            .Reply(HttpStatusCode.OK, Reply("DescribeTrustStoreRevocations", Revocation(3)));

        var revocations = await Clients.TrustStores.DescribeRevocationsAsync(TrustStoreArn, CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], revocations.Select(r => r.RevocationId));
        Assert.Equal(3, _handler.Requests.Count);
        Assert.DoesNotContain("Marker=", _handler.Requests[0].Body);
        Assert.EndsWith("&Marker=page%2B2", _handler.Requests[1].Body);
        Assert.EndsWith("&Marker=page3", _handler.Requests[2].Body);
    }

    [Fact]
    public async Task ErrorResponse_becomes_a_typed_error_with_code_and_request_id()
    {
        _handler.Reply(HttpStatusCode.BadRequest, $"""
            <ErrorResponse xmlns="{Namespace}">
              <Error><Type>Sender</Type><Code>TrustStoreNotFound</Code><Message>One or more trust stores not found</Message></Error>
              <RequestId>c7c2a5bd-4d6f-4b3f-9d36-2b1c3a1c5e3a</RequestId>
            </ErrorResponse>
            """);

        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() => Clients.TrustStores.DescribeAsync(TrustStoreArn, CancellationToken.None));

        Assert.Equal("TrustStoreNotFound", error.Code);
        Assert.Equal("c7c2a5bd-4d6f-4b3f-9d36-2b1c3a1c5e3a", error.RequestId);
        Assert.Equal("One or more trust stores not found", error.AwsMessage);
        Assert.Equal("DescribeTrustStores", error.Operation);
        Assert.Equal("elasticloadbalancing", error.Service);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task FindByName_answers_null_for_a_missing_trust_store()
    {
        _handler.Reply(HttpStatusCode.BadRequest, $"""<ErrorResponse xmlns="{Namespace}"><Error><Type>Sender</Type><Code>TrustStoreNotFound</Code><Message>not found</Message></Error><RequestId>r</RequestId></ErrorResponse>""");

        Assert.Null(await Clients.TrustStores.FindByNameAsync("missing", CancellationToken.None));
        Assert.EndsWith("&Names.member.1=missing", Assert.Single(_handler.Requests).Body);
    }

    [Fact]
    public async Task DescribeTags_reads_the_tags_of_the_requested_resource()
    {
        _handler.Reply(HttpStatusCode.OK, Reply("DescribeTags", $"""
            <TagDescriptions><member><ResourceArn>{TrustStoreArn}</ResourceArn><Tags><member><Key>owner</Key><Value>ns/partners</Value></member><member><Key>empty</Key></member></Tags></member></TagDescriptions>
            """));

        var tags = await Clients.TrustStores.DescribeTagsAsync(TrustStoreArn, CancellationToken.None);

        Assert.Equal([new AwsTag("owner", "ns/partners"), new AwsTag("empty", null)], tags);
        Assert.EndsWith("&ResourceArns.member.1=arn%3Aaws%3Aelasticloadbalancing%3Aeu-west-1%3A123456789012%3Atruststore%2Fpartners%2F73e2d6bc24d8a067", Assert.Single(_handler.Requests).Body);
    }

    public void Dispose() => _factory.Dispose();

    private static string Reply(string action, string result) => $"""
        <{action}Response xmlns="{Namespace}">
          <{action}Result>{result}</{action}Result>
          <ResponseMetadata><RequestId>6b3d0b5e-0000-4000-8000-000000000000</RequestId></ResponseMetadata>
        </{action}Response>
        """;

    private static string TrustStoreXml(string status) => $"""
        <TrustStores><member><Name>partners</Name><TrustStoreArn>{TrustStoreArn}</TrustStoreArn><Status>{status}</Status><NumberOfCaCertificates>2</NumberOfCaCertificates><TotalRevokedEntries>0</TotalRevokedEntries></member></TrustStores>
        """;

    private static string Revocation(long id) =>
        $"<TrustStoreRevocations><member><TrustStoreArn>{TrustStoreArn}</TrustStoreArn><RevocationId>{id}</RevocationId><RevocationType>CRL</RevocationType><NumberOfRevokedEntries>1</NumberOfRevokedEntries></member></TrustStoreRevocations>";
}
