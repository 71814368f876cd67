using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Autorest;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Pki;
using MtlsOperator.Sandbox.Cli.Status;

namespace MtlsOperator.Sandbox.Cli.Reporting;

/// <summary>
/// What the resources produced, read from AWS and from Kubernetes rather than from their status: the ELBv2 trust
/// stores, the listeners' and custom domains' mutual TLS, and the certificate Secrets (serial and notAfter, never keys).
/// </summary>
public sealed class AwsStateReport(AwsClients aws, IKubernetes kubernetes)
{
    /// <summary>Writes the AWS and Secrets sections for the resources in <paramref name="snapshot"/>.</summary>
    public async Task WriteAsync(TextWriter output, ResourceSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(snapshot);
        await output.WriteLineAsync($"AWS ({aws.Region}):").ConfigureAwait(false);
        await WriteTrustStoresAsync(output, cancellationToken).ConfigureAwait(false);
        await WriteListenersAsync(output, snapshot, cancellationToken).ConfigureAwait(false);
        await WriteDomainsAsync(output, snapshot, cancellationToken).ConfigureAwait(false);
        await WriteSecretsAsync(output, snapshot, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteTrustStoresAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var table = new TextTable("TRUST STORE", "ARN", "STATUS", "CAS", "REVOKED ENTRIES");
        try
        {
            foreach (var store in await aws.TrustStores.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                table.Add(store.Name, store.Arn, store.Status, $"{store.NumberOfCaCertificates}", $"{store.TotalRevokedEntries}");
            }
        }
        catch (AwsException e)
        {
            table.Add("(unreadable)", Problem(e), null, null, null);
        }

        await WriteSectionAsync(output, "ELBv2 trust stores", table).ConfigureAwait(false);
    }

    private async Task WriteListenersAsync(TextWriter output, ResourceSnapshot snapshot, CancellationToken cancellationToken)
    {
        var table = new TextTable("LISTENER", "MODE", "TRUST STORE", "FOR");
        foreach (var exposure in snapshot.PrivateApiExposures.Where(e => e.Spec.LoadBalancer is not null))
        {
            var arn = exposure.Spec.LoadBalancer!.ListenerArn;
            var owner = $"{exposure.Metadata.NamespaceProperty}/{exposure.Metadata.Name}";
            try
            {
                var listener = await aws.Listeners.DescribeAsync(arn, cancellationToken).ConfigureAwait(false);
                table.Add(arn, listener.MutualAuthentication?.Mode ?? "off", listener.MutualAuthentication?.TrustStoreArn, owner);
            }
            catch (AwsException e)
            {
                table.Add(arn, Problem(e), null, owner);
            }
        }

        await WriteSectionAsync(output, "Load balancer listeners", table).ConfigureAwait(false);
    }

    private async Task WriteDomainsAsync(TextWriter output, ResourceSnapshot snapshot, CancellationToken cancellationToken)
    {
        var table = new TextTable("DOMAIN", "STATUS", "TRUSTSTORE URI", "TRUSTSTORE VERSION", "FOR");
        foreach (var exposure in snapshot.PrivateApiExposures.Where(e => e.Spec.ApiGateway is not null && !string.IsNullOrEmpty(e.Spec.DomainName)))
        {
            var name = exposure.Spec.DomainName!;
            var owner = $"{exposure.Metadata.NamespaceProperty}/{exposure.Metadata.Name}";
            try
            {
                var domain = await aws.DomainNames.GetAsync(name, cancellationToken).ConfigureAwait(false);
                table.Add(name, domain.Status, domain.MutualTls?.TruststoreUri, domain.MutualTls?.TruststoreVersion, owner);
            }
            catch (AwsException e)
            {
                table.Add(name, Problem(e), null, null, owner);
            }
        }

        await WriteSectionAsync(output, "API Gateway custom domains", table).ConfigureAwait(false);
    }

    private async Task WriteSecretsAsync(TextWriter output, ResourceSnapshot snapshot, CancellationToken cancellationToken)
    {
        var table = new TextTable("SECRET", "SERIAL", "NOT AFTER", "SUBJECT", "FOR");
        foreach (var certificate in snapshot.ClientCertificates)
        {
            var @namespace = certificate.Metadata.NamespaceProperty;
            var name = certificate.Spec.SecretName;
            var owner = $"{@namespace}/{certificate.Metadata.Name}";
            try
            {
                var secret = await kubernetes.CoreV1.ReadNamespacedSecretAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                var facts = secret.Data?.TryGetValue("tls.crt", out var crt) == true ? Facts(crt) : null;
                table.Add($"{@namespace}/{name}", facts?.SerialNumber ?? "(no certificate)", Timestamps.Format(facts?.NotAfter), facts?.Subject, owner);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                table.Add($"{@namespace}/{name}", "(not created)", null, null, owner);
            }
        }

        await WriteSectionAsync(output, "Secrets", table, indent: "").ConfigureAwait(false);
    }

    private static CertificateFacts? Facts(byte[] pem)
    {
        try
        {
            using var leaf = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(pem));
            return CertificateFacts.Of(leaf);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string Problem(AwsException e) => e is AwsNotFoundException ? "(not found)" : $"(error: {e.Message})";

    private static async Task WriteSectionAsync(TextWriter output, string title, TextTable table, string indent = "  ")
    {
        if (table.Count == 0)
        {
            await output.WriteLineAsync($"{indent}{title}: none").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync($"{indent}{title}:").ConfigureAwait(false);
        await table.WriteAsync(output, indent + "  ").ConfigureAwait(false);
    }
}
