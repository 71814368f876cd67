using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;
using MtlsOperator.Sandbox.Aws.S3;

namespace MtlsOperator.Sandbox.Aws.ApiGateway;

internal sealed partial class ApiGatewayService
{
    private JsonObject CreateDomainName(AwsRequest request, JsonObject body)
    {
        var name = body.String("domainName") ?? throw new AwsServiceException("BadRequestException", "Domain name is required");
        if (state.Domains.ContainsKey(name))
        {
            throw new AwsServiceException("ConflictException", "The domain name you provided already exists.", 409);
        }

        var types = body.Object("endpointConfiguration")?.Array("types").Select(t => t?.GetValue<string>()).OfType<string>().ToList() ?? [];
        var type = types.Count == 0 ? "EDGE" : types[0];
        if (types.Count > 1 || type is not ("EDGE" or "REGIONAL"))
        {
            throw new AwsServiceException("BadRequestException", "A custom domain name takes exactly one endpoint type: EDGE or REGIONAL");
        }

        var certificateArn = type == "REGIONAL" ? body.String("regionalCertificateArn") : body.String("certificateArn");
        ValidateCertificateArn(certificateArn, type == "REGIONAL" ? request.Region : "us-east-1");
        var policy = body.String("securityPolicy") ?? "TLS_1_2";
        var mutualTls = body.Object("mutualTlsAuthentication") is { } mtls
            ? Truststore(type, policy, mtls.String("truststoreUri"), mtls.String("truststoreVersion"))
            : null;

        var domain = state.AddDomain(name, request.Region);
        domain.EndpointType = type;
        domain.SecurityPolicy = policy;
        domain.MutualTls = mutualTls;
        if (type == "REGIONAL")
        {
            domain.RegionalCertificateArn = certificateArn;
        }
        else
        {
            domain.CertificateArn = certificateArn;
        }

        state.Tags[DomainArn(domain)] = body.StringMap("tags");
        return DomainJson(domain);
    }

    private static void ValidateCertificateArn(string? arn, string region)
    {
        if (!AwsArn.TryParse(arn, out var parts) || parts.Service != "acm" || !parts.Resource.StartsWith("certificate/", StringComparison.Ordinal))
        {
            throw new AwsServiceException("BadRequestException", $"Invalid certificate ARN: '{arn}'. Certificate must be an ACM certificate.");
        }

        if (parts.Region != region)
        {
            throw new AwsServiceException("BadRequestException", $"The certificate must be in region {region}, not {parts.Region}.");
        }
    }

    private MutualTlsAuthentication Truststore(string endpointType, string securityPolicy, string? uri, string? version)
    {
        if (endpointType != "REGIONAL")
        {
            throw new AwsServiceException("BadRequestException", "Mutual TLS is only supported on REGIONAL custom domain names.");
        }

        if (securityPolicy == "TLS_1_0")
        {
            throw new AwsServiceException("BadRequestException", "Mutual TLS requires security policy TLS_1_2 or newer.");
        }

        if (uri is null || !uri.StartsWith("s3://", StringComparison.Ordinal) || uri.IndexOf('/', 5) < 0)
        {
            throw new AwsServiceException("BadRequestException", $"Invalid truststore URI '{uri}': expected s3://bucket/key.");
        }

        var bucket = uri[5..uri.IndexOf('/', 5)];
        var key = uri[(uri.IndexOf('/', 5) + 1)..];
        S3ObjectVersion? stored;
        lock (s3.Gate)
        {
            stored = s3.GetObject(bucket, key, version);
        }

        if (stored is null)
        {
            throw new AwsServiceException(
                "BadRequestException",
                version is null
                    ? $"Unable to read the truststore at '{uri}': the object does not exist."
                    : $"Unable to read the truststore at '{uri}' version '{version}': the object version does not exist.");
        }

        return new MutualTlsAuthentication(uri, stored.VersionId, TruststoreInspection.Warnings(stored.Content, state.Now()));
    }

    private JsonObject DomainJson(DomainName domain)
    {
        var status = state.StatusOf(domain);
        var result = new JsonObject
        {
            ["domainName"] = domain.Name,
            ["domainNameArn"] = DomainArn(domain),
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray(domain.EndpointType) },
            ["domainNameStatus"] = status,
            ["securityPolicy"] = domain.SecurityPolicy,
            ["tags"] = JsonProtocol.ToObject(TagsFor(DomainArn(domain))),
        };
        if (status != "AVAILABLE")
        {
            result["domainNameStatusMessage"] = "Domain name is being configured.";
        }

        if (domain.EndpointType == "REGIONAL")
        {
            result["regionalDomainName"] = domain.RegionalDomainName;
            result["regionalHostedZoneId"] = domain.RegionalHostedZoneId;
            result["regionalCertificateArn"] = domain.RegionalCertificateArn;
        }
        else
        {
            result["certificateArn"] = domain.CertificateArn;
            result["distributionDomainName"] = domain.DistributionDomainName;
            result["distributionHostedZoneId"] = "Z2FDTNDATAQYW2";
        }

        if (domain.MutualTls is { } mtls)
        {
            var mtlsJson = new JsonObject { ["truststoreUri"] = mtls.TruststoreUri, ["truststoreVersion"] = mtls.TruststoreVersion };
            if (mtls.TruststoreWarnings.Count > 0)
            {
                mtlsJson["truststoreWarnings"] = JsonProtocol.ToArray(mtls.TruststoreWarnings, w => JsonValue.Create(w));
            }

            result["mutualTlsAuthentication"] = mtlsJson;
        }

        return result;
    }

    private JsonObject UpdateDomainName(DomainName domain, JsonObject body)
    {
        var operations = PatchOperation.Parse(body);
        var uri = domain.MutualTls?.TruststoreUri;
        var version = domain.MutualTls?.TruststoreVersion;
        var policy = domain.SecurityPolicy;
        var regionalCertificate = domain.RegionalCertificateArn;
        var certificate = domain.CertificateArn;
        var uriChanged = false;
        foreach (var operation in operations)
        {
            switch (operation.Path, operation.Op)
            {
                case ("/mutualTlsAuthentication/truststoreUri", "replace"):
                    uri = operation.RequiredValue();
                    uriChanged = true;
                    break;
                case ("/mutualTlsAuthentication/truststoreVersion", "replace"):
                    version = operation.RequiredValue();
                    break;
                case ("/securityPolicy", "replace"):
                    policy = operation.RequiredValue();
                    break;
                case ("/regionalCertificateArn", "replace"):
                    regionalCertificate = operation.RequiredValue();
                    ValidateCertificateArn(regionalCertificate, domain.Region);
                    break;
                case ("/certificateArn", "replace"):
                    certificate = operation.RequiredValue();
                    ValidateCertificateArn(certificate, "us-east-1");
                    break;
                default:
                    throw operation.Unsupported(DomainPatchPaths);
            }
        }

        // A new URI without an explicit version means "the latest version of the new object".
        if (uriChanged && !operations.Any(o => o.Path == "/mutualTlsAuthentication/truststoreVersion"))
        {
            version = null;
        }

        var mutualTls = uri is null ? null : Truststore(domain.EndpointType, policy, uri, version);
        domain.SecurityPolicy = policy;
        domain.RegionalCertificateArn = regionalCertificate;
        domain.CertificateArn = certificate;
        domain.MutualTls = mutualTls;
        state.MarkUpdating(domain);
        return DomainJson(domain);
    }

    private JsonObject? DeleteDomainName(string name)
    {
        var domain = Domain(name);
        state.Domains.Remove(name);
        state.Tags.Remove(DomainArn(domain));
        return null;
    }
}
