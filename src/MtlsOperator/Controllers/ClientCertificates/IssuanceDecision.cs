namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>Why a certificate must be issued now.</summary>
/// <param name="Reason">One of the <see cref="ClientCertificateReasons"/> trigger reasons (MissingSecret, InvalidCertificate, SpecChanged, Expired, Renewing).</param>
/// <param name="Message">What was found, for the Issuing condition and the event; names fields, never key material.</param>
/// <param name="CurrentStillValid">True when the Secret's certificate may stay in use (and Ready stay True) until the new one is written.</param>
internal sealed record IssuanceDecision(string Reason, string Message, bool CurrentStillValid);
