namespace MtlsOperator.Tests.Support;

/// <summary>Polls until an outcome a user would see holds; fails with the last observation after a generous timeout.</summary>
internal static class Eventually
{
    /// <summary>Default wait: long enough for a loaded 2-core CI machine, short enough to fail a hung test.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Returns the first observation for which <paramref name="done"/> holds.</summary>
    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T>> observe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        T last = default!;
        Exception? lastError = null;
        while (!cts.IsCancellationRequested)
        {
            try
            {
                last = await observe(cts.Token);
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (!cts.IsCancellationRequested && e is not Xunit.Sdk.XunitException)
            {
                lastError = e;
            }

            try
            {
                await Task.Delay(100, cts.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new TimeoutException($"timed out after {(timeout ?? DefaultTimeout).TotalSeconds}s waiting for {what}; last seen: {Describe(last)}", lastError);
    }

    private static string Describe<T>(T value) => value is null ? "nothing" : k8s.KubernetesJson.Serialize(value);
}
