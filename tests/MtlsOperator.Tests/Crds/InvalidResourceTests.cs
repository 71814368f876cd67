namespace MtlsOperator.Tests.Crds;

public sealed class InvalidResourceTests
{
    private const string TrustStore = "mtls.operator.dev_v1alpha1_truststore.yaml";
    private const string ClientCertificate = "mtls.operator.dev_v1alpha1_clientcertificate.yaml";
    private const string Exposure = "mtls.operator.dev_v1alpha1_privateapiexposure.yaml";
    private const string Example = "example-orders-api-gateway.yaml";

    /// <summary>Sample file, document index, JSON pointer, new value (JSON; null removes), text the error must contain.</summary>
    public static TheoryData<string, int, string, string?, string> Cases() => new()
    {
        // TrustStore: names, ARNs, required fields, bounds, enums, one source per item.
        { TrustStore, 0, "/spec/name", "\"payments_partners\"", "/spec/name" },
        { TrustStore, 0, "/spec/name", "\"-payments\"", "/spec/name" },
        { TrustStore, 0, "/spec/name", "\"payments--partners\"", "/spec/name" },
        { TrustStore, 0, "/spec/name", "\"a-trust-store-name-longer-than-32\"", "/spec/name" },
        { TrustStore, 0, "/spec/region", "\"Europe\"", "/spec/region" },
        { Example, 0, "/metadata/name", "\"orders.clients\"", "spec.name: spec.name is required when metadata.name is not a valid trust store name" },
        { TrustStore, 0, "/spec/roleArn", "\"arn:aws:iam::1111:role/mtls\"", "/spec/roleArn" },
        { TrustStore, 0, "/spec/caCertificates/0/privateCaArn", "\"arn:aws:acm:eu-west-1:111122223333:certificate/0f8a3c2e-6b1d-4e5f-9a7b-2c4d6e8f0a1b\"", "/spec/caCertificates/0/privateCaArn" },
        { TrustStore, 0, "/spec/caCertificates/0/privateCaArn", "\"arn:aws-eu:acm-pca:eu-west-1:111122223333:certificate-authority/0f8a3c2e-6b1d-4e5f-9a7b-2c4d6e8f0a1b\"", "/spec/caCertificates/0/privateCaArn" },
        { TrustStore, 0, "/spec/caCertificates", "[]", "/spec/caCertificates" },
        { TrustStore, 0, "/spec/caCertificates/1/configMapRef", "{\"name\":\"partner-b-ca\",\"key\":\"ca.crt\"}", "spec.caCertificates[1]: exactly one of inline, secretRef, configMapRef or privateCaArn" },
        { TrustStore, 0, "/spec/caCertificates/1/secretRef/key", null, "key" },
        { TrustStore, 0, "/spec/bundle", null, "bundle" },
        { TrustStore, 0, "/spec/bundle/s3Bucket", "\"Example_Bucket\"", "/spec/bundle/s3Bucket" },
        { TrustStore, 0, "/spec/bundle/s3Key", "\"/payments/partners.pem\"", "/spec/bundle/s3Key" },
        { TrustStore, 0, "/spec/deletionPolicy", "\"Keep\"", "/spec/deletionPolicy" },
        { TrustStore, 0, "/spec/revocation/0/secretRef", "{\"name\":\"crl\",\"key\":\"ca.crl\"}", "spec.revocation[0]: exactly one of privateCaCrl or secretRef" },
        { TrustStore, 0, "/spec/revocation/0/privateCaCrl/arn", "\"not-an-arn\"", "/spec/revocation/0/privateCaCrl/arn" },
        { TrustStore, 0, "/spec/bundel", "{}", "/spec/bundel" },
        { TrustStore, 0, "/spec/caCertificates", "\"ca.crt\"", "/spec/caCertificates" },

        // ClientCertificate: durations, key sizes, issuer, names, types.
        { ClientCertificate, 0, "/spec/duration", "\"90d\"", "/spec/duration" },
        { ClientCertificate, 0, "/spec/renewBefore", "\"15 days\"", "/spec/renewBefore" },
        { ClientCertificate, 0, "/spec/renewBefore", "\"3000h\"", "spec.renewBefore: renewBefore must be shorter than duration" },
        { ClientCertificate, 0, "/spec/renewBefore", "\"2160h\"", "spec.renewBefore: renewBefore must be shorter than duration" },
        { ClientCertificate, 0, "/spec/duration", "\"30m\"", "spec.duration: duration must be at least 1h" },
        { ClientCertificate, 0, "/spec/renewBeforePercentage", "20", "spec.renewBeforePercentage: renewBefore and renewBeforePercentage are mutually exclusive" },
        { ClientCertificate, 0, "/spec/renewBeforePercentage", "100", "/spec/renewBeforePercentage" },
        { ClientCertificate, 0, "/spec/privateKey/size", "\"256\"", "/spec/privateKey/size" },
        { ClientCertificate, 0, "/spec/privateKey/size", "2048", "spec.privateKey.size: size must be 256 or 384 for ECDSA" },
        { ClientCertificate, 0, "/spec/privateKey/algorithm", "\"Ed25519\"", "/spec/privateKey/algorithm" },
        { ClientCertificate, 0, "/spec/privateKey/rotationPolicy", "\"Sometimes\"", "/spec/privateKey/rotationPolicy" },
        { ClientCertificate, 0, "/spec/issuer", null, "issuer" },
        { ClientCertificate, 0, "/spec/issuer/caSecretRef", "{\"name\":\"dev-ca\"}", "spec.issuer: exactly one of privateCa or caSecretRef" },
        { ClientCertificate, 0, "/spec/issuer/privateCa", null, "spec.issuer: exactly one of privateCa or caSecretRef" },
        { ClientCertificate, 0, "/spec/issuer/privateCa/arn", "\"arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/not-a-uuid\"", "/spec/issuer/privateCa/arn" },
        { ClientCertificate, 0, "/spec/issuer/privateCa/templateArn", "\"arn:aws:acm-pca:eu-west-1:111122223333:template/EndEntityClientAuthCertificate/V1\"", "/spec/issuer/privateCa/templateArn" },
        { ClientCertificate, 0, "/spec/issuer/privateCa/signingAlgorithm", "\"MD5WITHRSA\"", "/spec/issuer/privateCa/signingAlgorithm" },
        { ClientCertificate, 0, "/spec/secretName", "\"Partner_A\"", "/spec/secretName" },
        { ClientCertificate, 0, "/spec/secretName", null, "secretName" },
        { ClientCertificate, 0, "/spec/subject/commonName", "\"" + new string('a', 65) + "\"", "/spec/subject/commonName" },
        { ClientCertificate, 0, "/spec/subject/countries", "[\"gbr\"]", "/spec/subject/countries/0" },
        { ClientCertificate, 0, "/spec/dnsNames", "[\"not a dns name\"]", "/spec/dnsNames/0" },
        { ClientCertificate, 0, "/spec/usages", "[\"code signing\"]", "/spec/usages/0" },
        { ClientCertificate, 0, "/spec/revokeOnDelete", "\"yes\"", "/spec/revokeOnDelete" },
        { ClientCertificate, 0, "/spec/revocationReason", "\"LOST\"", "/spec/revocationReason" },
        { ClientCertificate, 0, "/spec/secretTemplate/labels", "{\"team\": 7}", "/spec/secretTemplate/labels/team" },

        // PrivateApiExposure: one target, listener ARNs, modes, API Gateway fields.
        { Exposure, 0, "/spec/apiGateway", "{\"restApiId\":\"a1b2c3d4e5\",\"stage\":\"prod\",\"certificateArn\":\"arn:aws:acm:eu-west-1:111122223333:certificate/3b9c1f7e-2a4d-4c6b-8e0f-1a2b3c4d5e6f\"}", "spec: exactly one of loadBalancer or apiGateway" },
        { Exposure, 0, "/spec/loadBalancer", null, "spec: exactly one of loadBalancer or apiGateway" },
        { Exposure, 0, "/spec/loadBalancer/listenerArn", "\"arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/net/payments/50dc6c495c0c9188/f2f7dc8efc522ab2\"", "/spec/loadBalancer/listenerArn" },
        { Exposure, 0, "/spec/loadBalancer/listenerArn", "\"arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/payments/50dc6c495c0c9188\"", "/spec/loadBalancer/listenerArn" },
        { Exposure, 0, "/spec/loadBalancer/listenerArn", null, "listenerArn" },
        { Exposure, 0, "/spec/loadBalancer/mode", "\"off\"", "/spec/loadBalancer/mode" },
        { Exposure, 0, "/spec/loadBalancer/headers/subject", "\"X Client Subject\"", "/spec/loadBalancer/headers/subject" },
        { Exposure, 0, "/spec/trustStoreRef", null, "spec.trustStoreRef: trustStoreRef is required unless loadBalancer.mode is passthrough" },
        { Exposure, 0, "/spec/domainName", "\"*.partners.example.com\"", "/spec/domainName" },
        { Example, 3, "/spec/domainName", null, "spec.domainName: domainName is required with apiGateway" },
        { Example, 3, "/spec/apiGateway/restApiId", "\"A1B2\"", "/spec/apiGateway/restApiId" },
        { Example, 3, "/spec/apiGateway/stage", null, "stage" },
        { Example, 3, "/spec/apiGateway/certificateArn", "\"arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/3b9c1f7e-2a4d-4c6b-8e0f-1a2b3c4d5e6f\"", "/spec/apiGateway/certificateArn" },
        { Example, 3, "/spec/apiGateway/securityPolicy", "\"TLS_1_0\"", "/spec/apiGateway/securityPolicy" },
        { Example, 3, "/spec/apiGateway/basePath", "\"/v1\"", "/spec/apiGateway/basePath" },
        { Example, 3, "/spec/apiGateway/redeploy", "1", "/spec/apiGateway/redeploy" },
        { Example, 1, "/spec/privateKey/size", "4000", "spec.privateKey.size: size must be 256 or 384 for ECDSA, and 2048, 3072 or 4096 for RSA" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_resource_is_rejected_naming_the_field(string file, int index, string path, string? value, string expected)
    {
        var valid = ResourceValidation.LoadSample(file)[index];
        Assert.Empty(ResourceValidation.Validate(valid));
        var invalid = JsonEdit.Apply(valid, path, value);

        var errors = ResourceValidation.Validate(invalid);

        Assert.NotEmpty(errors);
        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)),
            $"expected an error containing '{expected}', got:\n" + string.Join("\n", errors));
    }

    [Theory]
    [InlineData("arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/0f8a3c2e-6b1d-4e5f-9a7b-2c4d6e8f0a1b")]
    [InlineData("arn:aws-cn:acm-pca:cn-north-1:111122223333:certificate-authority/0f8a3c2e-6b1d-4e5f-9a7b-2c4d6e8f0a1b")]
    [InlineData("arn:aws-us-gov:acm-pca:us-gov-west-1:111122223333:certificate-authority/0f8a3c2e-6b1d-4e5f-9a7b-2c4d6e8f0a1b")]
    public void Private_ca_arns_of_every_partition_are_accepted(string arn)
    {
        var document = JsonEdit.Apply(ResourceValidation.LoadSample(TrustStore)[0], "/spec/caCertificates/0/privateCaArn", $"\"{arn}\"");

        Assert.Empty(ResourceValidation.Validate(document));
    }

    [Fact]
    public void Passthrough_listener_needs_no_trust_store()
    {
        var passthrough = JsonEdit.Apply(ResourceValidation.LoadSample(Exposure)[0], "/spec/loadBalancer/mode", "\"passthrough\"");
        var document = JsonEdit.Apply(passthrough, "/spec/trustStoreRef", null);

        Assert.Empty(ResourceValidation.Validate(document));
    }
}
