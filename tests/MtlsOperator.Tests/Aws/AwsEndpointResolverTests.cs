using MtlsOperator.Aws.Endpoints;

namespace MtlsOperator.Tests.Aws;

public sealed class AwsEndpointResolverTests
{
    [Theory]
    [InlineData("eu-west-1", "https://elasticloadbalancing.eu-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://elasticloadbalancing.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "https://elasticloadbalancing.us-gov-west-1.amazonaws.com/")]
    [InlineData("us-iso-east-1", "https://elasticloadbalancing.us-iso-east-1.c2s.ic.gov/")]
    public void Uses_the_regional_default_of_the_region_partition(string region, string expected)
    {
        var resolver = new AwsEndpointResolver(_ => null);

        var endpoint = resolver.Resolve(AwsService.ElasticLoadBalancingV2, region);

        Assert.Equal(new Uri(expected), endpoint.Url);
        Assert.False(endpoint.IsCustom);
    }

    [Fact]
    public void Service_specific_variable_wins_over_the_global_one()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4000",
            ["AWS_ENDPOINT_URL_ACM_PCA"] = "http://127.0.0.1:5000",
        };
        var resolver = new AwsEndpointResolver(environment.GetValueOrDefault);

        Assert.Equal(new Uri("http://127.0.0.1:5000"), resolver.Resolve(AwsService.AcmPca, "eu-west-1").Url);
        Assert.Equal(new Uri("http://127.0.0.1:4000"), resolver.Resolve(AwsService.ApiGateway, "eu-west-1").Url);
        Assert.True(resolver.Resolve(AwsService.ApiGateway, "eu-west-1").IsCustom);
    }

    [Theory]
    [InlineData("ELASTIC_LOAD_BALANCING_V2", "elasticloadbalancing")]
    [InlineData("API_GATEWAY", "apigateway")]
    [InlineData("ACM_PCA", "acm-pca")]
    [InlineData("S3", "s3")]
    [InlineData("STS", "sts")]
    public void Reads_the_documented_service_identifier(string identifier, string signingName)
    {
        var all = new[] { AwsService.ElasticLoadBalancingV2, AwsService.ApiGateway, AwsService.AcmPca, AwsService.S3, AwsService.Sts };
        var service = all.Single(s => s.SigningName == signingName);
        var resolver = new AwsEndpointResolver(name => name == "AWS_ENDPOINT_URL_" + identifier ? "http://127.0.0.1:9999" : null);

        Assert.Equal(new Uri("http://127.0.0.1:9999"), resolver.Resolve(service, "eu-west-1").Url);
    }

    [Fact]
    public void Ignore_flag_disables_environment_endpoints()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4000",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
        };
        var resolver = new AwsEndpointResolver(environment.GetValueOrDefault);

        Assert.Equal(new Uri("https://apigateway.eu-west-1.amazonaws.com/"), resolver.Resolve(AwsService.ApiGateway, "eu-west-1").Url);
    }

    [Fact]
    public void Settings_override_wins_over_environment()
    {
        var resolver = new AwsEndpointResolver(
            _ => "http://127.0.0.1:4000",
            new Dictionary<string, Uri> { ["S3"] = new("http://127.0.0.1:7000") });

        Assert.Equal(new Uri("http://127.0.0.1:7000"), resolver.Resolve(AwsService.S3, "eu-west-1").Url);
    }

    [Fact]
    public void Rejects_an_endpoint_variable_that_is_not_an_http_url()
    {
        var resolver = new AwsEndpointResolver(name => name == "AWS_ENDPOINT_URL_STS" ? "localhost:4566" : null);

        var error = Assert.Throws<InvalidOperationException>(() => resolver.Resolve(AwsService.Sts, "eu-west-1"));
        Assert.Contains("AWS_ENDPOINT_URL_STS", error.Message);
    }
}
