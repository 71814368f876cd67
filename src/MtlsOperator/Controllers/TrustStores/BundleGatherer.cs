using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Pki;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>Collects the CA certificates of every spec.caCertificates entry, each named by its field so bundle errors point at it.</summary>
public sealed class BundleGatherer(ReferencedData data, IAwsClientFactory aws)
{
    /// <summary>One <see cref="CaBundleSource"/> per entry, in spec order.</summary>
    /// <exception cref="BlockedException">A referenced Secret, ConfigMap, key or Private CA does not exist.</exception>
    public async Task<IReadOnlyList<CaBundleSource>> GatherAsync(V1Alpha1TrustStore trustStore, TrustStoreIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trustStore);
        ArgumentNullException.ThrowIfNull(identity);
        var @namespace = trustStore.Metadata.NamespaceProperty;
        var sources = new List<CaBundleSource>();
        for (var i = 0; i < trustStore.Spec.CaCertificates.Count; i++)
        {
            var entry = trustStore.Spec.CaCertificates[i];
            var field = $"spec.caCertificates[{i}]";
            sources.Add(entry switch
            {
                { Inline: { } pem } => CaBundleSource.FromText($"{field}.inline", pem),
                { SecretRef: { } secret } => new CaBundleSource(
                    $"{field}.secretRef {secret.Name}/{secret.Key}",
                    data.Secret(@namespace, secret, $"{field}.secretRef", TrustStoreReasons.SourceNotFound)),
                { ConfigMapRef: { } configMap } => new CaBundleSource(
                    $"{field}.configMapRef {configMap.Name}/{configMap.Key}",
                    data.ConfigMap(@namespace, configMap, $"{field}.configMapRef")),
                { PrivateCaArn: { } arn } => CaBundleSource.FromText(
                    $"{field}.privateCaArn",
                    await PrivateCaCertificatesAsync(arn, identity, $"{field}.privateCaArn", cancellationToken).ConfigureAwait(false)),
                _ => throw new BlockedException(TrustStoreReasons.BundleInvalid, $"{field}: set exactly one of inline, secretRef, configMapRef or privateCaArn"),
            });
        }

        return sources;
    }

    private async Task<string> PrivateCaCertificatesAsync(string arn, TrustStoreIdentity identity, string field, CancellationToken cancellationToken)
    {
        var ca = CertificateAuthorityArn.Parse(arn);
        var privateCa = aws.ClientsFor(identity.Target with { Region = ca.Region }).PrivateCa;
        try
        {
            var certificate = await privateCa.GetCaCertificateAsync(arn, cancellationToken).ConfigureAwait(false);
            return certificate.ChainPem is null ? certificate.CertificatePem : certificate.CertificatePem.TrimEnd() + "\n" + certificate.ChainPem;
        }
        catch (AwsNotFoundException)
        {
            throw new BlockedException(TrustStoreReasons.SourceNotFound,
                $"{field}: the Private CA {arn} does not exist in {ca.Region}; correct the ARN", recheck: true);
        }
        catch (AwsException e) when (e.Code == "InvalidStateException")
        {
            throw new BlockedException(TrustStoreReasons.SourceNotFound,
                $"{field}: the Private CA {arn} has no certificate yet (AWS: {e.AwsMessage}); activate the CA", recheck: true);
        }
    }
}
