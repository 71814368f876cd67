using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Pem;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.Pca;

/// <summary>AWS Private CA over JSON 1.1 (<c>ACMPrivateCA.*</c>): CAs, issuance, retrieval, revocation, tags.</summary>
internal sealed class PcaService : IAwsService
{
    private const int MaxTags = 50;

    private static readonly HashSet<string> RevocationReasons =
    [
        "UNSPECIFIED", "KEY_COMPROMISE", "CERTIFICATE_AUTHORITY_COMPROMISE", "AFFILIATION_CHANGED",
        "SUPERSEDED", "CESSATION_OF_OPERATION", "PRIVILEGE_WITHDRAWN", "A_A_COMPROMISE",
    ];

    private static readonly HashSet<string> Operations =
    [
        "CreateCertificateAuthority", "DescribeCertificateAuthority", "ListCertificateAuthorities", "GetCertificateAuthorityCertificate",
        "IssueCertificate", "GetCertificate", "RevokeCertificate", "TagCertificateAuthority", "UntagCertificateAuthority", "ListTags",
        "GetCertificateAuthorityCsr", "ImportCertificateAuthorityCertificate",
    ];

    private readonly PcaState state;
    private readonly int pendingCalls;
    private readonly Json11Protocol json = new("ACMPrivateCA");

    public PcaService(PcaState state, int pendingCalls)
    {
        this.state = state;
        this.pendingCalls = pendingCalls;
    }

    public string SigningName => "acm-pca";

    public IAwsProtocol Protocol => json;

    public bool Claims(AwsRequest request) => json.Operation(request) is not null;

    public string? ResolveOperation(AwsRequest request) => json.Operation(request) is { } operation && Operations.Contains(operation) ? operation : null;

    public Task<AwsResponse> InvokeAsync(AwsRequest request, string operation, CancellationToken cancellationToken)
    {
        var body = Json11Protocol.Body(request);

        // A regional endpoint knows only its own region's CAs.
        if (AwsArn.TryParse(body.String("CertificateAuthorityArn"), out var arn) && arn.Service == "acm-pca" && arn.Region != request.Region)
        {
            throw PcaState.NotFound(body.String("CertificateAuthorityArn")!);
        }

        lock (state.Gate)
        {
            JsonObject? reply = operation switch
            {
                "CreateCertificateAuthority" => CreateCertificateAuthority(request, body),
                "DescribeCertificateAuthority" => new JsonObject { ["CertificateAuthority"] = Describe(Find(body)) },
                "ListCertificateAuthorities" => ListCertificateAuthorities(request, body),
                "GetCertificateAuthorityCertificate" => GetCertificateAuthorityCertificate(body),
                "GetCertificateAuthorityCsr" => new JsonObject { ["Csr"] = PcaState.CsrOf(Find(body)) },
                "ImportCertificateAuthorityCertificate" => ImportCertificateAuthorityCertificate(body),
                "IssueCertificate" => IssueCertificate(body),
                "GetCertificate" => GetCertificate(body),
                "RevokeCertificate" => RevokeCertificate(body),
                "TagCertificateAuthority" => TagCertificateAuthority(body),
                "UntagCertificateAuthority" => UntagCertificateAuthority(body),
                "ListTags" => ListTags(body),
                _ => throw new AwsServiceException("UnknownOperationException", $"Operation {operation} is not supported by this endpoint"),
            };
            return Task.FromResult(Json11Protocol.Reply(request, reply));
        }
    }

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

        return new CrlConfiguration(
            true,
            (int)days,
            bucket,
            crl.String("CustomCname"),
            crl.Object("CrlDistributionPointExtensionConfiguration")?.Bool("OmitExtension") ?? false,
            crl.String("CustomPath"),
            crl.String("S3ObjectAcl") ?? "PUBLIC_READ");
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

    private JsonObject IssueCertificate(JsonObject body)
    {
        var ca = Find(body);
        if (ca.Status != "ACTIVE")
        {
            throw new AwsServiceException("InvalidStateException", $"The certificate authority {ca.Arn} is in state {ca.Status}; it must be ACTIVE to issue certificates");
        }

        var signingAlgorithm = body.String("SigningAlgorithm") ?? throw new AwsServiceException("InvalidArgsException", "SigningAlgorithm is required");
        var hash = ca.Key.HashFor(signingAlgorithm);
        var validity = body.Object("Validity") ?? throw new AwsServiceException("InvalidArgsException", "Validity is required");
        var template = CertificateTemplate.FromArn(body.String("TemplateArn"));
        var (request, extensions) = ParseCsr(body.String("Csr"), hash);
        var now = state.Now();
        var notBefore = body.Object("ValidityNotBefore") is { } start ? ValidityPeriod.Resolve(start, now) : state.DefaultNotBefore();
        var notAfter = ValidityPeriod.Resolve(validity, now);
        var issued = state.Issue(ca, request, extensions, template, notBefore, notAfter, body.String("IdempotencyToken"));
        return new JsonObject { ["CertificateArn"] = issued.Arn };
    }

    private static (CertificateRequest Request, IReadOnlyList<X509Extension> Extensions) ParseCsr(string? csrBase64, HashAlgorithmName hash)
    {
        if (csrBase64 is null)
        {
            throw new AwsServiceException("InvalidArgsException", "Csr is required");
        }

        try
        {
            var bytes = Convert.FromBase64String(csrBase64);

            // The blob is the CSR file as the caller read it: PEM text, or DER.
            var text = Encoding.ASCII.GetString(bytes);
            var options = CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions;
            var request = text.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal)
                ? CertificateRequest.LoadSigningRequestPem(text, hash, options, RSASignaturePadding.Pkcs1)
                : CertificateRequest.LoadSigningRequest(bytes, hash, options, RSASignaturePadding.Pkcs1);
            return (request, request.CertificateExtensions.ToList());
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            throw new AwsServiceException("MalformedCSRException", "The certificate signing request is invalid or its signature does not verify");
        }
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

    private JsonObject GetCertificate(JsonObject body)
    {
        var ca = Find(body);
        var certificateArn = body.String("CertificateArn") ?? throw new AwsServiceException("InvalidArgsException", "CertificateArn is required");
        if (!AwsArn.TryParse(certificateArn, out _))
        {
            throw new AwsServiceException("InvalidArnException", $"'{certificateArn}' is not a valid ARN");
        }

        var issued = ca.IssuedByArn.GetValueOrDefault(certificateArn)
            ?? throw new AwsServiceException("ResourceNotFoundException", $"Could not find certificate {certificateArn}");
        if (issued.GetCalls++ < pendingCalls)
        {
            throw new AwsServiceException("RequestInProgressException", "The request to issue the certificate is still in progress");
        }

        return new JsonObject
        {
            ["Certificate"] = issued.Certificate.ExportCertificatePem(),
            ["CertificateChain"] = string.Join('\n', new[] { ca.Certificate! }.Concat(ca.Chain).Select(c => c.ExportCertificatePem())),
        };
    }

    private JsonObject? RevokeCertificate(JsonObject body)
    {
        var ca = Find(body);
        var serial = body.String("CertificateSerial") ?? throw new AwsServiceException("InvalidArgsException", "CertificateSerial is required");
        var reason = body.String("RevocationReason") ?? throw new AwsServiceException("InvalidArgsException", "RevocationReason is required");
        if (!RevocationReasons.Contains(reason))
        {
            throw new AwsServiceException("ValidationException", $"Value '{reason}' at 'revocationReason' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", RevocationReasons)}]");
        }

        if (!SerialNumber.IsValid(serial))
        {
            throw new AwsServiceException("InvalidRequestException", $"'{serial}' is not a hexadecimal serial number");
        }

        if (ca.Status is not ("ACTIVE" or "DISABLED"))
        {
            throw new AwsServiceException("InvalidStateException", $"The certificate authority {ca.Arn} is in state {ca.Status}");
        }

        state.Revoke(ca.Arn, serial, reason);
        return null;
    }

    private JsonObject? TagCertificateAuthority(JsonObject body)
    {
        var ca = Find(body);
        var tags = ParseTags(body);
        if (ca.Tags.Keys.Union(tags.Keys).Count() > MaxTags)
        {
            throw new AwsServiceException("TooManyTagsException", $"A certificate authority can have at most {MaxTags} tags");
        }

        foreach (var (key, value) in tags)
        {
            ca.Tags[key] = value;
        }

        return null;
    }

    private JsonObject? UntagCertificateAuthority(JsonObject body)
    {
        var ca = Find(body);
        foreach (var key in ParseTags(body).Keys)
        {
            ca.Tags.Remove(key);
        }

        return null;
    }

    private JsonObject ListTags(JsonObject body)
    {
        var ca = Find(body);
        return new JsonObject
        {
            ["Tags"] = JsonProtocol.ToArray(
                ca.Tags.OrderBy(t => t.Key, StringComparer.Ordinal),
                t => new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }),
        };
    }

    private static Dictionary<string, string> ParseTags(JsonObject body)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in body.Array("Tags"))
        {
            if (node is not JsonObject tag || tag.String("Key") is not { Length: > 0 } key)
            {
                throw new AwsServiceException("InvalidTagException", "Every tag needs a Key");
            }

            if (key.StartsWith("aws:", StringComparison.Ordinal))
            {
                throw new AwsServiceException("InvalidTagException", "Tag keys must not start with 'aws:'");
            }

            tags[key] = tag.String("Value") ?? string.Empty;
        }

        if (tags.Count > MaxTags)
        {
            throw new AwsServiceException("TooManyTagsException", $"At most {MaxTags} tags are allowed");
        }

        return tags;
    }

    private PrivateCertificateAuthority Find(JsonObject body)
    {
        var arn = body.String("CertificateAuthorityArn") ?? throw new AwsServiceException("InvalidArgsException", "CertificateAuthorityArn is required");
        if (!AwsArn.TryParse(arn, out var parts) || parts.Service != "acm-pca" || !parts.Resource.StartsWith("certificate-authority/", StringComparison.Ordinal))
        {
            throw new AwsServiceException("InvalidArnException", $"'{arn}' is not a valid certificate authority ARN");
        }

        return state.ByArn.GetValueOrDefault(arn) ?? throw PcaState.NotFound(arn);
    }
}
