namespace MtlsOperator.Aws.ApiGateway;

/// <summary>REST APIs: the default execute-api endpoint switch, stages and deployments.</summary>
public interface IRestApis
{
    /// <summary>The REST API with this ID.</summary>
    /// <exception cref="Errors.AwsNotFoundException">It does not exist.</exception>
    Task<RestApi> GetAsync(string restApiId, CancellationToken cancellationToken);

    /// <summary>Turns the default <c>execute-api</c> endpoint off (so clients cannot bypass mutual TLS) or on.</summary>
    Task<RestApi> SetExecuteApiEndpointDisabledAsync(string restApiId, bool disabled, CancellationToken cancellationToken);

    /// <summary>A stage of the REST API.</summary>
    Task<Stage> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken);

    /// <summary>Deploys the REST API to a stage (needed for the endpoint switch to take effect).</summary>
    Task<Deployment> CreateDeploymentAsync(string restApiId, string stageName, string? description, CancellationToken cancellationToken);
}
