using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Pem;
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

    public bool Claims(AwsRequest request) =>
        AwsQueryProtocol.IsForm(request) && AwsQueryProtocol.Parameters(request).Get("Action") is { } action && Operations.Contains(action);

    public string? ResolveOperation(AwsRequest request)
    {
        var action = AwsQueryProtocol.Parameters(request).Get("Action");
        return action is not null && Operations.Contains(action) ? action : null;
    }

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

    private object?[] DescribeLoadBalancers(AwsRequest request, QueryParameters p)
    {
        var arns = p.List("LoadBalancerArns");
        var names = p.List("Names");
        IEnumerable<Elbv2LoadBalancer> found;
        if (arns.Count > 0)
        {
            found = arns.Select(a => state.LoadBalancers.GetValueOrDefault(a) ?? throw LoadBalancerNotFound(a)).ToList();
        }
        else if (names.Count > 0)
        {
            found = names.Select(n => state.LoadBalancers.Values.FirstOrDefault(b => b.Name == n && b.Region == request.Region) ?? throw LoadBalancerNotFound(n)).ToList();
        }
        else
        {
            found = state.LoadBalancers.Values.Where(b => b.Region == request.Region);
        }

        var (page, next) = Page(found.ToList(), p);
        return
        [
            query.Members("LoadBalancers", page, b => new object?[]
            {
                query.E("LoadBalancerArn", b.Arn),
                query.E("DNSName", b.DnsName),
                query.E("CanonicalHostedZoneId", b.CanonicalHostedZoneId),
                query.E("CreatedTime", AwsQueryProtocol.Timestamp(b.CreatedTime)),
                query.E("LoadBalancerName", b.Name),
                query.E("Scheme", b.Scheme),
                query.E("VpcId", b.VpcId),
                query.E("State", query.E("Code", "active")),
                query.E("Type", "application"),
                query.Members("AvailabilityZones", b.SubnetIds.Select((s, i) => (Subnet: s, Zone: b.Region + (char)('a' + i))), z => new object?[]
                {
                    query.E("ZoneName", z.Zone), query.E("SubnetId", z.Subnet),
                }),
                query.Members("SecurityGroups", [b.SecurityGroupId], g => new object?[] { g }),
                query.E("IpAddressType", "ipv4"),
            }),
            next is null ? null : query.E("NextMarker", next),
        ];
    }

    private object?[] DescribeListeners(AwsRequest request, QueryParameters p)
    {
        var arns = p.List("ListenerArns");
        var balancerArn = p.Get("LoadBalancerArn");
        List<Elbv2Listener> found;
        if (arns.Count > 0)
        {
            found = arns.Select(FindListener).ToList();
        }
        else if (balancerArn is not null)
        {
            if (!state.LoadBalancers.ContainsKey(balancerArn))
            {
                throw LoadBalancerNotFound(balancerArn);
            }

            found = state.Listeners.Values.Where(l => l.LoadBalancerArn == balancerArn).OrderBy(l => l.Port).ToList();
        }
        else
        {
            throw new AwsServiceException("ValidationError", "You must specify either listener ARNs or a load balancer ARN");
        }

        var (page, next) = Page(found, p);
        return [query.Members("Listeners", page, ListenerMembers), next is null ? null : query.E("NextMarker", next)];
    }

    private object?[] ListenerMembers(Elbv2Listener l)
    {
        var mutual = l.MutualAuthentication;
        return
        [
            query.E("ListenerArn", l.Arn),
            query.E("LoadBalancerArn", l.LoadBalancerArn),
            query.E("Port", l.Port),
            query.E("Protocol", l.Protocol),
            l.CertificateArn is null ? null : query.Members("Certificates", [l.CertificateArn], c => new object?[] { query.E("CertificateArn", c) }),
            l.SslPolicy is null ? null : query.E("SslPolicy", l.SslPolicy),
            query.Members("DefaultActions", [l], _ => new object?[]
            {
                query.E("Type", "fixed-response"),
                query.E("FixedResponseConfig", query.E("StatusCode", "404"), query.E("ContentType", "text/plain")),
            }),
            l.Protocol != "HTTPS" ? null : query.E(
                "MutualAuthentication",
                query.E("Mode", mutual.Mode),
                mutual.TrustStoreArn is null ? null : query.E("TrustStoreArn", mutual.TrustStoreArn),
                mutual.Mode == "verify" ? query.E("IgnoreClientCertificateExpiry", AwsQueryProtocol.Boolean(mutual.IgnoreClientCertificateExpiry)) : null,
                mutual.TrustStoreArn is null ? null : query.E("TrustStoreAssociationStatus", state.TrustStoresByArn.ContainsKey(mutual.TrustStoreArn) ? "active" : "removed"),
                mutual.Mode == "verify" ? query.E("AdvertiseTrustStoreCaNames", mutual.AdvertiseTrustStoreCaNames) : null),
        ];
    }

    private object?[] ModifyListener(QueryParameters p)
    {
        var listener = FindListener(p.Required("ListenerArn"));
        var protocol = p.Get("Protocol") ?? listener.Protocol;
        if (protocol is not ("HTTP" or "HTTPS"))
        {
            throw new AwsServiceException("UnsupportedProtocol", $"Protocol '{protocol}' is not supported by Application Load Balancers");
        }

        var mutual = listener.MutualAuthentication;
        if (p.Has("MutualAuthentication"))
        {
            mutual = ParseMutualAuthentication(p.Struct("MutualAuthentication"), listener, protocol);
        }
        else if (protocol != "HTTPS" && mutual.Mode != "off")
        {
            throw new AwsServiceException("InvalidConfigurationRequest", "Mutual authentication must be off before a listener can use HTTP");
        }

        var certificates = p.StructList("Certificates").Select(c => c.Get("CertificateArn")).OfType<string>().ToList();
        if (protocol == "HTTPS" && certificates.Count == 0 && listener.CertificateArn is null)
        {
            throw new AwsServiceException("CertificateNotFound", "An HTTPS listener requires a certificate");
        }

        listener.Protocol = protocol;
        listener.Port = p.Int("Port") ?? listener.Port;
        listener.SslPolicy = p.Get("SslPolicy") ?? (protocol == "HTTPS" ? listener.SslPolicy ?? "ELBSecurityPolicy-TLS13-1-2-2021-06" : null);
        listener.CertificateArn = certificates.Count > 0 ? certificates[0] : protocol == "HTTPS" ? listener.CertificateArn : null;
        listener.MutualAuthentication = mutual;
        return [query.Members("Listeners", [listener], ListenerMembers)];
    }

    private Elbv2MutualAuthentication ParseMutualAuthentication(QueryParameters m, Elbv2Listener listener, string protocol)
    {
        var mode = m.Get("Mode") ?? "off";
        if (mode is not ("off" or "passthrough" or "verify"))
        {
            throw new AwsServiceException("ValidationError", $"1 validation error detected: Value '{mode}' at 'mutualAuthentication.mode' failed to satisfy constraint: Member must satisfy enum value set: [off, passthrough, verify]");
        }

        if (mode == "off")
        {
            return Elbv2MutualAuthentication.Off;
        }

        if (protocol != "HTTPS")
        {
            throw new AwsServiceException("InvalidConfigurationRequest", "Mutual authentication is supported only on HTTPS listeners");
        }

        if (mode == "passthrough")
        {
            if (m.Get("TrustStoreArn") is not null)
            {
                throw new AwsServiceException("InvalidConfigurationRequest", "A trust store cannot be used with mutual authentication mode 'passthrough'");
            }

            return new Elbv2MutualAuthentication("passthrough");
        }

        var trustStoreArn = m.Get("TrustStoreArn") ?? listener.MutualAuthentication.TrustStoreArn
            ?? throw new AwsServiceException("InvalidConfigurationRequest", "Mutual authentication mode 'verify' requires a trust store");
        var store = state.TrustStoresByArn.GetValueOrDefault(trustStoreArn) ?? throw TrustStoreNotFound(trustStoreArn);
        if (state.StatusOf(store) != "ACTIVE")
        {
            throw new AwsServiceException("TrustStoreNotReady", $"Trust store '{store.Name}' is not active yet");
        }

        var verifying = state.Listeners.Values.Count(l => l.LoadBalancerArn == listener.LoadBalancerArn && l.Arn != listener.Arn && l.MutualAuthentication.Mode == "verify");
        if (verifying >= MaxVerifyListenersPerLoadBalancer)
        {
            throw new AwsServiceException("InvalidConfigurationRequest", $"A load balancer can have at most {MaxVerifyListenersPerLoadBalancer} listeners with mutual authentication mode 'verify'");
        }

        var advertise = m.Get("AdvertiseTrustStoreCaNames") ?? listener.MutualAuthentication.AdvertiseTrustStoreCaNames;
        if (advertise is not ("on" or "off"))
        {
            throw new AwsServiceException("ValidationError", $"Value '{advertise}' at 'mutualAuthentication.advertiseTrustStoreCaNames' failed to satisfy constraint: Member must satisfy enum value set: [on, off]");
        }

        return new Elbv2MutualAuthentication("verify", store.Arn, m.Bool("IgnoreClientCertificateExpiry") ?? false, advertise);
    }

    private object?[] DescribeListenerAttributes(QueryParameters p)
    {
        var listener = FindListener(p.Required("ListenerArn"));
        return [AttributeList(listener.AttributeValues)];
    }

    private object?[] ModifyListenerAttributes(QueryParameters p)
    {
        var listener = FindListener(p.Required("ListenerArn"));
        var changes = p.StructList("Attributes").Select(a => (Key: a.Required("Key"), Value: a.Get("Value") ?? string.Empty)).ToList();
        foreach (var (key, value) in changes)
        {
            if (!ListenerAttributeCatalog.Defaults.ContainsKey(key))
            {
                throw new AwsServiceException("InvalidConfigurationRequest", $"Listener attribute key '{key}' is not recognized");
            }

            if (ListenerAttributeCatalog.IsHttpsOnly(key) && listener.Protocol != "HTTPS")
            {
                throw new AwsServiceException("InvalidConfigurationRequest", $"Listener attribute '{key}' is supported only on HTTPS listeners");
            }

            if (ListenerAttributeCatalog.IsHeaderName(key) && !HeaderNamePattern().IsMatch(value))
            {
                throw new AwsServiceException("InvalidConfigurationRequest", $"'{value}' is not a valid header name for '{key}': use 1 to 40 letters, digits, hyphens or underscores");
            }

            if (key == "routing.http.response.server.enabled" && value is not ("true" or "false"))
            {
                throw new AwsServiceException("InvalidConfigurationRequest", $"'{value}' is not a valid value for '{key}': use true or false");
            }
        }

        foreach (var (key, value) in changes)
        {
            listener.AttributeValues[key] = value;
        }

        return [AttributeList(changes.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal))];
    }

    private XElement AttributeList(IReadOnlyDictionary<string, string> attributes) =>
        query.Members("Attributes", attributes.OrderBy(a => a.Key, StringComparer.Ordinal), a => new object?[] { query.E("Key", a.Key), query.E("Value", a.Value) });

    private object?[] CreateTrustStore(AwsRequest request, QueryParameters p)
    {
        var name = p.Required("Name");
        if (!TrustStoreNamePattern().IsMatch(name))
        {
            throw new AwsServiceException("ValidationError", $"Trust store name '{name}' must be 1-32 letters, digits or hyphens and must not begin or end with a hyphen");
        }

        if (state.TrustStoresByArn.Values.Any(t => t.Name == name && t.Region == request.Region))
        {
            throw new AwsServiceException("DuplicateTrustStoreName", $"A trust store with the name '{name}' already exists");
        }

        if (state.TrustStoresByArn.Values.Count(t => t.Region == request.Region) >= MaxTrustStores)
        {
            throw new AwsServiceException("TooManyTrustStores", $"You have reached the limit of {MaxTrustStores} trust stores");
        }

        var tags = ParseTags(p);
        var (bundle, certificates, source) = ReadBundle(p);
        var store = state.AddTrustStore(request.Region, name);
        store.Bundle = bundle;
        store.CaCertificates = certificates;
        store.BundleSource = source;
        state.Tags[store.Arn] = tags;
        return [query.Members("TrustStores", [store], TrustStoreMembers)];
    }

    private (byte[] Bundle, IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2> Certificates, (string, string, string) Source) ReadBundle(QueryParameters p)
    {
        var bucket = p.Required("CaCertificatesBundleS3Bucket");
        var key = p.Required("CaCertificatesBundleS3Key");
        var version = p.Get("CaCertificatesBundleS3ObjectVersion");
        S3ObjectVersion? stored;
        lock (s3.Gate)
        {
            stored = s3.GetObject(bucket, key, version);
        }

        if (stored is null)
        {
            throw new AwsServiceException("CaCertificatesBundleNotFound", $"The CA certificates bundle 's3://{bucket}/{key}'{(version is null ? string.Empty : $" version '{version}'")} was not found");
        }

        return (stored.Content, TrustStoreBundle.Validate(stored.Content), (bucket, key, stored.VersionId));
    }

    private object?[] TrustStoreMembers(Elbv2TrustStore t) =>
    [
        query.E("Name", t.Name),
        query.E("TrustStoreArn", t.Arn),
        query.E("Status", state.StatusOf(t)),
        query.E("NumberOfCaCertificates", t.CaCertificates.Count),
        query.E("TotalRevokedEntries", t.TotalRevokedEntries),
    ];

    private object?[] DescribeTrustStores(AwsRequest request, QueryParameters p)
    {
        var arns = p.List("TrustStoreArns");
        var names = p.List("Names");
        List<Elbv2TrustStore> found;
        if (arns.Count > 0)
        {
            found = arns.Select(FindTrustStore).ToList();
        }
        else if (names.Count > 0)
        {
            found = names.Select(n => state.TrustStoresByArn.Values.FirstOrDefault(t => t.Name == n && t.Region == request.Region) ?? throw TrustStoreNotFound(n)).ToList();
        }
        else
        {
            found = state.TrustStoresByArn.Values.Where(t => t.Region == request.Region).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        }

        var (page, next) = Page(found, p);
        return [query.Members("TrustStores", page, TrustStoreMembers), next is null ? null : query.E("NextMarker", next)];
    }

    private object?[] ModifyTrustStore(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var (bundle, certificates, source) = ReadBundle(p);
        store.Bundle = bundle;
        store.CaCertificates = certificates;
        store.BundleSource = source;
        return [query.Members("TrustStores", [store], TrustStoreMembers)];
    }

    private object?[] DeleteTrustStore(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        if (state.Listeners.Values.Any(l => l.MutualAuthentication.TrustStoreArn == store.Arn))
        {
            throw new AwsServiceException("TrustStoreInUse", $"Trust store '{store.Name}' is associated with one or more listeners");
        }

        state.TrustStoresByArn.Remove(store.Arn);
        state.Tags.Remove(store.Arn);
        return [];
    }

    private object?[] AddTrustStoreRevocations(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var contents = p.StructList("RevocationContents");
        if (store.RevocationEntries.Count + contents.Count > MaxRevocationsPerTrustStore)
        {
            throw new AwsServiceException("TooManyTrustStoreRevocationEntries", $"A trust store can hold at most {MaxRevocationsPerTrustStore} revocation lists");
        }

        var added = new List<Elbv2TrustStoreRevocation>();
        foreach (var content in contents)
        {
            var type = content.Get("RevocationType") ?? "CRL";
            if (type != "CRL")
            {
                throw new AwsServiceException("InvalidRevocationContent", $"Revocation type '{type}' is not supported");
            }

            var bucket = content.Get("S3Bucket");
            var key = content.Get("S3Key");
            var version = content.Get("S3ObjectVersion");
            S3ObjectVersion? stored = null;
            if (bucket is not null && key is not null)
            {
                lock (s3.Gate)
                {
                    stored = s3.GetObject(bucket, key, version);
                }
            }

            if (stored is null)
            {
                throw new AwsServiceException("RevocationContentNotFound", $"The revocation content 's3://{bucket}/{key}' was not found");
            }

            var crl = ParseCrl(stored.Content, store);
            added.Add(new Elbv2TrustStoreRevocation(store.NextRevocationId++, type, bucket!, key!, stored.VersionId, stored.Content, crl.RevokedSerialNumbers));
        }

        store.RevocationEntries.AddRange(added);
        return [query.Members("TrustStoreRevocations", added, r => RevocationMembers(store, r))];
    }

    private static RevocationList ParseCrl(byte[] content, Elbv2TrustStore store)
    {
        if (!PemBlock.TryReadAll(content, out var blocks) || blocks.Count != 1 || blocks[0].Label != "X509 CRL"
            || !RevocationList.TryParse(blocks[0].Der, out var crl) || crl is null)
        {
            throw new AwsServiceException("InvalidRevocationContent", "The revocation content must be one PEM-encoded X.509 CRL");
        }

        var issuer = store.CaCertificates.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(crl.Issuer.RawData))
            ?? throw new AwsServiceException("InvalidRevocationContent", $"The CRL issuer '{crl.Issuer.Name}' is not a CA in trust store '{store.Name}'");
        if (!crl.IsSignedBy(issuer))
        {
            throw new AwsServiceException("InvalidRevocationContent", $"The CRL signature does not verify with the certificate of '{crl.Issuer.Name}'");
        }

        return crl;
    }

    private object?[] RevocationMembers(Elbv2TrustStore store, Elbv2TrustStoreRevocation r) =>
    [
        query.E("TrustStoreArn", store.Arn),
        query.E("RevocationId", r.RevocationId),
        query.E("RevocationType", r.RevocationType),
        query.E("NumberOfRevokedEntries", r.RevokedSerialNumbers.Count),
    ];

    private object?[] RemoveTrustStoreRevocations(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var ids = p.List("RevocationIds").Select(ParseRevocationId).ToList();
        foreach (var id in ids)
        {
            FindRevocation(store, id);
        }

        store.RevocationEntries.RemoveAll(r => ids.Contains(r.RevocationId));
        return [];
    }

    private object?[] DescribeTrustStoreRevocations(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var ids = p.List("RevocationIds").Select(ParseRevocationId).ToList();
        var found = ids.Count > 0 ? ids.Select(id => FindRevocation(store, id)).ToList() : store.RevocationEntries.ToList();
        var (page, next) = Page(found, p);
        return [query.Members("TrustStoreRevocations", page, r => RevocationMembers(store, r)), next is null ? null : query.E("NextMarker", next)];
    }

    private object?[] DescribeTrustStoreAssociations(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var balancers = state.Listeners.Values
            .Where(l => l.MutualAuthentication.TrustStoreArn == store.Arn)
            .Select(l => l.LoadBalancerArn)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var (page, next) = Page(balancers, p);
        return [query.Members("TrustStoreAssociations", page, a => new object?[] { query.E("ResourceArn", a) }), next is null ? null : query.E("NextMarker", next)];
    }

    private object?[] GetTrustStoreCaCertificatesBundle(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        return [query.E("Location", downloads.Publish(store.Bundle).ToString())];
    }

    private object?[] GetTrustStoreRevocationContent(QueryParameters p)
    {
        var store = FindTrustStore(p.Required("TrustStoreArn"));
        var revocation = FindRevocation(store, ParseRevocationId(p.Required("RevocationId")));
        return [query.E("Location", downloads.Publish(revocation.Content).ToString())];
    }

    private object?[] AddTags(QueryParameters p)
    {
        var arns = p.List("ResourceArns");
        var tags = ParseTags(p);
        foreach (var arn in arns)
        {
            var existing = TagsOf(arn);
            var merged = new Dictionary<string, string>(existing, StringComparer.Ordinal);
            foreach (var (key, value) in tags)
            {
                merged[key] = value;
            }

            if (merged.Count > MaxTags)
            {
                throw new AwsServiceException("TooManyTags", $"A resource can have at most {MaxTags} tags");
            }
        }

        foreach (var arn in arns)
        {
            var existing = TagsOf(arn);
            foreach (var (key, value) in tags)
            {
                existing[key] = value;
            }
        }

        return [];
    }

    private object?[] RemoveTags(QueryParameters p)
    {
        var arns = p.List("ResourceArns");
        var keys = p.List("TagKeys");
        foreach (var arn in arns)
        {
            var existing = TagsOf(arn);
            foreach (var key in keys)
            {
                existing.Remove(key);
            }
        }

        return [];
    }

    private object?[] DescribeTags(QueryParameters p)
    {
        var arns = p.List("ResourceArns");
        var described = arns.Select(a => (Arn: a, Tags: TagsOf(a))).ToList();
        return
        [
            query.Members("TagDescriptions", described, d => new object?[]
            {
                query.E("ResourceArn", d.Arn),
                query.Members("Tags", d.Tags.OrderBy(t => t.Key, StringComparer.Ordinal), t => new object?[] { query.E("Key", t.Key), query.E("Value", t.Value) }),
            }),
        ];
    }

    private Dictionary<string, string> TagsOf(string arn)
    {
        var exists = arn.Contains(":loadbalancer/", StringComparison.Ordinal) ? state.LoadBalancers.ContainsKey(arn)
            : arn.Contains(":listener/", StringComparison.Ordinal) ? state.Listeners.ContainsKey(arn)
            : arn.Contains(":truststore/", StringComparison.Ordinal) && state.TrustStoresByArn.ContainsKey(arn);
        if (!exists)
        {
            throw arn.Contains(":listener/", StringComparison.Ordinal) ? ListenerNotFound(arn)
                : arn.Contains(":truststore/", StringComparison.Ordinal) ? TrustStoreNotFound(arn)
                : LoadBalancerNotFound(arn);
        }

        if (!state.Tags.TryGetValue(arn, out var tags))
        {
            tags = new Dictionary<string, string>(StringComparer.Ordinal);
            state.Tags[arn] = tags;
        }

        return tags;
    }

    private static Dictionary<string, string> ParseTags(QueryParameters p)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in p.StructList("Tags"))
        {
            var key = tag.Required("Key");
            if (!tags.TryAdd(key, tag.Get("Value") ?? string.Empty))
            {
                throw new AwsServiceException("DuplicateTagKeys", $"Tag key '{key}' was specified more than once");
            }
        }

        if (tags.Count > MaxTags)
        {
            throw new AwsServiceException("TooManyTags", $"A resource can have at most {MaxTags} tags");
        }

        return tags;
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

    private static long ParseRevocationId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new AwsServiceException("RevocationIdNotFound", $"Revocation id '{text}' not found");

    private static Elbv2TrustStoreRevocation FindRevocation(Elbv2TrustStore store, long id) =>
        store.RevocationEntries.Find(r => r.RevocationId == id)
            ?? throw new AwsServiceException("RevocationIdNotFound", $"Revocation id '{id}' not found in trust store '{store.Name}'");

    private Elbv2Listener FindListener(string arn) => state.Listeners.GetValueOrDefault(arn) ?? throw ListenerNotFound(arn);

    private Elbv2TrustStore FindTrustStore(string arn) => state.TrustStoresByArn.GetValueOrDefault(arn) ?? throw TrustStoreNotFound(arn);

    private static AwsServiceException ListenerNotFound(string arn) => new("ListenerNotFound", $"One or more listeners not found: '{arn}'");

    private static AwsServiceException LoadBalancerNotFound(string id) => new("LoadBalancerNotFound", $"One or more load balancers not found: '{id}'");

    private static AwsServiceException TrustStoreNotFound(string id) => new("TrustStoreNotFound", $"One or more trust stores not found: '{id}'");

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex TrustStoreNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderNamePattern();
}
