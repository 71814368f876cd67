namespace MtlsOperator.Api;

/// <summary>
/// Annotation, label, finalizer and AWS tag keys the operator reads or writes. The IAM policy in config/iam scopes
/// writes by <see cref="ManagedByTag"/>, so AWS code must tag what it creates with it.
/// </summary>
public static class WellKnownKeys
{
    /// <summary>Finalizer the operator puts on every resource that owns AWS objects.</summary>
    public const string Finalizer = MtlsApiGroup.Group + "/finalizer";

    /// <summary>Annotation <c>"true"</c> that lets a TrustStore adopt an existing, untagged trust store of the same name.</summary>
    public const string AdoptAnnotation = MtlsApiGroup.Group + "/adopt";

    /// <summary>AWS tag on trust stores and custom domains the operator created; its value identifies the cluster.</summary>
    public const string ManagedByTag = MtlsApiGroup.Group + "/managed-by";

    /// <summary>AWS tag naming the owning resource as <c>kind/namespace/name</c>.</summary>
    public const string OwnerTag = MtlsApiGroup.Group + "/owner";

    /// <summary>Secret annotation: the ClientCertificate that wrote it.</summary>
    public const string CertificateNameAnnotation = MtlsApiGroup.Group + "/certificate-name";

    /// <summary>Secret annotation: serial number of the certificate in it (lowercase hex).</summary>
    public const string SerialNumberAnnotation = MtlsApiGroup.Group + "/serial-number";

    /// <summary>Secret annotation: the issuer (Private CA ARN or <c>secret/&lt;name&gt;</c>).</summary>
    public const string IssuerAnnotation = MtlsApiGroup.Group + "/issuer";

    /// <summary>Secret annotation: notAfter of the certificate in it, RFC 3339.</summary>
    public const string NotAfterAnnotation = MtlsApiGroup.Group + "/not-after";
}
