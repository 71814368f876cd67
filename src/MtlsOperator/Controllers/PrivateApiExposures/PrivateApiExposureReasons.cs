namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>
/// Every reason a PrivateApiExposure's conditions and events carry. The README's troubleshooting table is built from
/// these: each says what the user sees and what to do.
/// </summary>
public static class PrivateApiExposureReasons
{
    /// <summary>Ready=True: the listener or custom domain matches the spec.</summary>
    public const string Ready = "Ready";

    /// <summary>The TrustStore named by spec.trustStoreRef does not exist or is not Ready yet; nothing is changed in AWS until it is.</summary>
    public const string WaitingForTrustStore = "WaitingForTrustStore";

    /// <summary>spec.loadBalancer.listenerArn names no listener: fix the ARN or create the listener.</summary>
    public const string ListenerNotFound = "ListenerNotFound";

    /// <summary>The listener is not HTTPS; mutual TLS needs an HTTPS listener with a server certificate.</summary>
    public const string ListenerNotHttps = "ListenerNotHttps";

    /// <summary>
    /// Another PrivateApiExposure (the older one) already claims the listener or custom domain, or the custom domain exists
    /// in AWS without this resource's owner tag; nothing is changed.
    /// </summary>
    public const string Conflict = "Conflict";

    /// <summary>An AWS quota would be exceeded, e.g. a third verify-mode listener on one load balancer.</summary>
    public const string QuotaExceeded = "QuotaExceeded";

    /// <summary>The operator's IAM identity (or spec.roleArn) may not make a call; the message names it.</summary>
    public const string AccessDenied = "AccessDenied";

    /// <summary>disableExecuteApiEndpoint changed but only takes effect when the stage is deployed again (or set redeploy: true).</summary>
    public const string PendingDeployment = "PendingDeployment";

    /// <summary>The custom domain is being created or updated by API Gateway; the operator checks again shortly.</summary>
    public const string Pending = "Pending";

    /// <summary>The custom domain is in a state only a person can fix (FAILED, PENDING_CERTIFICATE_REIMPORT, PENDING_OWNERSHIP_VERIFICATION).</summary>
    public const string DomainNotAvailable = "DomainNotAvailable";

    /// <summary>spec.domainName exists in API Gateway as an EDGE domain; mutual TLS needs a REGIONAL one.</summary>
    public const string DomainNotRegional = "DomainNotRegional";

    /// <summary>spec.apiGateway.restApiId names no REST API in the region.</summary>
    public const string RestApiNotFound = "RestApiNotFound";

    /// <summary>spec.apiGateway.stage names no stage of the REST API; deploy the API to that stage first.</summary>
    public const string StageNotFound = "StageNotFound";

    /// <summary>AWS refused the request as invalid; the message carries AWS's explanation.</summary>
    public const string AwsRejected = "AwsRejected";

    /// <summary>AWS kept throttling or failing for several minutes; the operator keeps retrying with backoff.</summary>
    public const string AwsUnavailable = "AwsUnavailable";

    /// <summary>Degraded=True: API Gateway reported truststoreWarnings (e.g. an expired CA certificate in the bundle).</summary>
    public const string TruststoreWarnings = "TruststoreWarnings";

    /// <summary>Degraded=False: API Gateway reported no truststore warnings.</summary>
    public const string NoTruststoreWarnings = "NoTruststoreWarnings";

    /// <summary>Event: something in AWS was changed outside the operator and has been put back to match the spec.</summary>
    public const string DriftCorrected = "DriftCorrected";

    /// <summary>Event: the listener's mutual authentication was set from the spec.</summary>
    public const string ListenerConfigured = "ListenerConfigured";

    /// <summary>Event: the listener's client-certificate header names were set from spec.loadBalancer.headers.</summary>
    public const string HeadersConfigured = "HeadersConfigured";

    /// <summary>Event: the listener's mutual authentication was set back to off because the resource was deleted.</summary>
    public const string ListenerReset = "ListenerReset";

    /// <summary>Event: the custom domain was created.</summary>
    public const string DomainCreated = "DomainCreated";

    /// <summary>Event: an existing custom domain was adopted (annotation mtls.operator.dev/adopt: "true") and tagged.</summary>
    public const string DomainAdopted = "DomainAdopted";

    /// <summary>Event: the custom domain's settings (certificate, security policy, truststore URI) were updated from the spec.</summary>
    public const string DomainUpdated = "DomainUpdated";

    /// <summary>Event: the custom domain now uses the TrustStore's new bundle version.</summary>
    public const string TruststoreVersionUpdated = "TruststoreVersionUpdated";

    /// <summary>Event: the base path mapping to the REST API stage was created.</summary>
    public const string BasePathMapped = "BasePathMapped";

    /// <summary>Event: the REST API's disableExecuteApiEndpoint was set from the spec.</summary>
    public const string ExecuteApiEndpointUpdated = "ExecuteApiEndpointUpdated";

    /// <summary>Event: the operator deployed the stage so disableExecuteApiEndpoint takes effect (redeploy: true).</summary>
    public const string Deployed = "Deployed";

    /// <summary>Event: the base path mapping and the custom domain were deleted with the resource.</summary>
    public const string DomainDeleted = "DomainDeleted";
}
