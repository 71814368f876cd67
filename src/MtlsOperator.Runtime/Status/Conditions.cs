using System.Diagnostics.CodeAnalysis;
using k8s.Models;

namespace MtlsOperator.Runtime.Status;

/// <summary>
/// Kubernetes condition conventions: one condition per type, <c>observedGeneration</c> says which spec it describes,
/// and <c>lastTransitionTime</c> moves only when <c>status</c> flips, so an unchanged condition writes nothing.
/// </summary>
public static class Conditions
{
    /// <summary>The condition of <paramref name="type"/>, or null.</summary>
    public static V1Condition? Find(IEnumerable<V1Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.Ordinal));

    /// <summary>True when the condition of <paramref name="type"/> has status "True".</summary>
    public static bool IsTrue(IEnumerable<V1Condition>? conditions, string type) =>
        string.Equals(Find(conditions, type)?.Status, "True", StringComparison.Ordinal);

    /// <summary>
    /// True when <paramref name="condition"/> has status "True" and was set for <paramref name="generation"/>: the controller
    /// has acted on the object's latest spec, not only on an older one.
    /// </summary>
    public static bool IsTrueAt([NotNullWhen(true)] V1Condition? condition, long? generation) =>
        condition is not null && string.Equals(condition.Status, "True", StringComparison.Ordinal) && condition.ObservedGeneration == generation;

    /// <summary>
    /// Sets the condition of <paramref name="type"/>; keeps the previous <c>lastTransitionTime</c> unless the status
    /// changed. Returns true when anything changed.
    /// </summary>
    public static bool Set(
        IList<V1Condition> conditions,
        string type,
        bool status,
        string reason,
        string message,
        long? observedGeneration,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(time);
        var statusText = status ? "True" : "False";
        var existing = Find(conditions, type);
        if (existing is null)
        {
            conditions.Add(new V1Condition
            {
                Type = type,
                Status = statusText,
                Reason = reason,
                Message = message,
                ObservedGeneration = observedGeneration,
                LastTransitionTime = Truncated(time.GetUtcNow()),
            });
            return true;
        }

        var changed = false;
        if (!string.Equals(existing.Status, statusText, StringComparison.Ordinal))
        {
            existing.Status = statusText;
            existing.LastTransitionTime = Truncated(time.GetUtcNow());
            changed = true;
        }

        if (!string.Equals(existing.Reason, reason, StringComparison.Ordinal))
        {
            existing.Reason = reason;
            changed = true;
        }

        if (!string.Equals(existing.Message, message, StringComparison.Ordinal))
        {
            existing.Message = message;
            changed = true;
        }

        if (existing.ObservedGeneration != observedGeneration)
        {
            existing.ObservedGeneration = observedGeneration;
            changed = true;
        }

        return changed;
    }

    /// <summary>Removes the condition of <paramref name="type"/>; true when there was one.</summary>
    public static bool Remove(IList<V1Condition> conditions, string type)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var existing = Find(conditions, type);
        return existing is not null && conditions.Remove(existing);
    }

    // The API serializes times to the second; keeping sub-seconds would make every comparison with the stored value fail.
    private static DateTime Truncated(DateTimeOffset now) =>
        new(now.UtcDateTime.Ticks - (now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
