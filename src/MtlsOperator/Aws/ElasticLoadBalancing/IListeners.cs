namespace MtlsOperator.Aws.ElasticLoadBalancing;

/// <summary>ALB listeners and load balancers: mutual TLS settings and the listener attributes that name mTLS headers.</summary>
public interface IListeners
{
    /// <summary>The listener with this ARN.</summary>
    /// <exception cref="Errors.AwsNotFoundException">It does not exist.</exception>
    Task<Listener> DescribeAsync(string listenerArn, CancellationToken cancellationToken);

    /// <summary>Every listener of a load balancer, all pages.</summary>
    Task<IReadOnlyList<Listener>> ListAsync(string loadBalancerArn, CancellationToken cancellationToken);

    /// <summary>Sets the listener's mutual TLS mode and trust store; returns the listener as modified.</summary>
    Task<Listener> ModifyMutualAuthenticationAsync(string listenerArn, MutualAuthentication mutualAuthentication, CancellationToken cancellationToken);

    /// <summary>The listener attributes (for example <c>routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name</c>).</summary>
    Task<IReadOnlyDictionary<string, string>> DescribeAttributesAsync(string listenerArn, CancellationToken cancellationToken);

    /// <summary>Sets listener attributes; returns the attributes AWS reports afterwards.</summary>
    Task<IReadOnlyDictionary<string, string>> ModifyAttributesAsync(string listenerArn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken);

    /// <summary>The load balancer with this ARN.</summary>
    /// <exception cref="Errors.AwsNotFoundException">It does not exist.</exception>
    Task<LoadBalancer> DescribeLoadBalancerAsync(string loadBalancerArn, CancellationToken cancellationToken);
}
