using MtlsOperator.Aws.ApiGateway;
using MtlsOperator.Aws.ElasticLoadBalancing;
using MtlsOperator.Aws.PrivateCa;
using MtlsOperator.Aws.S3;

namespace MtlsOperator.Aws;

/// <summary>The AWS seams controllers use, all bound to one region and identity.</summary>
public sealed record AwsClients(
    string Region,
    ITrustStores TrustStores,
    IListeners Listeners,
    IDomainNames DomainNames,
    IRestApis RestApis,
    IPrivateCa PrivateCa,
    IBundleStore BundleStore);
