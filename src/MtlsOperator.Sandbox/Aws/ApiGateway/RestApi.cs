namespace MtlsOperator.Sandbox.Aws.ApiGateway;

/// <summary>A REST API with its stages and deployments.</summary>
public sealed class RestApi
{
    internal RestApi(string id, string name, string region, DateTimeOffset createdDate, string endpointType)
    {
        Id = id;
        Name = name;
        Region = region;
        CreatedDate = createdDate;
        EndpointTypes = [endpointType];
    }

    /// <summary>The 10-character API id.</summary>
    public string Id { get; }

    /// <summary>Region.</summary>
    public string Region { get; }

    /// <summary>Name.</summary>
    public string Name { get; internal set; }

    /// <summary>Description.</summary>
    public string? Description { get; internal set; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedDate { get; }

    /// <summary><c>PRIVATE</c>, <c>REGIONAL</c> or <c>EDGE</c>.</summary>
    public IReadOnlyList<string> EndpointTypes { get; internal set; }

    /// <summary>VPC endpoints of a private API.</summary>
    public IReadOnlyList<string> VpcEndpointIds { get; internal set; } = [];

    /// <summary>The resource policy document, as text.</summary>
    public string? Policy { get; internal set; }

    /// <summary>True when the default <c>execute-api</c> endpoint is switched off.</summary>
    public bool DisableExecuteApiEndpoint { get; internal set; }

    /// <summary>Id of the <c>/</c> resource.</summary>
    public string RootResourceId { get; } = Hosting.AwsIds.Lower(10);

    /// <summary>Stages by name.</summary>
    public IReadOnlyDictionary<string, Stage> Stages => StagesByName;

    internal Dictionary<string, Stage> StagesByName { get; } = new(StringComparer.Ordinal);

    internal List<Deployment> Deployments { get; } = [];
}
