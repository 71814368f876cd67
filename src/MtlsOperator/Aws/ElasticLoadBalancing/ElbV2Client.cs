using System.Globalization;
using System.Net;
using System.Xml.Linq;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.Protocols;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Aws.ElasticLoadBalancing;

/// <summary>Elastic Load Balancing v2 (API version 2015-12-01) over awsQuery.</summary>
public sealed class ElbV2Client : ITrustStores, IListeners
{
    /// <summary>The API version sent with every action.</summary>
    public const string ApiVersion = "2015-12-01";

    private readonly AwsQueryClient _query;
    private readonly int? _pageSize;

    /// <param name="channel">The signed channel to the ELBv2 endpoint.</param>
    /// <param name="pageSize">PageSize of describe calls (1 to 400); null leaves the service default.</param>
    public ElbV2Client(AwsServiceChannel channel, int? pageSize = null)
    {
        _query = new AwsQueryClient(channel, ApiVersion);
        _pageSize = pageSize;
    }

    /// <inheritdoc />
    public async Task<TrustStore> CreateAsync(string name, S3ObjectReference bundle, IReadOnlyList<AwsTag> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(tags);
        var parameters = new AwsQueryParameters().Add("Name", name);
        AddBundle(parameters, bundle);
        parameters.AddList("Tags", tags, (prefix, tag) => parameters.Add(prefix + ".Key", tag.Key).Add(prefix + ".Value", tag.Value));
        var result = await _query.SendAsync("CreateTrustStore", parameters, cancellationToken).ConfigureAwait(false);
        return SingleTrustStore(result, "CreateTrustStore");
    }

    /// <inheritdoc />
    public async Task<TrustStore> DescribeAsync(string trustStoreArn, CancellationToken cancellationToken)
    {
        var parameters = new AwsQueryParameters().AddList("TrustStoreArns", [trustStoreArn]);
        var result = await _query.SendAsync("DescribeTrustStores", parameters, cancellationToken).ConfigureAwait(false);
        return SingleTrustStore(result, "DescribeTrustStores");
    }

    /// <inheritdoc />
    public async Task<TrustStore?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var parameters = new AwsQueryParameters().AddList("Names", [name]);
            var result = await _query.SendAsync("DescribeTrustStores", parameters, cancellationToken).ConfigureAwait(false);
            return result.Members("TrustStores").Select(ReadTrustStore).FirstOrDefault();
        }
        catch (AwsNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrustStore>> ListAsync(CancellationToken cancellationToken) =>
        _query.SendPagedAsync("DescribeTrustStores", new AwsQueryParameters(), "TrustStores", ReadTrustStore, _pageSize, cancellationToken);

    /// <inheritdoc />
    public async Task<TrustStore> ModifyAsync(string trustStoreArn, S3ObjectReference bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var parameters = new AwsQueryParameters().Add("TrustStoreArn", trustStoreArn);
        AddBundle(parameters, bundle);
        var result = await _query.SendAsync("ModifyTrustStore", parameters, cancellationToken).ConfigureAwait(false);
        return SingleTrustStore(result, "ModifyTrustStore");
    }

    /// <inheritdoc />
    public Task DeleteAsync(string trustStoreArn, CancellationToken cancellationToken) =>
        _query.SendAsync("DeleteTrustStore", new AwsQueryParameters().Add("TrustStoreArn", trustStoreArn), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrustStoreRevocation>> AddRevocationsAsync(string trustStoreArn, IReadOnlyList<S3ObjectReference> revocationLists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revocationLists);
        var parameters = new AwsQueryParameters().Add("TrustStoreArn", trustStoreArn);
        parameters.AddList("RevocationContents", revocationLists, (prefix, crl) => parameters
            .Add(prefix + ".S3Bucket", crl.Bucket)
            .Add(prefix + ".S3Key", crl.Key)
            .Add(prefix + ".S3ObjectVersion", crl.VersionId)
            .Add(prefix + ".RevocationType", "CRL"));
        var result = await _query.SendAsync("AddTrustStoreRevocations", parameters, cancellationToken).ConfigureAwait(false);
        return result.Members("TrustStoreRevocations").Select(ReadRevocation).ToList();
    }

    /// <inheritdoc />
    public Task RemoveRevocationsAsync(string trustStoreArn, IReadOnlyList<long> revocationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revocationIds);
        var parameters = new AwsQueryParameters().Add("TrustStoreArn", trustStoreArn)
            .AddList("RevocationIds", revocationIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return _query.SendAsync("RemoveTrustStoreRevocations", parameters, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrustStoreRevocation>> DescribeRevocationsAsync(string trustStoreArn, CancellationToken cancellationToken) =>
        _query.SendPagedAsync("DescribeTrustStoreRevocations", new AwsQueryParameters().Add("TrustStoreArn", trustStoreArn), "TrustStoreRevocations", ReadRevocation, _pageSize, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> DescribeAssociationsAsync(string trustStoreArn, CancellationToken cancellationToken) =>
        _query.SendPagedAsync("DescribeTrustStoreAssociations", new AwsQueryParameters().Add("TrustStoreArn", trustStoreArn), "TrustStoreAssociations", m => m.Text("ResourceArn") ?? string.Empty, _pageSize, cancellationToken);

    /// <inheritdoc />
    public Task AddTagsAsync(string resourceArn, IReadOnlyList<AwsTag> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var parameters = new AwsQueryParameters().AddList("ResourceArns", [resourceArn]);
        parameters.AddList("Tags", tags, (prefix, tag) => parameters.Add(prefix + ".Key", tag.Key).Add(prefix + ".Value", tag.Value));
        return _query.SendAsync("AddTags", parameters, cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveTagsAsync(string resourceArn, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var parameters = new AwsQueryParameters().AddList("ResourceArns", [resourceArn]).AddList("TagKeys", keys);
        return _query.SendAsync("RemoveTags", parameters, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AwsTag>> DescribeTagsAsync(string resourceArn, CancellationToken cancellationToken)
    {
        var result = await _query.SendAsync("DescribeTags", new AwsQueryParameters().AddList("ResourceArns", [resourceArn]), cancellationToken).ConfigureAwait(false);
        var description = result.Members("TagDescriptions").FirstOrDefault(d => d.Text("ResourceArn") == resourceArn)
            ?? result.Members("TagDescriptions").FirstOrDefault();
        return description is null ? [] : description.Members("Tags").Select(t => new AwsTag(t.Text("Key") ?? string.Empty, t.Text("Value"))).ToList();
    }

    /// <inheritdoc />
    async Task<Listener> IListeners.DescribeAsync(string listenerArn, CancellationToken cancellationToken)
    {
        var result = await _query.SendAsync("DescribeListeners", new AwsQueryParameters().AddList("ListenerArns", [listenerArn]), cancellationToken).ConfigureAwait(false);
        return result.Members("Listeners").Select(ReadListener).FirstOrDefault() ?? throw NotFound("DescribeListeners", "ListenerNotFound", listenerArn);
    }

    /// <inheritdoc />
    Task<IReadOnlyList<Listener>> IListeners.ListAsync(string loadBalancerArn, CancellationToken cancellationToken) =>
        _query.SendPagedAsync("DescribeListeners", new AwsQueryParameters().Add("LoadBalancerArn", loadBalancerArn), "Listeners", ReadListener, _pageSize, cancellationToken);

    /// <inheritdoc />
    public async Task<Listener> ModifyMutualAuthenticationAsync(string listenerArn, MutualAuthentication mutualAuthentication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mutualAuthentication);
        var parameters = new AwsQueryParameters().Add("ListenerArn", listenerArn)
            .Add("MutualAuthentication.Mode", mutualAuthentication.Mode)
            .Add("MutualAuthentication.TrustStoreArn", mutualAuthentication.TrustStoreArn)
            .Add("MutualAuthentication.IgnoreClientCertificateExpiry", mutualAuthentication.IgnoreClientCertificateExpiry)
            .Add("MutualAuthentication.AdvertiseTrustStoreCaNames", mutualAuthentication.AdvertiseTrustStoreCaNames);
        var result = await _query.SendAsync("ModifyListener", parameters, cancellationToken).ConfigureAwait(false);
        return result.Members("Listeners").Select(ReadListener).FirstOrDefault() ?? throw NotFound("ModifyListener", "ListenerNotFound", listenerArn);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> DescribeAttributesAsync(string listenerArn, CancellationToken cancellationToken)
    {
        var result = await _query.SendAsync("DescribeListenerAttributes", new AwsQueryParameters().Add("ListenerArn", listenerArn), cancellationToken).ConfigureAwait(false);
        return ReadAttributes(result);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> ModifyAttributesAsync(string listenerArn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var parameters = new AwsQueryParameters().Add("ListenerArn", listenerArn);
        parameters.AddList("Attributes", attributes.OrderBy(a => a.Key, StringComparer.Ordinal), (prefix, a) => parameters.Add(prefix + ".Key", a.Key).Add(prefix + ".Value", a.Value));
        var result = await _query.SendAsync("ModifyListenerAttributes", parameters, cancellationToken).ConfigureAwait(false);
        return ReadAttributes(result);
    }

    /// <inheritdoc />
    public async Task<LoadBalancer> DescribeLoadBalancerAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        var result = await _query.SendAsync("DescribeLoadBalancers", new AwsQueryParameters().AddList("LoadBalancerArns", [loadBalancerArn]), cancellationToken).ConfigureAwait(false);
        var member = result.Members("LoadBalancers").FirstOrDefault() ?? throw NotFound("DescribeLoadBalancers", "LoadBalancerNotFound", loadBalancerArn);
        return new LoadBalancer(
            member.Text("LoadBalancerArn") ?? loadBalancerArn,
            member.Text("LoadBalancerName") ?? string.Empty,
            member.Text("Type") ?? string.Empty,
            member.Text("Scheme"),
            member.Text("DNSName"),
            member.Text("CanonicalHostedZoneId"),
            member.Text("VpcId"),
            member.Child("State")?.Text("Code"));
    }

    private static void AddBundle(AwsQueryParameters parameters, S3ObjectReference bundle) => parameters
        .Add("CaCertificatesBundleS3Bucket", bundle.Bucket)
        .Add("CaCertificatesBundleS3Key", bundle.Key)
        .Add("CaCertificatesBundleS3ObjectVersion", bundle.VersionId);

    private static TrustStore SingleTrustStore(XElement result, string operation) =>
        result.Members("TrustStores").Select(ReadTrustStore).FirstOrDefault() ?? throw NotFound(operation, "TrustStoreNotFound", "trust store");

    private static TrustStore ReadTrustStore(XElement m) => new(
        m.Text("Name") ?? string.Empty,
        m.Text("TrustStoreArn") ?? string.Empty,
        m.Text("Status") ?? string.Empty,
        (int)(m.Number("NumberOfCaCertificates") ?? 0),
        m.Number("TotalRevokedEntries") ?? 0);

    private static TrustStoreRevocation ReadRevocation(XElement m) => new(
        m.Text("TrustStoreArn") ?? string.Empty,
        m.Number("RevocationId") ?? 0,
        m.Text("RevocationType") ?? "CRL",
        m.Number("NumberOfRevokedEntries") ?? 0);

    private static Listener ReadListener(XElement m)
    {
        var mtls = m.Child("MutualAuthentication");
        return new Listener(
            m.Text("ListenerArn") ?? string.Empty,
            m.Text("LoadBalancerArn") ?? string.Empty,
            (int)(m.Number("Port") ?? 0),
            m.Text("Protocol") ?? string.Empty,
            m.Text("SslPolicy"),
            mtls is null ? null : new MutualAuthentication(
                mtls.Text("Mode") ?? "off",
                mtls.Text("TrustStoreArn"),
                mtls.Flag("IgnoreClientCertificateExpiry"),
                mtls.Text("AdvertiseTrustStoreCaNames"),
                mtls.Text("TrustStoreAssociationStatus")));
    }

    private static Dictionary<string, string> ReadAttributes(XElement result) =>
        result.Members("Attributes")
            .Where(a => a.Text("Key") is not null)
            .GroupBy(a => a.Text("Key")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Text("Value") ?? string.Empty, StringComparer.Ordinal);

    // A describe by ARN that answers with an empty list (rather than an error) still means "not there".
    private static AwsNotFoundException NotFound(string operation, string code, string what) =>
        new(new AwsErrorDetails(code, $"{what} not found in the reply", null), "elasticloadbalancing", operation, HttpStatusCode.OK);
}
