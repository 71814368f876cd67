using k8s;

namespace MtlsOperator.Hosting;

/// <summary>Finds the API server the way kubectl and controller-runtime do.</summary>
public static class KubernetesConnection
{
    /// <summary>
    /// <paramref name="kubeconfig"/> when given; else the pod's service account when KUBERNETES_SERVICE_HOST is set;
    /// else the first file in KUBECONFIG, else ~/.kube/config.
    /// </summary>
    public static KubernetesClientConfiguration Configure(string? kubeconfig, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (kubeconfig is null && !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST")))
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        var path = kubeconfig
            ?? environment("KUBECONFIG")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"no kubeconfig at {path}: pass --kubeconfig, set KUBECONFIG, or run in a pod (KUBERNETES_SERVICE_HOST)", path);
        }

        return KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
    }
}
