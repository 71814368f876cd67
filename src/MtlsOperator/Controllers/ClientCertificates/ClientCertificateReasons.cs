namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>
/// Every reason a ClientCertificate's Ready and Issuing conditions (and its events) carry. Problems found in the spec or
/// the CA Secret use the PKI problem code as the reason instead (e.g. <c>InvalidSubject</c>, <c>UnsupportedKeySpec</c>, <c>CaExpired</c>).
/// </summary>
public static class ClientCertificateReasons
{
    /// <summary>Ready: the Secret holds a valid certificate matching the spec. Event: a certificate was issued.</summary>
    public const string Ready = "Ready";

    /// <summary>Event: a certificate was issued and written to the Secret.</summary>
    public const string Issued = "Issued";

    /// <summary>Issuing/Ready: the Secret does not exist or lacks tls.crt/tls.key; a certificate is being issued.</summary>
    public const string MissingSecret = "MissingSecret";

    /// <summary>Issuing/Ready: the Secret's data is unreadable or its key does not belong to its certificate (someone edited it).</summary>
    public const string InvalidCertificate = "InvalidCertificate";

    /// <summary>Issuing/Ready: the certificate no longer matches the spec (key, subject, names or issuer changed).</summary>
    public const string SpecChanged = "SpecChanged";

    /// <summary>Issuing/Ready: the certificate has expired or is not yet valid.</summary>
    public const string Expired = "Expired";

    /// <summary>Issuing: the renewal time was reached; the current certificate stays in use until the new one is written.</summary>
    public const string Renewing = "Renewing";

    /// <summary>Issuing: AWS Private CA accepted the request and is still issuing; the operator polls GetCertificate.</summary>
    public const string RequestInProgress = "RequestInProgress";

    /// <summary>Issuing: the last attempt failed; the next one waits for the backoff (1h doubling up to 32h, as cert-manager).</summary>
    public const string Backoff = "Backoff";

    /// <summary>Ready/Issuing: the CA refused or failed the request; the message carries its answer.</summary>
    public const string IssuanceFailed = "IssuanceFailed";

    /// <summary>Ready: spec.issuer.caSecretRef names a Secret that does not exist (yet); issuance waits for it.</summary>
    public const string CaSecretNotFound = "CaSecretNotFound";

    /// <summary>Ready: spec.issuer.privateCa.arn names a CA that does not exist or is not ACTIVE.</summary>
    public const string CaNotActive = "CaNotActive";

    /// <summary>Ready: AWS refused the call for lack of permission; fix the operator's IAM role or spec.issuer.privateCa.roleArn.</summary>
    public const string AccessDenied = "AccessDenied";

    /// <summary>Ready: an AWS Private CA quota (e.g. IssueCertificate rate or certificates per CA) was hit.</summary>
    public const string QuotaExceeded = "QuotaExceeded";

    /// <summary>Ready: spec.secretName is a Secret controlled by another object; the operator does not take it over.</summary>
    public const string SecretConflict = "SecretConflict";

    /// <summary>Ready: the spec asks for something the operator cannot issue (a field it does not support with this issuer).</summary>
    public const string UnsupportedSpec = "UnsupportedSpec";

    /// <summary>Event: revokeOnDelete revoked the certificate (in Private CA, or in the Secret-backed CA's CRL).</summary>
    public const string Revoked = "Revoked";

    /// <summary>Event: revokeOnDelete could not revoke (certificate or CA gone); deletion continues.</summary>
    public const string RevocationSkipped = "RevocationSkipped";

    /// <summary>Event: revokeOnDelete failed and is retried; the resource stays until it succeeds.</summary>
    public const string RevocationFailed = "RevocationFailed";
}
