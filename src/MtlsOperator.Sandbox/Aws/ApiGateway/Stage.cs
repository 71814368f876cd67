namespace MtlsOperator.Sandbox.Aws.ApiGateway;

/// <summary>A stage pointing at a deployment.</summary>
public sealed class Stage
{
    internal Stage(string stageName, string deploymentId, DateTimeOffset createdDate)
    {
        StageName = stageName;
        DeploymentId = deploymentId;
        CreatedDate = createdDate;
        LastUpdatedDate = createdDate;
    }

    /// <summary>Stage name.</summary>
    public string StageName { get; }

    /// <summary>The deployment the stage serves.</summary>
    public string DeploymentId { get; internal set; }

    /// <summary>Description.</summary>
    public string? Description { get; internal set; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedDate { get; }

    /// <summary>Last change.</summary>
    public DateTimeOffset LastUpdatedDate { get; internal set; }
}
