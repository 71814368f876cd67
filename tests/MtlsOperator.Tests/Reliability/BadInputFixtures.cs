namespace MtlsOperator.Tests.Reliability;

/// <summary>AWS objects the bad-input catalogue made for its rows to refer to.</summary>
/// <param name="ThirdVerifyListenerArn">An HTTPS listener on a load balancer whose two verify-mode listeners are taken.</param>
internal sealed record BadInputFixtures(string ThirdVerifyListenerArn);
