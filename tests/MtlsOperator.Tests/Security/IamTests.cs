using System.Text.Json.Nodes;
using MtlsOperator.Aws;
using MtlsOperator.Aws.ApiGateway;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Aws.ElasticLoadBalancing;
using MtlsOperator.Aws.PrivateCa;
using MtlsOperator.Aws.S3;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Security;

/// <summary>config/iam's policy allows exactly the AWS actions the operator's clients can call.</summary>
public sealed class IamTests
{
    /// <summary>
    /// The IAM actions each client operation needs. ELBv2 and Private CA actions are named after the API operation;
    /// API Gateway authorizes by HTTP method; S3 by object or bucket action.
    /// </summary>
    private static readonly Dictionary<(Type Client, string Method), string[]> Actions = new()
    {
        [(typeof(ITrustStores), nameof(ITrustStores.CreateAsync))] = ["elasticloadbalancing:CreateTrustStore", "elasticloadbalancing:AddTags"],
        [(typeof(ITrustStores), nameof(ITrustStores.DescribeAsync))] = ["elasticloadbalancing:DescribeTrustStores"],
        [(typeof(ITrustStores), nameof(ITrustStores.FindByNameAsync))] = ["elasticloadbalancing:DescribeTrustStores"],
        [(typeof(ITrustStores), nameof(ITrustStores.ListAsync))] = ["elasticloadbalancing:DescribeTrustStores"],
        [(typeof(ITrustStores), nameof(ITrustStores.ModifyAsync))] = ["elasticloadbalancing:ModifyTrustStore"],
        [(typeof(ITrustStores), nameof(ITrustStores.DeleteAsync))] = ["elasticloadbalancing:DeleteTrustStore"],
        [(typeof(ITrustStores), nameof(ITrustStores.AddRevocationsAsync))] = ["elasticloadbalancing:AddTrustStoreRevocations"],
        [(typeof(ITrustStores), nameof(ITrustStores.RemoveRevocationsAsync))] = ["elasticloadbalancing:RemoveTrustStoreRevocations"],
        [(typeof(ITrustStores), nameof(ITrustStores.DescribeRevocationsAsync))] = ["elasticloadbalancing:DescribeTrustStoreRevocations"],
        [(typeof(ITrustStores), nameof(ITrustStores.DescribeAssociationsAsync))] = ["elasticloadbalancing:DescribeTrustStoreAssociations"],
        [(typeof(ITrustStores), nameof(ITrustStores.AddTagsAsync))] = ["elasticloadbalancing:AddTags"],
        [(typeof(ITrustStores), nameof(ITrustStores.RemoveTagsAsync))] = ["elasticloadbalancing:RemoveTags"],
        [(typeof(ITrustStores), nameof(ITrustStores.DescribeTagsAsync))] = ["elasticloadbalancing:DescribeTags"],
        [(typeof(IListeners), nameof(IListeners.DescribeAsync))] = ["elasticloadbalancing:DescribeListeners"],
        [(typeof(IListeners), nameof(IListeners.ListAsync))] = ["elasticloadbalancing:DescribeListeners"],
        [(typeof(IListeners), nameof(IListeners.ModifyMutualAuthenticationAsync))] = ["elasticloadbalancing:ModifyListener"],
        [(typeof(IListeners), nameof(IListeners.DescribeAttributesAsync))] = ["elasticloadbalancing:DescribeListenerAttributes"],
        [(typeof(IListeners), nameof(IListeners.ModifyAttributesAsync))] = ["elasticloadbalancing:ModifyListenerAttributes"],
        [(typeof(IListeners), nameof(IListeners.DescribeLoadBalancerAsync))] = ["elasticloadbalancing:DescribeLoadBalancers"],
        [(typeof(IDomainNames), nameof(IDomainNames.CreateAsync))] = ["apigateway:POST"],
        [(typeof(IDomainNames), nameof(IDomainNames.GetAsync))] = ["apigateway:GET"],
        [(typeof(IDomainNames), nameof(IDomainNames.UpdateAsync))] = ["apigateway:PATCH"],
        [(typeof(IDomainNames), nameof(IDomainNames.DeleteAsync))] = ["apigateway:DELETE"],
        [(typeof(IDomainNames), nameof(IDomainNames.CreateBasePathMappingAsync))] = ["apigateway:POST"],
        [(typeof(IDomainNames), nameof(IDomainNames.GetBasePathMappingAsync))] = ["apigateway:GET"],
        [(typeof(IDomainNames), nameof(IDomainNames.ListBasePathMappingsAsync))] = ["apigateway:GET"],
        [(typeof(IDomainNames), nameof(IDomainNames.DeleteBasePathMappingAsync))] = ["apigateway:DELETE"],
        [(typeof(IDomainNames), nameof(IDomainNames.TagAsync))] = ["apigateway:PUT"], // TagResource is PUT /tags/{arn}
        [(typeof(IRestApis), nameof(IRestApis.GetAsync))] = ["apigateway:GET"],
        [(typeof(IRestApis), nameof(IRestApis.SetExecuteApiEndpointDisabledAsync))] = ["apigateway:PATCH"],
        [(typeof(IRestApis), nameof(IRestApis.GetStageAsync))] = ["apigateway:GET"],
        [(typeof(IRestApis), nameof(IRestApis.CreateDeploymentAsync))] = ["apigateway:POST"],
        [(typeof(IPrivateCa), nameof(IPrivateCa.DescribeAsync))] = ["acm-pca:DescribeCertificateAuthority"],
        [(typeof(IPrivateCa), nameof(IPrivateCa.GetCaCertificateAsync))] = ["acm-pca:GetCertificateAuthorityCertificate"],
        [(typeof(IPrivateCa), nameof(IPrivateCa.IssueAsync))] = ["acm-pca:IssueCertificate"],
        [(typeof(IPrivateCa), nameof(IPrivateCa.GetCertificateAsync))] = ["acm-pca:GetCertificate"],
        [(typeof(IPrivateCa), nameof(IPrivateCa.RevokeAsync))] = ["acm-pca:RevokeCertificate"],

        // A versionId turns the object actions into their *Version variants; without s3:ListBucket a read of an object
        // not yet uploaded answers 403 instead of 404.
        [(typeof(IBundleStore), nameof(IBundleStore.PutAsync))] = ["s3:PutObject"],
        [(typeof(IBundleStore), nameof(IBundleStore.GetAsync))] = ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket"],
        [(typeof(IBundleStore), nameof(IBundleStore.HeadAsync))] = ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket"],
        [(typeof(IBundleStore), nameof(IBundleStore.GetVersioningAsync))] = ["s3:GetBucketVersioning"],
        [(typeof(IBundleStore), nameof(IBundleStore.DeleteAsync))] = ["s3:DeleteObject", "s3:DeleteObjectVersion"],
    };

    /// <summary>What each way of getting credentials calls on the operator's own role.</summary>
    private static readonly Dictionary<Type, string[]> CredentialActions = new()
    {
        // spec.roleArn: the operator's role assumes the resource's role.
        [typeof(AssumeRoleCredentialSource)] = ["sts:AssumeRole"],

        // IRSA's AssumeRoleWithWebIdentity is allowed by the role's trust policy, not by this policy.
        [typeof(SdkDefaultCredentialSource)] = [],
        [typeof(StaticCredentialSource)] = [],
    };

    [Fact]
    public void Every_aws_client_operation_declares_its_iam_actions()
    {
        var clients = typeof(AwsClients).GetConstructors().Single().GetParameters().Select(p => p.ParameterType).Where(t => t.IsInterface).ToList();
        var operations = clients.SelectMany(c => c.GetMethods().Select(m => (Client: c, Method: m.Name))).ToHashSet();
        var sources = typeof(IAwsCredentialSource).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(IAwsCredentialSource).IsAssignableFrom(t)).ToHashSet();

        Assert.Equal(6, clients.Count);
        Assert.Empty(operations.Except(Actions.Keys).Select(o => $"{o.Client.Name}.{o.Method} has no IAM actions in this table"));
        Assert.Empty(Actions.Keys.Except(operations).Select(o => $"{o.Client.Name}.{o.Method} is not a client operation"));
        Assert.Empty(sources.Except(CredentialActions.Keys).Select(t => $"{t.Name} has no IAM actions in this table"));
    }

    [Fact]
    public void The_policy_allows_exactly_the_actions_the_clients_call()
    {
        var needed = Actions.Values.Concat(CredentialActions.Values).SelectMany(a => a).ToHashSet(StringComparer.Ordinal);
        var allowed = PolicyActions();

        Assert.Empty(allowed.Except(needed).Select(a => $"{a} is allowed but never called"));
        Assert.Empty(needed.Except(allowed).Select(a => $"{a} is called but not allowed"));
    }

    [Fact]
    public void The_policy_only_allows_and_names_every_action_without_wildcards()
    {
        var policy = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("config", "iam", "mtls-operator-policy.json")))!;

        Assert.All(policy["Statement"]!.AsArray(), s => Assert.Equal("Allow", (string?)s!["Effect"]));
        Assert.DoesNotContain(PolicyActions(), a => a.Contains('*', StringComparison.Ordinal));
    }

    /// <summary>The action a call the AWS emulator logged needs, for checking flows on the sandbox against the policy.</summary>
    internal static string ActionOf(string service, string operation) => service switch
    {
        "apigateway" => "apigateway:" + operation switch
        {
            _ when operation.StartsWith("Get", StringComparison.Ordinal) => "GET",
            _ when operation.StartsWith("Update", StringComparison.Ordinal) => "PATCH",
            _ when operation.StartsWith("Delete", StringComparison.Ordinal) => "DELETE",
            "TagResource" => "PUT",
            _ => "POST",
        },
        "s3" when operation == "HeadObject" => "s3:GetObject",
        _ => $"{service}:{operation}",
    };

    internal static IReadOnlySet<string> PolicyActions()
    {
        var policy = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("config", "iam", "mtls-operator-policy.json")))!;
        return policy["Statement"]!.AsArray()
            .SelectMany(s => s!["Action"] is JsonArray many ? many.Select(a => (string)a!) : [(string)s["Action"]!])
            .ToHashSet(StringComparer.Ordinal);
    }
}
