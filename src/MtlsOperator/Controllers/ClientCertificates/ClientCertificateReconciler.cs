using System.Security.Cryptography.X509Certificates;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Hosting;
using MtlsOperator.Pki;
using MtlsOperator.Runtime.Events;
using MtlsOperator.Runtime.Finalization;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Runtime.Status;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>
/// Reconciles a ClientCertificate: observe (resource, Secret, issuer) → compare (<see cref="IssuanceTrigger"/>) →
/// act (key, CSR, issue, write the Secret) → report (status, conditions, events, requeue at renewal).
/// </summary>
internal sealed class ClientCertificateReconciler : IReconciler<V1Alpha1ClientCertificate>
{
    /// <summary>Longest single wait: a Ready certificate is looked at again at least this often (no AWS call), so a lost event or a clock jump never delays a renewal by more.</summary>
    internal static readonly TimeSpan MaxRequeue = TimeSpan.FromHours(8);

    private readonly ResourceInformer<V1Alpha1ClientCertificate> certificates;
    private readonly ResourceInformer<V1Secret> secretCache;
    private readonly ResourceClient<V1Alpha1ClientCertificate> client;
    private readonly ResourceClient<V1Secret> secrets;
    private readonly StatusWriter<V1Alpha1ClientCertificate> statusWriter;
    private readonly IEventRecorder events;
    private readonly TimeProvider time;
    private readonly OperatorSettings settings;
    private readonly PrivateCaSigner privateCa;
    private readonly PendingPrivateKeyStore keys;
    private readonly CertificateSecretWriter writer;
    private readonly SecretCaRevocationList revocationLists;

    public ClientCertificateReconciler(
        ResourceInformer<V1Alpha1ClientCertificate> certificates,
        ResourceInformer<V1Secret> secretCache,
        ResourceClient<V1Alpha1ClientCertificate> client,
        ResourceClient<V1Secret> secrets,
        IEventRecorder events,
        OperatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.certificates = certificates;
        this.secretCache = secretCache;
        this.client = client;
        this.secrets = secrets;
        this.events = events;
        time = context.Time;
        settings = context.Settings;
        statusWriter = new StatusWriter<V1Alpha1ClientCertificate>(client);
        privateCa = new PrivateCaSigner(context.Aws, context.Time);
        keys = new PendingPrivateKeyStore(secrets);
        writer = new CertificateSecretWriter(secrets);
        revocationLists = new SecretCaRevocationList(secrets, context.Time);
    }

    public async Task<Result> ReconcileAsync(Request request, CancellationToken cancellationToken)
    {
        var certificate = certificates.Get(request);
        if (certificate is null)
        {
            return Result.Done;
        }

        if (certificate.Metadata.DeletionTimestamp is not null)
        {
            await FinalizeAsync(certificate, cancellationToken).ConfigureAwait(false);
            return Result.Done;
        }

        certificate = await SyncFinalizerAsync(certificate, cancellationToken).ConfigureAwait(false);
        var desired = DesiredCertificate.From(certificate.Spec);
        if (desired.Problems.Count > 0)
        {
            return await NotReadyAsync(certificate, desired.Problems[0].Reason, SpecProblem.Describe(desired.Problems), cancellationToken).ConfigureAwait(false);
        }

        var issuer = LoadSecretAuthority(certificate);
        if (issuer.Problem is { } issuerProblem)
        {
            return await NotReadyAsync(certificate, issuerProblem.Reason, issuerProblem.Message, cancellationToken).ConfigureAwait(false);
        }

        using var authority = issuer.Authority;
        var secret = secretCache.Get(new Request(certificate.Metadata.NamespaceProperty, certificate.Spec.SecretName));
        if (secret is not null && CertificateSecretWriter.IsControlledByAnother(secret, certificate))
        {
            return await SecretConflictAsync(certificate, cancellationToken).ConfigureAwait(false);
        }

        if (certificate.Status?.PendingCertificateArn is { } pendingArn)
        {
            return await CollectPendingAsync(certificate, desired, secret, pendingArn, cancellationToken).ConfigureAwait(false);
        }

        var caSubject = SubjectOf(authority);
        var decision = IssuanceTrigger.Evaluate(SecretLabel(certificate), secret, desired, caSubject, time);
        if (decision is null)
        {
            return await InSyncAsync(certificate, secret!, desired, cancellationToken).ConfigureAwait(false);
        }

        if (IssuanceBackoff.NextAttempt(certificate.Status, certificate.Metadata.Generation, time.GetUtcNow()) is { } next)
        {
            await WriteStatusAsync(certificate, s => s, conditions => Set(conditions, certificate, ConditionTypes.Issuing, false, ClientCertificateReasons.Backoff,
                $"{certificate.Status!.FailedIssuanceAttempts} failed attempt(s), the last at {IssuanceTrigger.UtcText(certificate.Status.LastFailureTime!.Value)}; next attempt at {IssuanceTrigger.UtcText(next)}"), cancellationToken).ConfigureAwait(false);
            return RequeueAt(next);
        }

        // The caches may not show our own last writes yet; read both objects from the API before issuing, so a stale
        // view never costs a second certificate. A newer resource will be reconciled when its watch event arrives.
        var live = await client.GetAsync(certificate.Metadata.NamespaceProperty, certificate.Metadata.Name, cancellationToken).ConfigureAwait(false);
        if (live is null || live.Metadata.ResourceVersion != certificate.Metadata.ResourceVersion)
        {
            return live is null ? Result.Done : Result.After(settings.PollInterval);
        }

        secret = await secrets.GetAsync(certificate.Metadata.NamespaceProperty, certificate.Spec.SecretName, cancellationToken).ConfigureAwait(false);
        if (secret is not null && CertificateSecretWriter.IsControlledByAnother(secret, certificate))
        {
            return await SecretConflictAsync(certificate, cancellationToken).ConfigureAwait(false);
        }

        decision = IssuanceTrigger.Evaluate(SecretLabel(certificate), secret, desired, caSubject, time);
        if (decision is null)
        {
            return await InSyncAsync(certificate, secret!, desired, cancellationToken).ConfigureAwait(false);
        }

        return await IssueAsync(certificate, desired, issuer.CaSecret, authority, secret, decision, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Result> IssueAsync(V1Alpha1ClientCertificate certificate, DesiredCertificate desired, V1Secret? caSecret, SecretCertificateAuthority? authority, V1Secret? secret, IssuanceDecision decision, CancellationToken cancellationToken)
    {
        var reissue = certificate.Status?.Revision > 0 && decision.Reason != ClientCertificateReasons.Renewing;
        var message = reissue ? $"re-issuing because {decision.Message}" : $"issuing because {decision.Message}";
        var wasIssuing = Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Issuing);
        certificate = await WriteStatusAsync(certificate, s => s with { NextPrivateKeySecretName = SecretNames.PendingPrivateKey(certificate.Metadata.Name) }, conditions =>
        {
            Set(conditions, certificate, ConditionTypes.Issuing, true, decision.Reason, message);
            if (!decision.CurrentStillValid)
            {
                Set(conditions, certificate, ConditionTypes.Ready, false, decision.Reason, message);
            }
        }, cancellationToken).ConfigureAwait(false);
        if (!wasIssuing)
        {
            await events.RecordAsync(certificate, EventKind.Normal, decision.Reason, $"Secret {certificate.Spec.SecretName}: {message}", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            using var key = await keys.GetOrCreateAsync(certificate, desired.Key, secret, cancellationToken).ConfigureAwait(false);
            var csr = CertificateSigningRequestBuilder.Build(desired.Identity, key);
            if (authority is not null)
            {
                var issued = authority.Sign(csr, desired.Duration, time);
                await revocationLists.EnsureExistsAsync(caSecret!, authority, cancellationToken).ConfigureAwait(false);
                return await CompleteAsync(certificate, desired, secret, CertificateBundle.From(issued), key, cancellationToken).ConfigureAwait(false);
            }

            var revision = (certificate.Status?.Revision ?? 0) + 1;
            var token = PrivateCaSigner.IdempotencyToken(certificate.Metadata.Uid, revision, certificate.Metadata.Generation, certificate.Status?.FailedIssuanceAttempts ?? 0, key.ExportSubjectPublicKeyInfo());
            var arn = await privateCa.RequestAsync(certificate, csr, desired, token, cancellationToken).ConfigureAwait(false);

            // Recorded before the first poll: after a restart the reconcile collects this certificate instead of asking again.
            certificate = await WriteStatusAsync(certificate, s => s with { PendingCertificateArn = arn }, conditions =>
                Set(conditions, certificate, ConditionTypes.Issuing, true, ClientCertificateReasons.RequestInProgress, $"AWS Private CA is issuing {arn}"), cancellationToken).ConfigureAwait(false);
            return await CollectAsync(certificate, desired, secret, arn, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IssuanceFailure.Of(e) is { } failure)
        {
            return await FailedAsync(certificate, failure.Reason, failure.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Result> CollectPendingAsync(V1Alpha1ClientCertificate certificate, DesiredCertificate desired, V1Secret? secret, string arn, CancellationToken cancellationToken)
    {
        try
        {
            using var key = await keys.GetAsync(certificate, desired.Key, cancellationToken).ConfigureAwait(false);
            if (key is null)
            {
                // The key Secret was deleted, or spec.privateKey changed meanwhile: that certificate can never be used.
                // Not the CA's fault, so no failed attempt: start over with a new key.
                await WriteStatusAsync(certificate, s => s with { PendingCertificateArn = null }, conditions =>
                    Set(conditions, certificate, ConditionTypes.Issuing, true, ClientCertificateReasons.SpecChanged,
                        $"abandoned {arn}: the pending key Secret {SecretNames.PendingPrivateKey(certificate.Metadata.Name)} is gone or no longer fits spec.privateKey"), cancellationToken).ConfigureAwait(false);
                return Result.After(settings.PollInterval);
            }

            return await CollectAsync(certificate, desired, secret, arn, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IssuanceFailure.Of(e) is { } failure)
        {
            return await FailedAsync(certificate, failure.Reason, failure.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Result> CollectAsync(V1Alpha1ClientCertificate certificate, DesiredCertificate desired, V1Secret? secret, string arn, PrivateKey key, CancellationToken cancellationToken)
    {
        var bundle = await privateCa.CollectAsync(certificate, arn, cancellationToken).ConfigureAwait(false);
        if (bundle is null)
        {
            return Result.After(settings.PollInterval);
        }

        using (var leaf = X509Certificate2.CreateFromPem(bundle.TlsCrt))
        {
            if (!key.Matches(leaf))
            {
                throw new IssuanceFailedException(ClientCertificateReasons.IssuanceFailed,
                    $"certificate {arn} does not carry the public key of the pending private key; a new key and certificate will be requested");
            }
        }

        return await CompleteAsync(certificate, desired, secret, bundle, key, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Result> CompleteAsync(V1Alpha1ClientCertificate certificate, DesiredCertificate desired, V1Secret? secret, CertificateBundle bundle, PrivateKey key, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(certificate, secret, bundle, key.ExportPkcs8Pem(), desired.IssuerName, cancellationToken).ConfigureAwait(false);
        var facts = bundle.Facts;
        var renewal = desired.RenewalTime(facts.NotBefore, facts.NotAfter);
        var message = ReadyMessage(facts, renewal);
        certificate = await WriteStatusAsync(certificate, s => s with
        {
            CertificateArn = bundle.CertificateArn,
            PendingCertificateArn = null,
            NextPrivateKeySecretName = null,
            SerialNumber = facts.SerialNumber,
            NotBefore = facts.NotBefore,
            NotAfter = facts.NotAfter,
            RenewalTime = renewal,
            Revision = (s.Revision ?? 0) + 1,
            LastFailureTime = null,
            FailedIssuanceAttempts = null,
        }, conditions =>
        {
            Set(conditions, certificate, ConditionTypes.Ready, true, ClientCertificateReasons.Ready, message);
            Conditions.Remove(conditions, ConditionTypes.Issuing);
        }, cancellationToken).ConfigureAwait(false);
        await keys.DeleteAsync(certificate, cancellationToken).ConfigureAwait(false);
        await events.RecordAsync(certificate, EventKind.Normal, ClientCertificateReasons.Issued,
            $"Issued certificate {facts.SerialNumber} (revision {certificate.Status?.Revision}) into Secret {certificate.Spec.SecretName}; {message}", cancellationToken).ConfigureAwait(false);
        return RequeueAt(renewal);
    }

    private async Task<Result> InSyncAsync(V1Alpha1ClientCertificate certificate, V1Secret secret, DesiredCertificate desired, CancellationToken cancellationToken)
    {
        var facts = CertificateFacts.FromPem($"{SecretLabel(certificate)}/{IssuanceTrigger.CertificateKey}", IssuanceTrigger.Text(secret, IssuanceTrigger.CertificateKey)!);
        await writer.RepairMetadataAsync(certificate, secret, facts, desired.IssuerName, cancellationToken).ConfigureAwait(false);
        if (secretCache.Get(new Request(certificate.Metadata.NamespaceProperty, SecretNames.PendingPrivateKey(certificate.Metadata.Name))) is not null)
        {
            await keys.DeleteAsync(certificate, cancellationToken).ConfigureAwait(false);
        }

        var renewal = desired.RenewalTime(facts.NotBefore, facts.NotAfter);
        await WriteStatusAsync(certificate, s => s with
        {
            CertificateArn = s.SerialNumber == facts.SerialNumber ? s.CertificateArn : null,
            NextPrivateKeySecretName = null,
            SerialNumber = facts.SerialNumber,
            NotBefore = facts.NotBefore,
            NotAfter = facts.NotAfter,
            RenewalTime = renewal,
            LastFailureTime = null,
            FailedIssuanceAttempts = null,
        }, conditions =>
        {
            Set(conditions, certificate, ConditionTypes.Ready, true, ClientCertificateReasons.Ready, ReadyMessage(facts, renewal));
            Conditions.Remove(conditions, ConditionTypes.Issuing);
        }, cancellationToken).ConfigureAwait(false);
        return RequeueAt(renewal);
    }

    private async Task<Result> FailedAsync(V1Alpha1ClientCertificate certificate, string reason, string message, CancellationToken cancellationToken)
    {
        var attempts = (certificate.Status?.FailedIssuanceAttempts ?? 0) + 1;
        var now = time.GetUtcNow();
        var retryAt = now + IssuanceBackoff.Delay(attempts);
        var text = $"{message}; attempt {attempts} failed, next attempt at {IssuanceTrigger.UtcText(retryAt)} or when the spec changes";
        var stillValid = Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Ready);
        certificate = await WriteStatusAsync(certificate, s => s with
        {
            PendingCertificateArn = null,
            LastFailureTime = Truncate(now),
            FailedIssuanceAttempts = attempts,
        }, conditions =>
        {
            Set(conditions, certificate, ConditionTypes.Issuing, false, reason, text);
            if (!stillValid)
            {
                Set(conditions, certificate, ConditionTypes.Ready, false, reason, text);
            }
        }, cancellationToken).ConfigureAwait(false);
        await keys.DeleteAsync(certificate, cancellationToken).ConfigureAwait(false);
        await events.RecordAsync(certificate, EventKind.Warning, reason, text, cancellationToken).ConfigureAwait(false);
        return RequeueAt(retryAt);
    }

    private async Task<Result> NotReadyAsync(V1Alpha1ClientCertificate certificate, string reason, string message, CancellationToken cancellationToken)
    {
        var before = Conditions.Find(certificate.Status?.Conditions, ConditionTypes.Ready);
        var changed = before is null || before.Status != "False" || before.Reason != reason || before.Message != message;
        await WriteStatusAsync(certificate, s => s, conditions =>
        {
            Set(conditions, certificate, ConditionTypes.Ready, false, reason, message);
            Conditions.Remove(conditions, ConditionTypes.Issuing);
        }, cancellationToken).ConfigureAwait(false);
        if (changed)
        {
            await events.RecordAsync(certificate, EventKind.Warning, reason, message, cancellationToken).ConfigureAwait(false);
        }

        // Waits for the resource or a Secret it uses to change; both are watched.
        return Result.Done;
    }

    private Task<Result> SecretConflictAsync(V1Alpha1ClientCertificate certificate, CancellationToken cancellationToken) =>
        NotReadyAsync(certificate, ClientCertificateReasons.SecretConflict,
            $"spec.secretName: Secret {certificate.Spec.SecretName} is controlled by another object; choose another secretName or delete that Secret", cancellationToken);

    private async Task FinalizeAsync(V1Alpha1ClientCertificate certificate, CancellationToken cancellationToken)
    {
        if (!Finalizers.Has(certificate, WellKnownKeys.Finalizer))
        {
            return;
        }

        if (certificate.Spec.RevokeOnDelete && certificate.Status?.SerialNumber is { } serial)
        {
            await RevokeAsync(certificate, serial, cancellationToken).ConfigureAwait(false);
        }

        await Finalizers.RemoveAsync(client, certificate, WellKnownKeys.Finalizer, cancellationToken).ConfigureAwait(false);
    }

    private async Task RevokeAsync(V1Alpha1ClientCertificate certificate, string serial, CancellationToken cancellationToken)
    {
        var reason = PrivateCaSigner.WireName(certificate.Spec.RevocationReason);
        try
        {
            if (certificate.Spec.Issuer.PrivateCa is { } issuer)
            {
                var revoked = await privateCa.RevokeAsync(certificate, serial, cancellationToken).ConfigureAwait(false);
                await events.RecordAsync(certificate, EventKind.Normal, ClientCertificateReasons.Revoked, revoked
                    ? $"Revoked certificate {serial} in {issuer.Arn} ({reason}); it appears in the CA's next CRL"
                    : $"Certificate {serial} was already revoked in {issuer.Arn}", cancellationToken).ConfigureAwait(false);
                return;
            }

            var loaded = LoadSecretAuthority(certificate);
            using var authority = loaded.Authority;
            if (authority is null)
            {
                await events.RecordAsync(certificate, EventKind.Warning, ClientCertificateReasons.RevocationSkipped,
                    $"Certificate {serial} was not revoked: {loaded.Problem?.Message}", cancellationToken).ConfigureAwait(false);
                return;
            }

            await revocationLists.RevokeAsync(loaded.CaSecret!, authority, serial, SecretCaRevocationList.ReasonOf(certificate.Spec.RevocationReason), cancellationToken).ConfigureAwait(false);
            await events.RecordAsync(certificate, EventKind.Normal, ClientCertificateReasons.Revoked,
                $"Revoked certificate {serial} ({reason}) in the CRL of Secret {SecretNames.RevocationList(loaded.CaSecret!.Metadata.Name)}, key {SecretCaRevocationList.CrlKey}", cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException e)
        {
            // The certificate or its CA is gone: nothing is left to revoke, and holding the resource forever helps nobody.
            await events.RecordAsync(certificate, EventKind.Warning, ClientCertificateReasons.RevocationSkipped,
                $"Certificate {serial} was not revoked: {e.AwsMessage ?? e.Code}", cancellationToken).ConfigureAwait(false);
        }
        catch (AwsException e) when (!e.IsRetryable)
        {
            await events.RecordAsync(certificate, EventKind.Warning, ClientCertificateReasons.RevocationFailed,
                $"Revoking certificate {serial} failed, retrying: {e.Message}. Fix the permission or set revokeOnDelete: false to delete without revoking", cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<V1Alpha1ClientCertificate> SyncFinalizerAsync(V1Alpha1ClientCertificate certificate, CancellationToken cancellationToken)
    {
        // Only revokeOnDelete needs the finalizer; without it, deleting never waits for the operator.
        var wanted = certificate.Spec.RevokeOnDelete;
        var has = Finalizers.Has(certificate, WellKnownKeys.Finalizer);
        return wanted == has
            ? certificate
            : wanted
                ? await Finalizers.AddAsync(client, certificate, WellKnownKeys.Finalizer, cancellationToken).ConfigureAwait(false)
                : await Finalizers.RemoveAsync(client, certificate, WellKnownKeys.Finalizer, cancellationToken).ConfigureAwait(false);
    }

    private SecretAuthority LoadSecretAuthority(V1Alpha1ClientCertificate certificate)
    {
        if (certificate.Spec.Issuer.CaSecretRef is not { } reference)
        {
            return new SecretAuthority(null, null, null);
        }

        var field = $"spec.issuer.caSecretRef {reference.Name}";
        var caSecret = secretCache.Get(new Request(certificate.Metadata.NamespaceProperty, reference.Name));
        if (caSecret is null)
        {
            return new SecretAuthority(null, null, new SpecProblem(ClientCertificateReasons.CaSecretNotFound, field,
                $"spec.issuer.caSecretRef: Secret {certificate.Metadata.NamespaceProperty}/{reference.Name} does not exist; create it with the CA's tls.crt and tls.key"));
        }

        try
        {
            var authority = SecretCertificateAuthority.Load(field, IssuanceTrigger.Text(caSecret, IssuanceTrigger.CertificateKey) ?? string.Empty, IssuanceTrigger.Text(caSecret, IssuanceTrigger.PrivateKeyKey) ?? string.Empty, time);
            return new SecretAuthority(caSecret, authority, null);
        }
        catch (PkiException e)
        {
            return new SecretAuthority(caSecret, null, new SpecProblem(e.Reason, field, string.Join("; ", e.Problems.Select(p => p.ToString()))));
        }
    }

    private static X500DistinguishedName? SubjectOf(SecretCertificateAuthority? authority)
    {
        if (authority is null)
        {
            return null;
        }

        using var ca = X509Certificate2.CreateFromPem(authority.CertificatePem);
        return new X500DistinguishedName(ca.SubjectName.RawData);
    }

    private Task<V1Alpha1ClientCertificate> WriteStatusAsync(V1Alpha1ClientCertificate certificate, Func<ClientCertificateStatus, ClientCertificateStatus> change, Action<IList<V1Condition>> conditions, CancellationToken cancellationToken) =>
        statusWriter.UpdateAsync(certificate, copy =>
        {
            var status = change(copy.Status ?? new ClientCertificateStatus());
            var list = status.Conditions ?? new List<V1Condition>();
            conditions(list);
            copy.Status = status with { Conditions = list, ObservedGeneration = copy.Metadata.Generation };
        }, cancellationToken);

    private void Set(IList<V1Condition> conditions, V1Alpha1ClientCertificate certificate, string type, bool status, string reason, string message) =>
        Conditions.Set(conditions, type, status, reason, message, certificate.Metadata.Generation, time);

    private Result RequeueAt(DateTimeOffset when)
    {
        var wait = when - time.GetUtcNow();
        return Result.After(wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > MaxRequeue ? MaxRequeue : wait);
    }

    private static string ReadyMessage(CertificateFacts facts, DateTimeOffset renewal) =>
        $"certificate {facts.SerialNumber} is valid until {IssuanceTrigger.UtcText(facts.NotAfter)}; renewal at {IssuanceTrigger.UtcText(renewal)}";

    private static string SecretLabel(V1Alpha1ClientCertificate certificate) => $"{certificate.Metadata.NamespaceProperty}/{certificate.Spec.SecretName}";

    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private sealed record SecretAuthority(V1Secret? CaSecret, SecretCertificateAuthority? Authority, SpecProblem? Problem);
}
