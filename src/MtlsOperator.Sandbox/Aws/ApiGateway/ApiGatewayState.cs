using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.ApiGateway;

/// <summary>REST APIs and custom domain names of the emulated API Gateway, with direct access for tests.</summary>
public sealed class ApiGatewayState
{
    private static readonly Dictionary<string, string> RegionalHostedZones = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "Z1UJRXOUMOOFQ8",
        ["us-east-2"] = "ZOJJZC49E0EPZ",
        ["us-west-2"] = "Z2OJLYMUO9EFXC",
        ["eu-west-1"] = "ZLY8HYME6SFDD",
        ["eu-central-1"] = "Z1U9ULNL0V5AJ3",
    };

    private readonly TimeProvider time;

    internal ApiGatewayState(TimeProvider time, TimeSpan domainAvailableDelay)
    {
        this.time = time;
        DomainAvailableDelay = domainAvailableDelay;
    }

    internal Lock Gate { get; } = new();

    internal TimeSpan DomainAvailableDelay { get; }

    internal Dictionary<string, RestApi> Apis { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, DomainName> Domains { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Dictionary<string, string>> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>A REST API by id, or null.</summary>
    public RestApi? RestApi(string id)
    {
        lock (Gate)
        {
            return Apis.GetValueOrDefault(id);
        }
    }

    /// <summary>A domain name, or null.</summary>
    public DomainName? DomainName(string name)
    {
        lock (Gate)
        {
            return Domains.GetValueOrDefault(name);
        }
    }

    /// <summary>The status GetDomainName reports now.</summary>
    public string StatusOf(DomainName domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return time.GetUtcNow() - domain.StatusChangedAt >= DomainAvailableDelay ? "AVAILABLE" : domain.TransitionStatus;
    }

    /// <summary>Creates a REST API (what seeding and tests use; the emulated API has no CreateRestApi).</summary>
    public RestApi CreateRestApi(string region, string name, string endpointType = "PRIVATE")
    {
        var api = new RestApi(AwsIds.Lower(10), name, region, time.GetUtcNow(), endpointType);
        lock (Gate)
        {
            Apis[api.Id] = api;
        }

        return api;
    }

    /// <summary>
    /// Creates an edge-optimized custom domain as someone with the console would (what tests use: API Gateway takes an edge
    /// domain's certificate from us-east-1, which the seeded account does not hold).
    /// </summary>
    public DomainName CreateEdgeDomainName(string region, string name, string certificateArn)
    {
        lock (Gate)
        {
            var domain = AddDomain(name, region);
            domain.EndpointType = "EDGE";
            domain.CertificateArn = certificateArn;
            return domain;
        }
    }

    /// <summary>Deploys an API, creating or moving the stage when a name is given.</summary>
    public Deployment CreateDeployment(string restApiId, string? stageName, string? description = null)
    {
        lock (Gate)
        {
            var api = Apis.GetValueOrDefault(restApiId) ?? throw ApiNotFound(restApiId);
            var deployment = new Deployment(AwsIds.Lower(6), description, time.GetUtcNow());
            api.Deployments.Add(deployment);
            if (stageName is not null)
            {
                if (api.StagesByName.TryGetValue(stageName, out var stage))
                {
                    stage.DeploymentId = deployment.Id;
                    stage.LastUpdatedDate = deployment.CreatedDate;
                }
                else
                {
                    api.StagesByName[stageName] = new Stage(stageName, deployment.Id, deployment.CreatedDate);
                }
            }

            return deployment;
        }
    }

    /// <summary>Changes the execute-api switch directly, as someone editing the API in the console would.</summary>
    public void SetDisableExecuteApiEndpoint(string restApiId, bool disabled)
    {
        lock (Gate)
        {
            (Apis.GetValueOrDefault(restApiId) ?? throw ApiNotFound(restApiId)).DisableExecuteApiEndpoint = disabled;
        }
    }

    internal DomainName AddDomain(string name, string region)
    {
        var domain = new DomainName(
            name,
            region,
            $"d-{AwsIds.Lower(10)}.execute-api.{region}.amazonaws.com",
            RegionalHostedZones.GetValueOrDefault(region, "ZLY8HYME6SFDD"),
            time.GetUtcNow());
        Domains[name] = domain;
        return domain;
    }

    internal void MarkUpdating(DomainName domain)
    {
        domain.StatusChangedAt = time.GetUtcNow();
        domain.TransitionStatus = "UPDATING";
    }

    internal DateTimeOffset Now() => time.GetUtcNow();

    internal static AwsServiceException ApiNotFound(string id) => new("NotFoundException", $"Invalid API identifier specified {id}", 404);
}
