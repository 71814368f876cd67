namespace MtlsOperator.Aws.ApiGateway;

/// <summary>API Gateway custom domain names with mutual TLS, their base path mappings and tags.</summary>
public interface IDomainNames
{
    /// <summary>Creates a custom domain name.</summary>
    Task<DomainName> CreateAsync(DomainNameCreation domainName, CancellationToken cancellationToken);

    /// <summary>The custom domain name.</summary>
    /// <exception cref="Errors.AwsNotFoundException">It does not exist.</exception>
    Task<DomainName> GetAsync(string domainName, CancellationToken cancellationToken);

    /// <summary>Applies update operations (truststore URI/version, certificate, security policy).</summary>
    Task<DomainName> UpdateAsync(string domainName, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken);

    /// <summary>Deletes the custom domain name.</summary>
    Task DeleteAsync(string domainName, CancellationToken cancellationToken);

    /// <summary>Maps a base path ("" for none) to a REST API stage.</summary>
    Task<BasePathMapping> CreateBasePathMappingAsync(string domainName, BasePathMapping mapping, CancellationToken cancellationToken);

    /// <summary>One base path mapping ("" for the empty base path).</summary>
    Task<BasePathMapping> GetBasePathMappingAsync(string domainName, string basePath, CancellationToken cancellationToken);

    /// <summary>Every base path mapping of the domain, all pages.</summary>
    Task<IReadOnlyList<BasePathMapping>> ListBasePathMappingsAsync(string domainName, CancellationToken cancellationToken);

    /// <summary>Removes a base path mapping ("" for the empty base path).</summary>
    Task DeleteBasePathMappingAsync(string domainName, string basePath, CancellationToken cancellationToken);

    /// <summary>Adds or overwrites tags on an API Gateway resource ARN.</summary>
    Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);
}
