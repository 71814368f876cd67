namespace MtlsOperator.Aws.ApiGateway;

/// <summary>The parts of an API Gateway REST API the operator reads.</summary>
public sealed record RestApi(string Id, string Name, bool DisableExecuteApiEndpoint, IReadOnlyList<string> EndpointTypes, IReadOnlyDictionary<string, string> Tags);
