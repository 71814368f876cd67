namespace MtlsOperator.Aws;

/// <summary>Gives the AWS clients for a resource's region and (optional) role; clients are cached and safe to share.</summary>
public interface IAwsClientFactory
{
    /// <summary>Clients for <paramref name="target"/>; the region falls back to the operator default.</summary>
    AwsClients ClientsFor(AwsTarget target);
}
