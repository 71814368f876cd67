using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.Elbv2;

internal sealed partial class Elbv2Service
{
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
}
