using System.Text.RegularExpressions;
using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;
using MtlsOperator.Sandbox.Aws.Signing;

namespace MtlsOperator.Sandbox.Aws.Sts;

/// <summary>AWS STS over awsQuery (2011-06-15): AssumeRole, AssumeRoleWithWebIdentity (unsigned, as in AWS) and GetCallerIdentity.</summary>
internal sealed partial class StsService : IAwsService
{
    private static readonly HashSet<string> Operations = ["AssumeRole", "AssumeRoleWithWebIdentity", "GetCallerIdentity"];
    private readonly StsState state;
    private readonly string accountId;
    private readonly AwsQueryProtocol query = new("https://sts.amazonaws.com/doc/2011-06-15/", "2011-06-15");

    public StsService(StsState state, string accountId)
    {
        this.state = state;
        this.accountId = accountId;
    }

    public string SigningName => "sts";

    public IAwsProtocol Protocol => query;

    public bool Claims(AwsRequest request) => ResolveOperation(request) is not null;

    public string? ResolveOperation(AwsRequest request) => query.Operation(request, Operations);

    // AssumeRoleWithWebIdentity is authenticated by its token, not by SigV4.
    public bool AllowsUnsigned(AwsRequest request) => ResolveOperation(request) == "AssumeRoleWithWebIdentity";

    public Task<AwsResponse> InvokeAsync(AwsRequest request, string operation, CancellationToken cancellationToken)
    {
        var p = AwsQueryProtocol.Parameters(request);
        var result = operation switch
        {
            "AssumeRole" => AssumeRole(p),
            "AssumeRoleWithWebIdentity" => AssumeRoleWithWebIdentity(p),
            "GetCallerIdentity" => GetCallerIdentity(request),
            _ => throw new AwsServiceException("InvalidAction", $"Could not find operation {operation} for version 2011-06-15"),
        };
        return Task.FromResult(query.Reply(request, operation, result));
    }

    private object?[] AssumeRole(QueryParameters p)
    {
        var (roleName, sessionName, duration) = ParseRole(p);
        var credential = state.Issue(accountId, roleName, sessionName, duration);
        return [.. Session(credential), query.E("PackedPolicySize", 0)];
    }

    private object?[] AssumeRoleWithWebIdentity(QueryParameters p)
    {
        var token = p.Required("WebIdentityToken");
        if (token.Split('.').Length != 3)
        {
            throw new AwsServiceException("InvalidIdentityToken", "The web identity token is not a well-formed JWT");
        }

        var (roleName, sessionName, duration) = ParseRole(p);
        var credential = state.Issue(accountId, roleName, sessionName, duration);
        return
        [
            .. Session(credential),
            query.E("SubjectFromWebIdentityToken", "system:serviceaccount:mtls-operator:mtls-operator"),
            query.E("Provider", $"arn:aws:iam::{accountId}:oidc-provider/oidc.eks.amazonaws.com"),
            query.E("Audience", "sts.amazonaws.com"),
        ];
    }

    private object?[] GetCallerIdentity(AwsRequest request)
    {
        var identity = state.Identity(request.AccessKeyId)
            ?? throw new AwsServiceException("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
        return [query.E("UserId", identity.UserId), query.E("Account", accountId), query.E("Arn", identity.PrincipalArn)];
    }

    private object?[] Session(AwsCredential credential) =>
    [
        query.E(
            "Credentials",
            query.E("AccessKeyId", credential.AccessKeyId),
            query.E("SecretAccessKey", credential.SecretAccessKey),
            query.E("SessionToken", credential.SessionToken),
            query.E("Expiration", AwsQueryProtocol.Timestamp(credential.Expiration!.Value))),
        query.E("AssumedRoleUser", query.E("AssumedRoleId", credential.UserId), query.E("Arn", credential.PrincipalArn)),
    ];

    private static (string RoleName, string SessionName, TimeSpan Duration) ParseRole(QueryParameters p)
    {
        var roleArn = p.Required("RoleArn");
        if (!AwsArn.TryParse(roleArn, out var arn) || arn.Service != "iam" || !arn.Resource.StartsWith("role/", StringComparison.Ordinal))
        {
            throw new AwsServiceException("ValidationError", $"1 validation error detected: Value '{roleArn}' at 'roleArn' failed to satisfy constraint: Member must be a role ARN");
        }

        var sessionName = p.Required("RoleSessionName");
        if (!SessionNamePattern().IsMatch(sessionName))
        {
            throw new AwsServiceException("ValidationError", $"1 validation error detected: Value '{sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        var seconds = p.Int("DurationSeconds") ?? 3600;
        if (seconds is < 900 or > 43200)
        {
            throw new AwsServiceException("ValidationError", $"1 validation error detected: Value '{seconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
        }

        return (arn.Resource[(arn.Resource.LastIndexOf('/') + 1)..], sessionName, TimeSpan.FromSeconds(seconds));
    }

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();
}
