namespace MtlsOperator.Aws.ElasticLoadBalancing;

/// <summary>ELBv2 trust stores: the CA bundle, its revocation lists, the listeners using it, and its tags.</summary>
public interface ITrustStores
{
    /// <summary>Creates a trust store from a CA bundle in S3.</summary>
    Task<TrustStore> CreateAsync(string name, S3ObjectReference bundle, IReadOnlyList<AwsTag> tags, CancellationToken cancellationToken);

    /// <summary>The trust store with this ARN.</summary>
    /// <exception cref="Errors.AwsNotFoundException">It does not exist.</exception>
    Task<TrustStore> DescribeAsync(string trustStoreArn, CancellationToken cancellationToken);

    /// <summary>The trust store with this name, or null.</summary>
    Task<TrustStore?> FindByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every trust store in the region, all pages.</summary>
    Task<IReadOnlyList<TrustStore>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the CA bundle.</summary>
    Task<TrustStore> ModifyAsync(string trustStoreArn, S3ObjectReference bundle, CancellationToken cancellationToken);

    /// <summary>Deletes the trust store; fails with a conflict while a listener uses it.</summary>
    Task DeleteAsync(string trustStoreArn, CancellationToken cancellationToken);

    /// <summary>Loads certificate revocation lists from S3.</summary>
    Task<IReadOnlyList<TrustStoreRevocation>> AddRevocationsAsync(string trustStoreArn, IReadOnlyList<S3ObjectReference> revocationLists, CancellationToken cancellationToken);

    /// <summary>Removes revocation lists by ID.</summary>
    Task RemoveRevocationsAsync(string trustStoreArn, IReadOnlyList<long> revocationIds, CancellationToken cancellationToken);

    /// <summary>The revocation lists in the trust store, all pages.</summary>
    Task<IReadOnlyList<TrustStoreRevocation>> DescribeRevocationsAsync(string trustStoreArn, CancellationToken cancellationToken);

    /// <summary>ARNs of the resources (load balancers) whose listeners use the trust store, all pages.</summary>
    Task<IReadOnlyList<string>> DescribeAssociationsAsync(string trustStoreArn, CancellationToken cancellationToken);

    /// <summary>Adds or overwrites tags.</summary>
    Task AddTagsAsync(string resourceArn, IReadOnlyList<AwsTag> tags, CancellationToken cancellationToken);

    /// <summary>Removes tags by key.</summary>
    Task RemoveTagsAsync(string resourceArn, IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>The resource's tags.</summary>
    Task<IReadOnlyList<AwsTag>> DescribeTagsAsync(string resourceArn, CancellationToken cancellationToken);
}
