using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Runtime.Controllers;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Sandbox;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Tests.Pki;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

/// <summary>Resources, CAs and checks the ClientCertificate end-to-end tests share.</summary>
internal static class ClientCertificateTestKit
{
    public const string Namespace = "default";

    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>A sandbox whose controllers resync every second (so a moved clock is noticed) and whose Private CA answers GetCertificate "in progress" <paramref name="pendingCalls"/> times.</summary>
    public static SandboxOptions Options(TimeProvider? operatorTime = null, int pendingCalls = 1) => new()
    {
        OperatorTime = operatorTime ?? TimeProvider.System,
        Aws = new AwsEmulatorOptions { GetCertificatePendingCalls = pendingCalls },
        Manager = new ManagerOptions { Name = "mtls-operator", ShutdownTimeout = TimeSpan.FromSeconds(5), Controller = new ControllerOptions { ResyncPeriod = TimeSpan.FromSeconds(1) } },
    };

    public static V1Alpha1ClientCertificate PrivateCa(string name, string caArn, bool revokeOnDelete = false, string duration = "2160h") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new ClientCertificateSpec
        {
            SecretName = $"{name}-tls",
            Subject = new CertificateSubject { CommonName = name, Organizations = ["Partner A"] },
            Uris = [$"spiffe://partners.example/{name}"],
            Duration = duration,
            Issuer = new CertificateIssuer { PrivateCa = new PrivateCaIssuer { Arn = caArn } },
            RevokeOnDelete = revokeOnDelete,
            SecretTemplate = new SecretTemplate { Labels = new Dictionary<string, string> { ["team"] = "payments" } },
        },
    };

    public static V1Alpha1ClientCertificate SecretCa(string name, string caSecretName, bool revokeOnDelete = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new ClientCertificateSpec
        {
            SecretName = $"{name}-tls",
            Subject = new CertificateSubject { CommonName = name },
            DnsNames = [$"{name}.partners.example"],
            Issuer = new CertificateIssuer { CaSecretRef = new LocalObjectReference { Name = caSecretName } },
            RevokeOnDelete = revokeOnDelete,
        },
    };

    /// <summary>Stores a fresh self-signed EC CA as a kubernetes.io/tls Secret, as users keep a development CA.</summary>
    public static async Task<X509Certificate2> CreateCaSecretAsync(SandboxEnvironment sandbox, string name, bool isCa = true)
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = TestCertificates.Ca($"{name} {Guid.NewGuid():N}", isCa: isCa, notBefore: now.AddDays(-1), notAfter: now.AddYears(2));
        using var key = certificate.GetECDsaPrivateKey()!;
        await sandbox.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()),
                ["tls.key"] = Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()),
            },
        }, Namespace);
        return X509CertificateLoader.LoadCertificate(certificate.RawData);
    }

    public static async Task<V1Secret?> ReadSecretAsync(SandboxEnvironment sandbox, string name)
    {
        try
        {
            return await sandbox.Client.CoreV1.ReadNamespacedSecretAsync(name, Namespace);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public static Task<V1Alpha1ClientCertificate> WaitForRevisionAsync(SandboxEnvironment sandbox, string name, int revision) =>
        Eventually.UntilAsync(
            async ct => (await sandbox.ClientCertificates().GetAsync(Namespace, name, ct))!,
            c => c.Status?.Revision >= revision && c.Status.PendingCertificateArn is null
                && c.Status.Conditions?.Any(x => x.Type == ConditionTypes.Ready && x.Status == "True") == true,
            $"ClientCertificate {name} to reach revision {revision} and be Ready");

    public static string Text(V1Secret secret, string key) => Encoding.UTF8.GetString(secret.Data[key]);

    /// <summary>
    /// Checks what a TLS server would: the leaf in tls.crt chains to ca.crt (intermediates from tls.crt only), carries the
    /// clientAuth EKU, and belongs to tls.key. Returns the leaf.
    /// </summary>
    /// <param name="secret">The Secret the operator wrote.</param>
    /// <param name="at">When to judge validity; defaults to now (tests with a moved clock pass theirs).</param>
    public static X509Certificate2 AssertUsableClientCertificate(V1Secret secret, DateTimeOffset? at = null)
    {
        Assert.Equal("kubernetes.io/tls", secret.Type);
        var presented = new X509Certificate2Collection();
        presented.ImportFromPem(Text(secret, "tls.crt"));
        var leaf = presented[0];
        using var root = X509Certificate2.CreateFromPem(Text(secret, "ca.crt"));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = (at ?? DateTimeOffset.UtcNow).UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthOid));
        for (var i = 1; i < presented.Count; i++)
        {
            chain.ChainPolicy.ExtraStore.Add(presented[i]);
        }

        var built = chain.Build(leaf);
        Assert.True(built, string.Join("; ", chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation}")));
        Assert.Equal(root.Thumbprint, chain.ChainElements[^1].Certificate.Thumbprint);
        var eku = leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Contains(eku.EnhancedKeyUsages.Cast<Oid>(), o => o.Value == ClientAuthOid);
        using var withKey = X509Certificate2.CreateFromPem(Text(secret, "tls.crt"), Text(secret, "tls.key"));
        Assert.True(withKey.HasPrivateKey);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", Text(secret, "tls.key"), StringComparison.Ordinal);
        return leaf;
    }

    /// <summary>Writes (POST, PUT, PATCH, DELETE) the Kubernetes emulator has answered since its log was last reset.</summary>
    public static IReadOnlyList<string> KubeWrites(SandboxEnvironment sandbox) =>
        [.. sandbox.Kube.Requests.All.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE").Select(r => $"{r.Method} {r.Path}")];

    /// <summary>The base64 body of a PEM private key: what would leak if key material reached a log, event or status.</summary>
    public static string KeyFingerprint(V1Secret secret)
    {
        var pem = Text(secret, "tls.key");
        var body = pem.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal));
        return string.Concat(body)[..40];
    }

    public static string Json(object value) => KubernetesJson.Serialize(value);
}
