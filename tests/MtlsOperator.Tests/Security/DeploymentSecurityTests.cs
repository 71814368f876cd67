using k8s;
using k8s.Models;

namespace MtlsOperator.Tests.Security;

/// <summary>The chart's Deployment runs the operator as non-root on a read-only root filesystem without privileges.</summary>
public sealed class DeploymentSecurityTests
{
    [HelmFact]
    public async Task The_operator_runs_as_non_root_on_a_read_only_root_filesystem()
    {
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(HelmChart.Document(await HelmChart.RenderAsync(HelmChart.Helm!), "Deployment"));
        var pod = deployment.Spec.Template.Spec;

        Assert.True(pod.SecurityContext?.RunAsNonRoot);
        Assert.NotEqual(0, pod.SecurityContext?.RunAsUser ?? 0L);
        Assert.Equal("RuntimeDefault", pod.SecurityContext?.SeccompProfile?.Type);
        Assert.NotEqual(true, pod.HostNetwork);
        Assert.All(pod.Containers.Concat(pod.InitContainers ?? []), container =>
        {
            var security = container.SecurityContext;
            Assert.True(security?.ReadOnlyRootFilesystem, $"{container.Name}: readOnlyRootFilesystem");
            Assert.False(security?.AllowPrivilegeEscalation ?? true, $"{container.Name}: allowPrivilegeEscalation");
            Assert.NotEqual(true, security?.Privileged);
            Assert.NotEqual(0L, security?.RunAsUser ?? pod.SecurityContext?.RunAsUser);
            Assert.Contains("ALL", security?.Capabilities?.Drop ?? []);
            Assert.Empty(security?.Capabilities?.Add ?? []);
        });
    }

    [HelmFact]
    public async Task The_operator_is_started_with_the_run_verb_and_flags_it_accepts()
    {
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(HelmChart.Document(await HelmChart.RenderAsync(HelmChart.Helm!, "watchNamespaces={payments}", "aws.region=eu-west-1"), "Deployment"));
        var args = Assert.Single(deployment.Spec.Template.Spec.Containers).Args;

        Assert.Equal("run", args[0]);

        // $(POD_NAMESPACE) is expanded by the kubelet; any namespace name stands in for it here.
        var expanded = args.Skip(1).Select(a => a.Replace("$(POD_NAMESPACE)", "mtls-operator-system", StringComparison.Ordinal)).ToList();
        var (settings, errors) = MtlsOperator.Hosting.HostSettingsReader.Read(expanded, _ => null, appsettingsPath: null);
        Assert.Empty(errors);
        Assert.Equal("payments", settings!.WatchNamespace);
        Assert.Equal(8080, settings.MetricsAddress!.Port);
        Assert.Equal(8081, settings.HealthAddress!.Port);
    }
}
