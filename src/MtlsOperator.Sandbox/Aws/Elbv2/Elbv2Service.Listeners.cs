using System.Text.RegularExpressions;
using System.Xml.Linq;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.Elbv2;

internal sealed partial class Elbv2Service
{
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

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderNamePattern();
}
