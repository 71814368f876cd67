using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Pem;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.Pca;

internal sealed partial class PcaService
{
    private JsonObject CreateCertificateAuthority(AwsRequest request, JsonObject body)
    {
        var configuration = body.Object("CertificateAuthorityConfiguration")
            ?? throw new AwsServiceException("InvalidArgsException", "CertificateAuthorityConfiguration is required");
        var type = body.String("CertificateAuthorityType") ?? throw new AwsServiceException("InvalidArgsException", "CertificateAuthorityType is required");
        if (type is not ("ROOT" or "SUBORDINATE"))
        {
            throw new AwsServiceException("ValidationException", $"Value '{type}' at 'certificateAuthorityType' failed to satisfy constraint: Member must satisfy enum value set: [ROOT, SUBORDINATE]");
        }

        var token = body.String("IdempotencyToken");
        if (token is not null && state.ByArn.Values.FirstOrDefault(c => c.CreationToken == token) is { } existing)
        {
            return new JsonObject { ["CertificateAuthorityArn"] = existing.Arn };
        }

        var tags = ParseTags(body);
        var ca = state.Add(request.Region, type, (JsonObject)configuration.DeepClone(), ParseCrl(body.Object("RevocationConfiguration")));
        ca.CreationToken = token;
        foreach (var (key, value) in tags)
        {
            ca.Tags[key] = value;
        }

        // The emulator self-signs ROOT CAs at once so they are usable for seeding; a SUBORDINATE stays
        // PENDING_CERTIFICATE until its signed certificate is imported (GetCertificateAuthorityCsr, IssueCertificate
        // on the parent, ImportCertificateAuthorityCertificate), as in AWS.
        if (type == "ROOT")
        {
            state.ActivateRoot(ca);
        }

        return new JsonObject { ["CertificateAuthorityArn"] = ca.Arn };
    }

    private static CrlConfiguration ParseCrl(JsonObject? revocation)
    {
        var crl = revocation?.Object("CrlConfiguration");
        if (crl is null || crl.Bool("Enabled") != true)
        {
            return CrlConfiguration.Disabled;
        }

        var bucket = crl.String("S3BucketName") ?? throw new AwsServiceException("InvalidArgsException", "CrlConfiguration.S3BucketName is required when CRLs are enabled");
        var days = crl.Long("ExpirationInDays") ?? 7;
        if (days is < 1 or > 5000)
        {
            throw new AwsServiceException("InvalidArgsException", "CrlConfiguration.ExpirationInDays must be between 1 and 5000");
        }

        var acl = crl.String("S3ObjectAcl") ?? "PUBLIC_READ";
        if (acl is not ("PUBLIC_READ" or "BUCKET_OWNER_FULL_CONTROL"))
        {
            throw new AwsServiceException("ValidationException", $"Value '{acl}' at 'revocationConfiguration.crlConfiguration.s3ObjectAcl' failed to satisfy constraint: Member must satisfy enum value set: [PUBLIC_READ, BUCKET_OWNER_FULL_CONTROL]");
        }

        var crlType = crl.String("CrlType") ?? "COMPLETE";
        if (crlType is not ("COMPLETE" or "PARTITIONED"))
        {
            throw new AwsServiceException("ValidationException", $"Value '{crlType}' at 'revocationConfiguration.crlConfiguration.crlType' failed to satisfy constraint: Member must satisfy enum value set: [COMPLETE, PARTITIONED]");
        }

        // Partitioned CRLs are written under other names; publishing them as one complete CRL would mislead callers.
        if (crlType == "PARTITIONED")
        {
            throw new AwsServiceException("InvalidArgsException", "The emulator publishes COMPLETE CRLs only; CrlType PARTITIONED is not emulated");
        }

        var cname = crl.String("CustomCname");
        var omitExtension = crl.Object("CrlDistributionPointExtensionConfiguration")?.Bool("OmitExtension") ?? false;
        if (omitExtension && cname is not null)
        {
            throw new AwsServiceException("InvalidArgsException", "CrlDistributionPointExtensionConfiguration.OmitExtension cannot be enabled with a CustomCname set");
        }

        return new CrlConfiguration(true, (int)days, bucket, cname, omitExtension, crl.String("CustomPath"), acl);
    }

    private JsonObject Describe(PrivateCertificateAuthority ca)
    {
        var crl = ca.Crl;
        var crlJson = new JsonObject { ["Enabled"] = crl.Enabled };
        if (crl.Enabled)
        {
            crlJson["ExpirationInDays"] = crl.ExpirationInDays;
            crlJson["S3BucketName"] = crl.S3BucketName;
            if (crl.CustomCname is not null)
            {
                crlJson["CustomCname"] = crl.CustomCname;
            }

            if (crl.CustomPath is not null)
            {
                crlJson["CustomPath"] = crl.CustomPath;
            }

            crlJson["S3ObjectAcl"] = crl.S3ObjectAcl;
            crlJson["CrlDistributionPointExtensionConfiguration"] = new JsonObject { ["OmitExtension"] = crl.OmitExtension };
            crlJson["CrlType"] = "COMPLETE";
        }

        var result = new JsonObject
        {
            ["Arn"] = ca.Arn,
            ["OwnerAccount"] = state.AccountId,
            ["CreatedAt"] = JsonProtocol.Timestamp(ca.CreatedAt),
            ["LastStateChangeAt"] = JsonProtocol.Timestamp(ca.LastStateChangeAt),
            ["Type"] = ca.Type,
            ["Status"] = ca.Status,
            ["CertificateAuthorityConfiguration"] = ca.Configuration.DeepClone(),
            ["RevocationConfiguration"] = new JsonObject
            {
                ["CrlConfiguration"] = crlJson,
                ["OcspConfiguration"] = new JsonObject { ["Enabled"] = false },
            },
            ["KeyStorageSecurityStandard"] = "FIPS_140_2_LEVEL_3_OR_HIGHER",
            ["UsageMode"] = "GENERAL_PURPOSE",
        };
        if (ca.Certificate is { } certificate)
        {
            result["Serial"] = SerialNumber.Normalize(certificate.SerialNumber);
            result["NotBefore"] = JsonProtocol.Timestamp(certificate.NotBefore.ToUniversalTime());
            result["NotAfter"] = JsonProtocol.Timestamp(certificate.NotAfter.ToUniversalTime());
        }

        return result;
    }

    private JsonObject ListCertificateAuthorities(AwsRequest request, JsonObject body)
    {
        var all = state.ByArn.Values.Where(c => c.Region == request.Region).OrderBy(c => c.CreatedAt).ToList();
        var max = (int)(body.Long("MaxResults") ?? 1000);
        var start = 0;
        if (body.String("NextToken") is { } next && !int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            throw new AwsServiceException("InvalidNextTokenException", "The token specified in the NextToken argument is not valid");
        }

        var page = all.Skip(start).Take(max).ToList();
        var reply = new JsonObject { ["CertificateAuthorities"] = JsonProtocol.ToArray(page, c => Describe(c)) };
        if (start + page.Count < all.Count)
        {
            reply["NextToken"] = (start + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return reply;
    }

    private JsonObject GetCertificateAuthorityCertificate(JsonObject body)
    {
        var ca = Find(body);
        if (ca.Certificate is null)
        {
            throw new AwsServiceException("InvalidStateException", $"The certificate authority {ca.Arn} is in state {ca.Status} and has no certificate");
        }

        var reply = new JsonObject { ["Certificate"] = ca.Certificate.ExportCertificatePem() };
        if (ca.Chain.Count > 0)
        {
            reply["CertificateChain"] = string.Join('\n', ca.Chain.Select(c => c.ExportCertificatePem()));
        }

        return reply;
    }

    private JsonObject? ImportCertificateAuthorityCertificate(JsonObject body)
    {
        var ca = Find(body);
        var certificate = ReadCertificates(body.String("Certificate") ?? throw new AwsServiceException("InvalidArgsException", "Certificate is required")).FirstOrDefault()
            ?? throw new AwsServiceException("MalformedCertificateException", "The certificate is empty");
        var chain = body.String("CertificateChain") is { } chainText ? ReadCertificates(chainText) : [];
        if (ca.Type == "SUBORDINATE" && chain.Count == 0)
        {
            throw new AwsServiceException("InvalidRequestException", "A subordinate CA certificate must be imported with its certificate chain");
        }

        if (!certificate.PublicKey.EncodedKeyValue.RawData.AsSpan().SequenceEqual(PublicKeyOf(ca)))
        {
            throw new AwsServiceException("CertificateMismatchException", "The certificate does not match the CA's key (use the CSR from GetCertificateAuthorityCsr)");
        }

        var issuer = chain.Count > 0 ? chain[0] : certificate;
        if (certificate.IssuerName.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData) is false)
        {
            throw new AwsServiceException("InvalidRequestException", "The certificate chain does not start with the issuer of the certificate");
        }

        state.Import(ca, certificate, chain);
        return null;
    }

    private static byte[] PublicKeyOf(PrivateCertificateAuthority ca)
    {
        var request = ca.Key.Request(new X500DistinguishedName("CN=key"), HashAlgorithmName.SHA256);
        return request.PublicKey.EncodedKeyValue.RawData;
    }

    private static List<X509Certificate2> ReadCertificates(string base64Pem)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(base64Pem));
            var collection = new X509Certificate2Collection();
            collection.ImportFromPem(text);
            return [.. collection];
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new AwsServiceException("MalformedCertificateException", "The certificate or chain is not PEM-encoded X.509");
        }
    }
}
