using System.Globalization;
using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;
using MtlsOperator.Sandbox.Aws.S3;

namespace MtlsOperator.Sandbox.Aws.Elbv2;

/// <summary>Elastic Load Balancing v2 over awsQuery (2015-12-01): load balancers, listeners with mutual TLS, trust stores.</summary>
internal sealed partial class Elbv2Service : IAwsService
{
    /// <summary>Trust stores per account and region.</summary>
    public const int MaxTrustStores = 20;

    /// <summary>Revocation lists per trust store.</summary>
    public const int MaxRevocationsPerTrustStore = 30;

    /// <summary>Trust-store (verify mode) listeners per load balancer.</summary>
    public const int MaxVerifyListenersPerLoadBalancer = 2;

    private const int MaxTags = 50;

    private static readonly HashSet<string> Operations =
    [
        "DescribeLoadBalancers", "DescribeListeners", "ModifyListener", "DescribeListenerAttributes", "ModifyListenerAttributes",
        "CreateTrustStore", "DescribeTrustStores", "ModifyTrustStore", "DeleteTrustStore",
        "AddTrustStoreRevocations", "RemoveTrustStoreRevocations", "DescribeTrustStoreRevocations", "DescribeTrustStoreAssociations",
        "GetTrustStoreCaCertificatesBundle", "GetTrustStoreRevocationContent", "AddTags", "RemoveTags", "DescribeTags",
    ];

    private readonly Elbv2State state;
    private readonly S3State s3;
    private readonly PresignedDownloads downloads;
    private readonly AwsQueryProtocol query = new("http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/", "2015-12-01");

    public Elbv2Service(Elbv2State state, S3State s3, PresignedDownloads downloads)
    {
        this.state = state;
        this.s3 = s3;
        this.downloads = downloads;
    }

    public string SigningName => "elasticloadbalancing";

    public IAwsProtocol Protocol => query;

    public bool Claims(AwsRequest request) => AwsQueryProtocol.IsForm(request) && ResolveOperation(request) is not null;

    public string? ResolveOperation(AwsRequest request) => query.Operation(request, Operations);

    public Task<AwsResponse> InvokeAsync(AwsRequest request, string operation, CancellationToken cancellationToken)
    {
        var p = AwsQueryProtocol.Parameters(request);
        lock (state.Gate)
        {
            RefuseOtherRegions(p, request.Region);
            var result = operation switch
            {
                "DescribeLoadBalancers" => DescribeLoadBalancers(request, p),
                "DescribeListeners" => DescribeListeners(request, p),
                "ModifyListener" => ModifyListener(p),
                "DescribeListenerAttributes" => DescribeListenerAttributes(p),
                "ModifyListenerAttributes" => ModifyListenerAttributes(p),
                "CreateTrustStore" => CreateTrustStore(request, p),
                "DescribeTrustStores" => DescribeTrustStores(request, p),
                "ModifyTrustStore" => ModifyTrustStore(p),
                "DeleteTrustStore" => DeleteTrustStore(p),
                "AddTrustStoreRevocations" => AddTrustStoreRevocations(p),
                "RemoveTrustStoreRevocations" => RemoveTrustStoreRevocations(p),
                "DescribeTrustStoreRevocations" => DescribeTrustStoreRevocations(p),
                "DescribeTrustStoreAssociations" => DescribeTrustStoreAssociations(p),
                "GetTrustStoreCaCertificatesBundle" => GetTrustStoreCaCertificatesBundle(p),
                "GetTrustStoreRevocationContent" => GetTrustStoreRevocationContent(p),
                "AddTags" => AddTags(p),
                "RemoveTags" => RemoveTags(p),
                "DescribeTags" => DescribeTags(p),
                _ => throw new AwsServiceException("InvalidAction", $"Could not find operation {operation} for version 2015-12-01"),
            };
            return Task.FromResult(query.Reply(request, operation, result));
        }
    }

    /// <summary>A regional endpoint knows only its own region's resources: an ARN of another region is not found.</summary>
    private static void RefuseOtherRegions(QueryParameters p, string region)
    {
        foreach (var value in p.Values)
        {
            if (AwsArn.TryParse(value, out var arn) && arn.Service == "elasticloadbalancing" && arn.Region != region)
            {
                throw arn.Resource.StartsWith("listener/", StringComparison.Ordinal) ? ListenerNotFound(value)
                    : arn.Resource.StartsWith("truststore/", StringComparison.Ordinal) ? TrustStoreNotFound(value)
                    : LoadBalancerNotFound(value);
            }
        }
    }

    private static (List<T> Page, string? NextMarker) Page<T>(List<T> items, QueryParameters p)
    {
        var size = p.Int("PageSize") ?? 400;
        if (size is < 1 or > 400)
        {
            throw new AwsServiceException("ValidationError", "PageSize must be between 1 and 400");
        }

        var marker = p.Get("Marker");
        var start = 0;
        if (marker is not null && !int.TryParse(marker, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            throw new AwsServiceException("ValidationError", "The marker is not valid");
        }

        var page = items.Skip(start).Take(size).ToList();
        var next = start + page.Count < items.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return (page, next);
    }

    private Elbv2Listener FindListener(string arn) => state.Listeners.GetValueOrDefault(arn) ?? throw ListenerNotFound(arn);

    private Elbv2TrustStore FindTrustStore(string arn) => state.TrustStoresByArn.GetValueOrDefault(arn) ?? throw TrustStoreNotFound(arn);

    private static AwsServiceException ListenerNotFound(string arn) => new("ListenerNotFound", $"One or more listeners not found: '{arn}'");

    private static AwsServiceException LoadBalancerNotFound(string id) => new("LoadBalancerNotFound", $"One or more load balancers not found: '{id}'");

    private static AwsServiceException TrustStoreNotFound(string id) => new("TrustStoreNotFound", $"One or more trust stores not found: '{id}'");
}
