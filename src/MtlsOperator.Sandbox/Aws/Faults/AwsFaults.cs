using System.Collections.Concurrent;

namespace MtlsOperator.Sandbox.Aws.Faults;

/// <summary>Fault switches per service, by signing name (<c>elasticloadbalancing</c>, <c>apigateway</c>, <c>acm-pca</c>, <c>s3</c>, <c>sts</c>) or <c>"*"</c> for all.</summary>
public sealed class AwsFaults
{
    /// <summary>The key whose switches apply to every service.</summary>
    public const string AllServices = "*";

    private readonly ConcurrentDictionary<string, ServiceFaults> byService = new(StringComparer.Ordinal);

    /// <summary>The switches of one service, created on first use.</summary>
    public ServiceFaults For(string service)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        return byService.GetOrAdd(service, _ => new ServiceFaults());
    }

    /// <summary>Turns every switch of every service off.</summary>
    public void Clear()
    {
        foreach (var faults in byService.Values)
        {
            faults.Clear();
        }
    }

    /// <summary>The switches that apply to a call: the service's own, then the global ones.</summary>
    internal IEnumerable<ServiceFaults> Applicable(string service)
    {
        if (byService.TryGetValue(service, out var own))
        {
            yield return own;
        }

        if (byService.TryGetValue(AllServices, out var all))
        {
            yield return all;
        }
    }
}
