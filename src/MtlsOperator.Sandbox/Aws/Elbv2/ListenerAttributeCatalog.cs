namespace MtlsOperator.Sandbox.Aws.Elbv2;

/// <summary>The ALB listener attributes the emulator knows, with AWS's defaults.</summary>
internal static class ListenerAttributeCatalog
{
    /// <summary>Attributes that rename the headers an ALB adds when mutual TLS is on, and their default header names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name"] = "X-Amzn-Mtls-Clientcert-Serial-Number",
        ["routing.http.request.x_amzn_mtls_clientcert_issuer.header_name"] = "X-Amzn-Mtls-Clientcert-Issuer",
        ["routing.http.request.x_amzn_mtls_clientcert_subject.header_name"] = "X-Amzn-Mtls-Clientcert-Subject",
        ["routing.http.request.x_amzn_mtls_clientcert_validity.header_name"] = "X-Amzn-Mtls-Clientcert-Validity",
        ["routing.http.request.x_amzn_mtls_clientcert_leaf.header_name"] = "X-Amzn-Mtls-Clientcert-Leaf",
        ["routing.http.request.x_amzn_mtls_clientcert.header_name"] = "X-Amzn-Mtls-Clientcert",
        ["routing.http.request.x_amzn_tls_version.header_name"] = "X-Amzn-Tls-Version",
        ["routing.http.request.x_amzn_tls_cipher_suite.header_name"] = "X-Amzn-Tls-Cipher-Suite",
        ["routing.http.response.server.enabled"] = "true",
    };

    /// <summary>True for attributes whose value is an HTTP header name.</summary>
    public static bool IsHeaderName(string key) => key.EndsWith(".header_name", StringComparison.Ordinal);

    /// <summary>True for header-name attributes that only HTTPS listeners have.</summary>
    public static bool IsHttpsOnly(string key) => key.Contains("x_amzn_mtls_", StringComparison.Ordinal) || key.Contains("x_amzn_tls_", StringComparison.Ordinal);
}
