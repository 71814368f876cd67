using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>An API Gateway custom domain needs a name.</summary>
public sealed class DomainNameForApiGatewayRule : ValidationRule<PrivateApiExposureSpec>
{
    public override string Expression => "!has(self.apiGateway) || has(self.domainName)";

    public override string Message => "domainName is required with apiGateway: it is the custom domain's name";

    public override string? FieldPath => ".domainName";

    public override bool IsSatisfiedBy(PrivateApiExposureSpec self) => self.ApiGateway is null || self.DomainName is not null;
}
