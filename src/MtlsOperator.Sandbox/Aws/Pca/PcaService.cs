using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.Pca;

/// <summary>AWS Private CA over JSON 1.1 (<c>ACMPrivateCA.*</c>): CAs, issuance, retrieval, revocation, tags.</summary>
internal sealed partial class PcaService : IAwsService
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
