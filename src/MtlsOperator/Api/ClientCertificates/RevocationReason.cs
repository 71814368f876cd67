using System.Text.Json.Serialization;

namespace MtlsOperator.Api;

/// <summary>A revocation reason, spelled as AWS Private CA's RevokeCertificate expects it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RevocationReason>))]
public enum RevocationReason
{
    [JsonStringEnumMemberName("UNSPECIFIED")]
    Unspecified,

    [JsonStringEnumMemberName("KEY_COMPROMISE")]
    KeyCompromise,

    [JsonStringEnumMemberName("CERTIFICATE_AUTHORITY_COMPROMISE")]
    CertificateAuthorityCompromise,

    [JsonStringEnumMemberName("AFFILIATION_CHANGED")]
    AffiliationChanged,

    [JsonStringEnumMemberName("SUPERSEDED")]
    Superseded,

    [JsonStringEnumMemberName("CESSATION_OF_OPERATION")]
    CessationOfOperation,

    [JsonStringEnumMemberName("PRIVILEGE_WITHDRAWN")]
    PrivilegeWithdrawn,

    [JsonStringEnumMemberName("A_A_COMPROMISE")]
    AttributeAuthorityCompromise,
}
