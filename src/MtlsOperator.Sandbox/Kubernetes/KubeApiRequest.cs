namespace MtlsOperator.Sandbox.Kubernetes;

/// <summary>One request the emulator answered: method, path, query string and the status code it sent.</summary>
public sealed record KubeApiRequest(string Method, string Path, string Query, int StatusCode, DateTimeOffset At);
