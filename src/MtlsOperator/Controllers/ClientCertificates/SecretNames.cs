using System.Security.Cryptography;
using System.Text;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>Names of the Secrets the controller derives from other names, kept within the 253-character limit.</summary>
internal static class SecretNames
{
    private const int MaxLength = 253;

    /// <summary>The temporary Secret holding the private key of the certificate being issued for <paramref name="certificateName"/>.</summary>
    public static string PendingPrivateKey(string certificateName) => Derived(certificateName, "-next-key");

    /// <summary>The Secret holding the CRL of the Secret-backed CA <paramref name="caSecretName"/>.</summary>
    public static string RevocationList(string caSecretName) => Derived(caSecretName, "-crl");

    // A long base name is cut and made unique again with a short hash, as Kubernetes controllers do for generated names.
    private static string Derived(string name, string suffix)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length + suffix.Length <= MaxLength)
        {
            return name + suffix;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return $"{name[..(MaxLength - suffix.Length - hash.Length - 1)].TrimEnd('-', '.')}-{hash}{suffix}";
    }
}
