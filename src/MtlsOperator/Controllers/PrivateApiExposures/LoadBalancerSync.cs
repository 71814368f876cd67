using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Aws.ElasticLoadBalancing;
using MtlsOperator.Aws.Errors;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>
/// Brings an ALB listener's mutual TLS (mode, trust store, options, header names) to the spec, and resets it on deletion.
/// Writes to AWS only what differs.
/// </summary>
public sealed class LoadBalancerSync
{
    /// <summary>AWS allows this many verify-mode listeners per Application Load Balancer.</summary>
    public const int MaxVerifyListenersPerLoadBalancer = 2;

    private readonly ExposureIntervals intervals;

    public LoadBalancerSync(ExposureIntervals intervals)
    {
        this.intervals = intervals ?? throw new ArgumentNullException(nameof(intervals));
    }

    /// <summary>
    /// Observe → compare → act for <paramref name="exposure"/>'s listener; <paramref name="trustStore"/> is null in passthrough.
    /// Without <paramref name="fullCheck"/>, a listener whose mutual authentication is as desired ends the check (one read:
    /// the header attributes and the endpoint are left as the last full check recorded them).
    /// </summary>
    public async Task<ExposureReport> SyncAsync(
        V1Alpha1PrivateApiExposure exposure, ResolvedTrustStore? trustStore, AwsClients aws, ExposureHistory history, bool fullCheck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(history);
        var spec = exposure.Spec.LoadBalancer ?? throw new ArgumentException("not a loadBalancer exposure", nameof(exposure));
        var arn = spec.ListenerArn;

        Listener listener;
        try
        {
            listener = await aws.Listeners.DescribeAsync(arn, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            return ExposureReport.Failed(
                PrivateApiExposureReasons.ListenerNotFound,
                $"spec.loadBalancer.listenerArn: listener {arn} does not exist in {aws.Region}: create it, or fix the ARN",
                intervals.UserAction);
        }

        if (!string.Equals(listener.Protocol, "HTTPS", StringComparison.Ordinal))
        {
            return ExposureReport.Failed(
                PrivateApiExposureReasons.ListenerNotHttps,
                $"spec.loadBalancer.listenerArn: listener {arn} (port {listener.Port}) uses {listener.Protocol}; mutual TLS needs an HTTPS listener "
                + "with a server certificate: change the listener to HTTPS or use the ARN of the HTTPS listener",
                intervals.UserAction);
        }

        var events = new List<ExposureEvent>();
        var desired = ListenerMutualTls.Desired(spec, trustStore?.TrustStoreArn);
        var actual = listener.MutualAuthentication;
        if (!fullCheck && ListenerMutualTls.Matches(actual, desired) && history.Status?.Endpoint is { } recorded)
        {
            return Ready(arn, desired, actual, recorded, events);
        }

        if (!ListenerMutualTls.Matches(actual, desired))
        {
            if (desired.Mode == "verify" && actual?.Mode != "verify")
            {
                var verifying = (await aws.Listeners.ListAsync(listener.LoadBalancerArn, cancellationToken).ConfigureAwait(false))
                    .Where(l => l.Arn != arn && l.MutualAuthentication?.Mode == "verify")
                    .Select(l => $"{l.Arn} (port {l.Port})")
                    .ToList();
                if (verifying.Count >= MaxVerifyListenersPerLoadBalancer)
                {
                    return ExposureReport.Failed(
                        PrivateApiExposureReasons.QuotaExceeded,
                        $"spec.loadBalancer.mode: load balancer {listener.LoadBalancerArn} already has {verifying.Count} listeners in verify mode "
                        + $"({string.Join(", ", verifying)}) and AWS allows {MaxVerifyListenersPerLoadBalancer} per load balancer: use mode passthrough "
                        + "here, or switch one of the others off",
                        intervals.UserAction);
                }
            }

            listener = await aws.Listeners.ModifyMutualAuthenticationAsync(arn, desired, cancellationToken).ConfigureAwait(false);
            actual = listener.MutualAuthentication ?? desired;
            var described = desired.Mode == "verify" ? $"verify with trust store {desired.TrustStoreArn}" : desired.Mode;
            events.Add(history.EventFor(
                string.Equals(history.Status?.Listener?.Mode, desired.Mode, StringComparison.Ordinal)
                    && string.Equals(history.Status?.TrustStoreArn, desired.TrustStoreArn, StringComparison.Ordinal),
                PrivateApiExposureReasons.ListenerConfigured,
                $"Set mutual authentication of listener {arn} to {described}"));
        }

        var attributes = await aws.Listeners.DescribeAttributesAsync(arn, cancellationToken).ConfigureAwait(false);
        var changes = ClientCertificateHeaderAttributes.Changes(ClientCertificateHeaderAttributes.Desired(spec.Headers), attributes);
        if (changes.Count > 0)
        {
            await aws.Listeners.ModifyAttributesAsync(arn, changes, cancellationToken).ConfigureAwait(false);
            events.Add(history.EventFor(
                history.Status?.Listener is not null,
                PrivateApiExposureReasons.HeadersConfigured,
                $"Set client certificate header names of listener {arn}: {string.Join(", ", changes.Select(c => $"{c.Key}={c.Value}"))}"));
        }

        var endpoint = await EndpointAsync(exposure, listener, aws, cancellationToken).ConfigureAwait(false);
        return Ready(arn, desired, actual, endpoint, events);
    }

    private static ExposureReport Ready(string arn, MutualAuthentication desired, MutualAuthentication? actual, string endpoint, IReadOnlyList<ExposureEvent> events) =>
        new(true, PrivateApiExposureReasons.Ready, $"Listener {arn} authenticates clients in {desired.Mode} mode")
        {
            Observed = true,
            Endpoint = endpoint,
            TrustStoreArn = desired.TrustStoreArn,
            Listener = ListenerMutualTls.StatusOf(actual),
            Events = events,
        };

    /// <summary>
    /// Deletion with policy Delete: mutual authentication back to off and the header names back to AWS's defaults.
    /// Returns the events to record; a listener that no longer exists needs nothing.
    /// </summary>
    public static async Task<IReadOnlyList<ExposureEvent>> ResetAsync(LoadBalancerExposure spec, AwsClients aws, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(aws);
        Listener listener;
        try
        {
            listener = await aws.Listeners.DescribeAsync(spec.ListenerArn, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            return [];
        }

        var events = new List<ExposureEvent>();
        if (!ListenerMutualTls.Matches(listener.MutualAuthentication, MutualAuthentication.Off))
        {
            await aws.Listeners.ModifyMutualAuthenticationAsync(spec.ListenerArn, MutualAuthentication.Off, cancellationToken).ConfigureAwait(false);
            events.Add(ExposureEvent.Normal(PrivateApiExposureReasons.ListenerReset, $"Set mutual authentication of listener {spec.ListenerArn} to off (deletionPolicy Delete)"));
        }

        if (string.Equals(listener.Protocol, "HTTPS", StringComparison.Ordinal))
        {
            var attributes = await aws.Listeners.DescribeAttributesAsync(spec.ListenerArn, cancellationToken).ConfigureAwait(false);
            var changes = ClientCertificateHeaderAttributes.Changes(ClientCertificateHeaderAttributes.Defaults, attributes);
            if (changes.Count > 0)
            {
                await aws.Listeners.ModifyAttributesAsync(spec.ListenerArn, changes, cancellationToken).ConfigureAwait(false);
            }
        }

        return events;
    }

    private static async Task<string> EndpointAsync(V1Alpha1PrivateApiExposure exposure, Listener listener, AwsClients aws, CancellationToken cancellationToken)
    {
        var host = exposure.Spec.DomainName;
        if (host is null)
        {
            var balancer = await aws.Listeners.DescribeLoadBalancerAsync(listener.LoadBalancerArn, cancellationToken).ConfigureAwait(false);
            host = balancer.DnsName ?? balancer.Name;
        }

        return listener.Port == 443 ? $"https://{host}/" : $"https://{host}:{listener.Port}/";
    }
}
