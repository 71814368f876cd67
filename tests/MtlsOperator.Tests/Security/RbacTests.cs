using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using MtlsOperator.Api;
using MtlsOperator.Hosting;
using MtlsOperator.Observability;
using MtlsOperator.Runtime.Leadership;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Hosting;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Security;

/// <summary>config/rbac and the chart grant the operator only what its code uses, and everything it uses.</summary>
public sealed class RbacTests
{
    private const string OperatorNamespace = "mtls-operator-system";
    private const string Namespace = "payments";
    private const string Group = MtlsApiGroup.Group;

    /// <summary>Every permission the operator needs in a watched namespace, and why.</summary>
    private static readonly Dictionary<Permission, string> Needed = new[]
    {
        // Informers list and watch the three kinds; reconcilers read the live object before acting on it.
        Kinds("get", "list", "watch"),

        // Finalizers are added and removed with a JSON patch guarded by a test op.
        Kinds("patch"),

        // Spec-level replaces of the resource (annotations such as the adopt marker).
        Kinds("update"),

        // Status is written through the status subresource; read back and patched by the status writer's fallbacks.
        Subresource("status", "get", "update", "patch"),

        // Owner references with blockOwnerDeletion on the Secrets the operator writes need update on <kind>/finalizers.
        Subresource("finalizers", "update"),
        Core("secrets", "get", "list", "watch", "create", "update", "patch", "delete"),
        Core("configmaps", "get", "list", "watch"),

        // The runtime's event recorder writes core/v1 Events and patches their count when one repeats.
        Core("events", "create", "patch"),
    }
    .SelectMany(p => p)
    .ToDictionary(p => p.Permission, p => p.Why);

    private static readonly IReadOnlySet<Permission> LeaderElection = new HashSet<Permission>
    {
        new("coordination.k8s.io", "leases", "get"),
        new("coordination.k8s.io", "leases", "create"),
        new("coordination.k8s.io", "leases", "update"),
    };

    [Fact]
    public void The_cluster_role_grants_exactly_the_permissions_the_operator_needs()
    {
        var granted = RbacRules.FromFile(RepositoryRoot.Combine("config", "rbac", "role.yaml"));

        Assert.Empty(granted.Except(Needed.Keys).Select(p => p.ToString()));
        Assert.Empty(Needed.Keys.Except(granted).Select(p => p.ToString()));
    }

    [Fact]
    public void The_leader_election_role_grants_only_lease_get_create_update()
    {
        var granted = RbacRules.FromFile(RepositoryRoot.Combine("config", "rbac", "leader_election_role.yaml"));

        Assert.Equal(LeaderElection.OrderBy(p => p.ToString()), granted.OrderBy(p => p.ToString()));
    }

    [HelmFact]
    public async Task The_chart_renders_the_same_rules_as_config_rbac_for_all_namespaces_and_for_one()
    {
        var helm = HelmChart.Helm;
        var expected = RbacRules.FromFile(RepositoryRoot.Combine("config", "rbac", "role.yaml"));

        var cluster = await HelmChart.RenderAsync(helm!);
        var scoped = await HelmChart.RenderAsync(helm!, "watchNamespaces={payments}");

        Assert.Equal(Sorted(expected), Sorted(RbacRules.Flatten(KubernetesYaml.Deserialize<V1ClusterRole>(HelmChart.Document(cluster, "ClusterRole")).Rules)));
        Assert.Equal(Sorted(LeaderElection), Sorted(RbacRules.Flatten(KubernetesYaml.Deserialize<V1Role>(HelmChart.Document(cluster, "Role", "-leader-election")).Rules)));
        var role = KubernetesYaml.Deserialize<V1Role>(HelmChart.Document(scoped, "Role", "mtls-operator"));
        Assert.Equal("payments", role.Metadata.NamespaceProperty);
        Assert.Equal(Sorted(expected), Sorted(RbacRules.Flatten(role.Rules)));
        Assert.DoesNotContain(scoped, d => d.Contains("\nkind: ClusterRole\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_request_the_operator_makes_to_kubernetes_and_aws_is_allowed()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(new SandboxOptions { Namespaces = [Namespace, OperatorNamespace] });
        await sandbox.TrustStores().CreateAsync(SandboxSamples.TrustStore(Namespace), CancellationToken.None);
        await sandbox.ClientCertificates().CreateAsync(SandboxSamples.ClientCertificate(Namespace), CancellationToken.None);

        // From here on, every request in the logs is the operator's.
        sandbox.Kube.Requests.Reset();
        sandbox.Aws!.Calls.Reset();
        var election = new LeaderElectionOptions { LeaseNamespace = OperatorNamespace, LeaseName = "mtls-operator", Identity = "mtls-operator-0" };
        await using (var host = OperatorHost.Create(sandbox.Kube.CreateClient(), sandbox.HostOptions(sandbox.Options.Manager with { LeaderElection = election }), NullLoggerFactory.Instance))
        {
            await host.StartAsync(CancellationToken.None);
            await Eventually.UntilAsync(_ => Task.FromResult(host.Manager.IsLeader), leading => leading, "the operator to lead");
            await Eventually.UntilAsync(_ => Task.FromResult(Unsettled(host)), pending => pending.Count == 0, "every reconciled resource to report Ready");
        }

        var used = sandbox.Kube.Requests.All.Select(r => RbacRules.Required(r.Method, r.Path, r.Query)).OfType<Permission>().ToHashSet();
        var granted = RbacRules.FromFile(RepositoryRoot.Combine("config", "rbac", "role.yaml"));
        Assert.Empty(used.Except(granted).Except(LeaderElection).Select(p => p.ToString()));
        Assert.Contains(new Permission(Group, "truststores", "watch"), used);
        Assert.Contains(new Permission("coordination.k8s.io", "leases", "create"), used);
        var allowed = IamTests.PolicyActions();
        Assert.DoesNotContain(sandbox.Aws.Calls.Entries.Select(c => IamTests.ActionOf(c.Service, c.Operation)), a => !allowed.Contains(a));
    }

    // Resources of kinds that have a controller and no Ready condition for their generation yet.
    private static List<string> Unsettled(OperatorHost host)
    {
        var reconciled = host.Manager.Controllers.Select(c => OperatorInstruments.KindOfController(c.Name)).ToHashSet();
        var pending = new List<string>();
        void Check<T>(MtlsOperator.Api.ResourceDescriptor kind, Func<T, IList<V1Condition>?> conditions)
            where T : class, IKubernetesObject<V1ObjectMeta>
        {
            if (!reconciled.Contains(kind.Kind))
            {
                return;
            }

            pending.AddRange(host.Manager.GetInformer<T>(kind.Resource).List()
                .Where(r => conditions(r)?.Any(c => c.Type == ConditionTypes.Ready && c.ObservedGeneration == r.Metadata.Generation) != true)
                .Select(r => $"{kind.Kind} {r.Metadata.Name}"));
        }

        Check<V1Alpha1TrustStore>(V1Alpha1TrustStore.Descriptor, r => r.Status?.Conditions);
        Check<V1Alpha1ClientCertificate>(V1Alpha1ClientCertificate.Descriptor, r => r.Status?.Conditions);
        Check<V1Alpha1PrivateApiExposure>(V1Alpha1PrivateApiExposure.Descriptor, r => r.Status?.Conditions);
        return pending;
    }

    private static IEnumerable<(Permission Permission, string Why)> Kinds(params string[] verbs) =>
        from plural in MtlsApiGroup.Kinds.Select(k => k.Plural) from verb in verbs select (new Permission(Group, plural, verb), "own kinds");

    private static IEnumerable<(Permission Permission, string Why)> Subresource(string subresource, params string[] verbs) =>
        from plural in MtlsApiGroup.Kinds.Select(k => k.Plural) from verb in verbs select (new Permission(Group, $"{plural}/{subresource}", verb), subresource);

    private static IEnumerable<(Permission Permission, string Why)> Core(string resource, params string[] verbs) =>
        verbs.Select(verb => (new Permission(string.Empty, resource, verb), resource));

    private static List<string> Sorted(IEnumerable<Permission> permissions) => [.. permissions.Select(p => p.ToString()).Order(StringComparer.Ordinal)];
}
