using System.Text;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Aws.Signing;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws;

// Expected values are from the AWS SigV4 test suite (get-vanilla, get-vanilla-query-order-key-case,
// post-x-www-form-urlencoded): credentials AKIDEXAMPLE, 20150830T123600Z, us-east-1, service "service".
public sealed class SigV4SignerTests
{
    private static readonly SigningCredentials Credentials = new(AwsTestFactory.AccessKeyId, AwsTestFactory.SecretAccessKey, null, null);
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Fact]
    public void Signs_get_vanilla_like_the_test_suite()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        SigV4Signer.Sign(request, [], Credentials, "us-east-1", "service", SuiteTime);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            Authorization(request));
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
    }

    [Fact]
    public void Sorts_query_parameters_like_get_vanilla_query_order_key_case()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/?Param2=value2&Param1=value1");
        SigV4Signer.Sign(request, [], Credentials, "us-east-1", "service", SuiteTime);

        Assert.EndsWith("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", Authorization(request));
    }

    [Fact]
    public void Signs_content_type_and_body_like_post_x_www_form_urlencoded()
    {
        var body = Encoding.UTF8.GetBytes("Param1=value1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        SigV4Signer.Sign(request, body, Credentials, "us-east-1", "service", SuiteTime);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
            Authorization(request));
    }

    [Fact]
    public void Double_encodes_escaped_path_segments_for_non_S3_services()
    {
        // Reference signature computed with botocore's SigV4Auth for the same request.
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://apigateway.eu-west-1.amazonaws.com/domainnames/api.example.com/basepathmappings/%28none%29");
        SigV4Signer.Sign(request, [], Credentials, "eu-west-1", "apigateway", SuiteTime);

        Assert.EndsWith("Signature=ff9f10b4e75781d74fd65ae38b0a4e8a96fe2d3b25a30b2f50fd956581e812cb", Authorization(request));
        var (canonical, _) = SigV4Signer.CanonicalRequest(request, request.RequestUri!, [], doubleEncodePath: true);
        Assert.StartsWith("GET\n/domainnames/api.example.com/basepathmappings/%2528none%2529\n", canonical);
    }

    [Fact]
    public void Adds_and_signs_the_session_token_of_temporary_credentials()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        SigV4Signer.Sign(request, [], Credentials with { SessionToken = "session-token" }, "us-east-1", "service", SuiteTime);

        Assert.Equal("session-token", request.Headers.GetValues("X-Amz-Security-Token").Single());
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", Authorization(request));
    }

    [Fact]
    public void Signing_twice_replaces_the_previous_signature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        SigV4Signer.Sign(request, [], Credentials, "us-east-1", "service", SuiteTime.AddDays(-1));
        SigV4Signer.Sign(request, [], Credentials, "us-east-1", "service", SuiteTime);

        Assert.EndsWith("Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Authorization(request));
    }

    [Fact]
    public void Credentials_text_never_shows_secrets()
    {
        var text = (Credentials with { SessionToken = "very-secret-token" }).ToString();

        Assert.Contains(AwsTestFactory.AccessKeyId, text);
        Assert.DoesNotContain(AwsTestFactory.SecretAccessKey, text);
        Assert.DoesNotContain("very-secret-token", text);
    }

    private static string Authorization(HttpRequestMessage request) => request.Headers.GetValues("Authorization").Single();
}
