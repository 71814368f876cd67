using System.Text;
using MtlsOperator.Sandbox;

namespace MtlsOperator.Tests.Reliability;

/// <summary>
/// Every Secret of the namespace (resourceVersion and data, byte for byte) and the emulated AWS account's mutable state
/// (trust stores and their bundles, listeners' mutual TLS and attributes, custom domains, issued certificates), as text
/// that two moments can be compared by.
/// </summary>
internal static class EstateSnapshot
{
    public static async Task<string> TakeAsync(SandboxEnvironment sandbox, IEnumerable<string> domainNames)
    {
        var text = new StringBuilder();
        var secrets = await sandbox.Client.CoreV1.ListNamespacedSecretWithHttpMessagesAsync(FaultWorkload.Namespace);
        foreach (var secret in secrets.Body.Items.OrderBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            text.Append("secret ").Append(secret.Metadata.Name).Append(" rv=").Append(secret.Metadata.ResourceVersion).Append(' ').Append(secret.Type);
            foreach (var (key, value) in (secret.Data ?? new Dictionary<string, byte[]>()).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append(' ').Append(key).Append('=').Append(Convert.ToBase64String(value));
            }

            text.AppendLine();
        }

        var aws = sandbox.Aws!;
        foreach (var store in aws.Elbv2.TrustStores.OrderBy(t => t.Arn, StringComparer.Ordinal))
        {
            text.AppendLine($"trust-store {store.Arn} {store.Name} {aws.Elbv2.StatusOf(store)} {store.BundleSource} {Convert.ToBase64String(store.Bundle)} revocations={store.Revocations.Count}");
        }

        foreach (var arn in new[] { sandbox.Account!.HttpsListenerArn, sandbox.Account.HttpListenerArn })
        {
            var listener = aws.Elbv2.Listener(arn)!;
            text.AppendLine($"listener {arn} {listener.Protocol} {listener.MutualAuthentication} {string.Join(",", listener.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))}");
        }

        foreach (var name in domainNames)
        {
            if (aws.ApiGateway.DomainName(name) is { } domain)
            {
                text.AppendLine($"domain {name} {domain.EndpointType} {domain.SecurityPolicy} {domain.MutualTls} mappings={string.Join(",", domain.BasePathMappings.Keys)}");
            }
        }

        text.AppendLine($"issued {aws.Pca.CertificateAuthority(sandbox.Account.SubordinateCaArn)!.Issued.Count}");
        return text.ToString();
    }

    /// <summary>The Secret names in the namespace, for a readable failure when one appears or vanishes.</summary>
    public static async Task<IReadOnlyList<string>> SecretNamesAsync(SandboxEnvironment sandbox) =>
        [.. (await sandbox.Client.CoreV1.ListNamespacedSecretWithHttpMessagesAsync(FaultWorkload.Namespace)).Body.Items.Select(s => s.Metadata.Name).Order(StringComparer.Ordinal)];
}
