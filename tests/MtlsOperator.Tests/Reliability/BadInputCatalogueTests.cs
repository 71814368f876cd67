using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Reliability;

public sealed class BadInputCatalogueTests
{
    [Fact]
    public async Task Every_bad_input_gets_its_reason_and_a_warning_and_changes_no_aws_state_or_secret()
    {
        Assert.True(BadInputCatalogue.Cases.Count >= 25);
        await using var sandbox = await SandboxEnvironment.StartAsync(FaultWorkload.Options());
        await sandbox.StartOperatorAsync();
        await FaultWorkload.ApplyAsync(sandbox, certificates: 1);
        await FaultWorkload.WaitForReadyAsync(sandbox, certificates: 1);
        var fixtures = await BadInputCatalogue.PrepareAsync(sandbox);
        var domains = BadInputCatalogue.DomainNames.Append(FaultWorkload.DomainName).ToList();
        var before = await EstateSnapshot.TakeAsync(sandbox, domains);
        var secretsBefore = await EstateSnapshot.SecretNamesAsync(sandbox);
        sandbox.Aws!.Calls.Reset();

        var refused = new List<string>();
        foreach (var row in BadInputCatalogue.Cases)
        {
            try
            {
                await row.ApplyAsync(sandbox, fixtures);
            }
            catch (k8s.Autorest.HttpOperationException e)
            {
                // The CRD schema refusing a row is fine for a user but means the row tests nothing of the operator.
                refused.Add($"{row}: refused by the API server ({(int)e.Response.StatusCode}): {e.Response.Content}");
            }
        }

        Assert.True(refused.Count == 0, string.Join("\n", refused));
        var outcomes = await Task.WhenAll(BadInputCatalogue.Cases.Select(row => OutcomeAsync(sandbox, row)));
        var wrong = outcomes.Where(o => o is not null).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {outcomes.Length} rows went wrong:\n{string.Join("\n", wrong)}");

        // Let a resync pass over every row so a write that comes late is caught too.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(sandbox.Aws.Calls.Writes().Select(c => $"{c.Service} {c.Operation}"));
        Assert.Equal(secretsBefore, await EstateSnapshot.SecretNamesAsync(sandbox));
        Assert.Equal(before, await EstateSnapshot.TakeAsync(sandbox, domains));
    }

    /// <summary>Null when the row's resource reached Ready=False with its reason and a Warning event of that reason; otherwise what happened.</summary>
    private static async Task<string?> OutcomeAsync(SandboxEnvironment sandbox, BadInputCase row)
    {
        try
        {
            var timeout = TimeSpan.FromSeconds(60);
            _ = row.Kind switch
            {
                "TrustStore" => (object)await sandbox.TrustStores().WaitForConditionAsync(FaultWorkload.Namespace, row.Name, ConditionTypes.Ready, "False", row.Reason, timeout),
                "ClientCertificate" => await sandbox.ClientCertificates().WaitForConditionAsync(FaultWorkload.Namespace, row.Name, ConditionTypes.Ready, "False", row.Reason, timeout),
                _ => await sandbox.PrivateApiExposures().WaitForConditionAsync(FaultWorkload.Namespace, row.Name, ConditionTypes.Ready, "False", row.Reason, timeout),
            };
            var events = await Eventually.UntilAsync(ct => sandbox.EventsForAsync(FaultWorkload.Namespace, row.Name, ct), e => e.Any(x => x.Reason == row.Reason), $"a {row.Reason} event for {row.Name}", timeout);
            var recorded = events.First(e => e.Reason == row.Reason);
            return recorded.Type == row.EventType ? null : $"{row}: the {row.Reason} event is {recorded.Type}, not {row.EventType}";
        }
        catch (TimeoutException)
        {
            object? status = row.Kind switch
            {
                "TrustStore" => (await sandbox.TrustStores().GetAsync(FaultWorkload.Namespace, row.Name, CancellationToken.None))?.Status,
                "ClientCertificate" => (await sandbox.ClientCertificates().GetAsync(FaultWorkload.Namespace, row.Name, CancellationToken.None))?.Status,
                _ => (await sandbox.PrivateApiExposures().GetAsync(FaultWorkload.Namespace, row.Name, CancellationToken.None))?.Status,
            };
            return $"{row}: instead, status {(status is null ? "none" : k8s.KubernetesJson.Serialize(status))}";
        }
    }
}
