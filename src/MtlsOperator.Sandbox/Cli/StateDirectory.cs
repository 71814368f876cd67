using System.Text;
using MtlsOperator.Sandbox.Aws.Signing;

namespace MtlsOperator.Sandbox.Cli;

/// <summary>The files that let kubectl, the AWS CLI and <c>mtls-operator run</c> reach a running sandbox.</summary>
public sealed class StateDirectory(string path)
{
    /// <summary>The directory, made absolute.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The kubeconfig for the Kubernetes API emulator.</summary>
    public string KubeconfigPath => System.IO.Path.Combine(Path, "kubeconfig");

    /// <summary>Shell assignments for the AWS CLI and SDKs: <c>source</c> it.</summary>
    public string AwsEnvPath => System.IO.Path.Combine(Path, "aws.env");

    /// <summary>Writes both files, replacing what a previous run left.</summary>
    public async Task WriteAsync(SandboxEnvironment sandbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        Directory.CreateDirectory(Path);
        await sandbox.Kube.WriteKubeconfigAsync(KubeconfigPath, cancellationToken).ConfigureAwait(false);

        // AWS_DEFAULT_REGION too, as AWS CLI v1 ignores AWS_REGION. The keys are the emulator's well-known example keys
        // (AWS documentation's), never real credentials; an external endpoint such as LocalStack accepts any.
        var env = new StringBuilder()
            .Append("export AWS_ENDPOINT_URL=").Append(sandbox.AwsEndpoint.ToString().TrimEnd('/')).Append('\n')
            .Append("export AWS_REGION=").Append(sandbox.Options.Region).Append('\n')
            .Append("export AWS_DEFAULT_REGION=").Append(sandbox.Options.Region).Append('\n')
            .Append("export AWS_ACCESS_KEY_ID=").Append(AwsEmulatorCredentials.AccessKeyId).Append('\n')
            .Append("export AWS_SECRET_ACCESS_KEY=").Append(AwsEmulatorCredentials.SecretAccessKey).Append('\n')
            .ToString();
        await File.WriteAllTextAsync(AwsEnvPath, env, cancellationToken).ConfigureAwait(false);
    }
}
