using System.Globalization;

namespace MtlsOperator.Pki;

/// <summary>When a certificate is renewed, computed exactly as cert-manager does (pkg/util/pki/renewaltime.go).</summary>
public static class RenewalSchedule
{
    /// <summary>cert-manager's default spec.duration (90 days).</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(2160);

    /// <summary>Shortest spec.duration cert-manager accepts.</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromHours(1);

    /// <summary>Shortest renewBefore cert-manager accepts.</summary>
    public static readonly TimeSpan MinimumRenewBefore = TimeSpan.FromMinutes(5);

    private const long NanosecondsPerTick = 100;
    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>
    /// The instant to renew a certificate valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>:
    /// notAfter minus <see cref="RenewBefore"/>, truncated to the second (status fields hold whole seconds, and
    /// a finer value would requeue before the stored time).
    /// </summary>
    public static DateTimeOffset RenewalTime(DateTimeOffset notBefore, DateTimeOffset notAfter, TimeSpan? renewBefore = null, int? renewBeforePercentage = null)
    {
        var lifetime = Nanoseconds(notAfter) - Nanoseconds(notBefore);
        var before = RenewBeforeNanoseconds(lifetime, renewBefore, renewBeforePercentage);
        var renewal = Nanoseconds(notAfter) - before;
        renewal -= renewal % NanosecondsPerSecond;
        return new DateTimeOffset((long)(renewal / NanosecondsPerTick), TimeSpan.Zero);
    }

    /// <summary>
    /// How long before expiry to renew a certificate whose actual lifetime is <paramref name="lifetime"/>:
    /// renewBefore when it is positive and shorter than the lifetime; otherwise renewBeforePercentage of the
    /// lifetime when it is in (0, 100); otherwise one third of the lifetime. So a renewBefore at or beyond
    /// the certificate's lifetime (e.g. the CA clamped it) falls back to renewing two thirds through.
    /// </summary>
    public static TimeSpan RenewBefore(TimeSpan lifetime, TimeSpan? renewBefore = null, int? renewBeforePercentage = null) =>
        new((long)(RenewBeforeNanoseconds((Int128)lifetime.Ticks * NanosecondsPerTick, renewBefore, renewBeforePercentage) / NanosecondsPerTick));

    /// <summary>
    /// The spec problems cert-manager's webhook rejects: duration under 1h, renewBefore under 5m or not shorter than the
    /// duration, a percentage outside (0, 100) or giving under 5m, and both renewBefore and renewBeforePercentage set.
    /// </summary>
    /// <param name="duration">spec.duration; null means the 90-day default.</param>
    /// <param name="renewBefore">spec.renewBefore, if set.</param>
    /// <param name="renewBeforePercentage">spec.renewBeforePercentage, if set.</param>
    /// <param name="spec">The prefix of field paths in the problems.</param>
    public static IReadOnlyList<PkiProblem> Check(TimeSpan? duration, TimeSpan? renewBefore, int? renewBeforePercentage, string spec = "spec")
    {
        var problems = new List<PkiProblem>();
        var lifetime = duration ?? DefaultDuration;
        if (lifetime < MinimumDuration)
        {
            problems.Add(new PkiProblem(PkiProblemCode.InvalidDuration, $"{spec}.duration",
                $"is {Format(lifetime)}; a certificate duration must be at least {Format(MinimumDuration)}"));
        }

        if (renewBefore is not null && renewBeforePercentage is not null)
        {
            problems.Add(new PkiProblem(PkiProblemCode.InvalidRenewBefore, $"{spec}.renewBefore",
                "renewBefore and renewBeforePercentage are mutually exclusive; set only one"));
        }

        if (renewBefore is { } before)
        {
            if (before < MinimumRenewBefore)
            {
                problems.Add(new PkiProblem(PkiProblemCode.InvalidRenewBefore, $"{spec}.renewBefore",
                    $"is {Format(before)}; it must be at least {Format(MinimumRenewBefore)}"));
            }

            if (before >= lifetime)
            {
                problems.Add(new PkiProblem(PkiProblemCode.InvalidRenewBefore, $"{spec}.renewBefore",
                    $"is {Format(before)}; it must be shorter than the certificate duration {Format(lifetime)}"));
            }
        }

        if (renewBeforePercentage is { } percentage)
        {
            if (percentage is <= 0 or >= 100)
            {
                problems.Add(new PkiProblem(PkiProblemCode.InvalidRenewBeforePercentage, $"{spec}.renewBeforePercentage",
                    string.Create(CultureInfo.InvariantCulture, $"is {percentage}; it must be between 1 and 99")));
            }
            else if (RenewBefore(lifetime, null, percentage) < MinimumRenewBefore)
            {
                problems.Add(new PkiProblem(PkiProblemCode.InvalidRenewBeforePercentage, $"{spec}.renewBeforePercentage",
                    string.Create(CultureInfo.InvariantCulture, $"{percentage}% of {Format(lifetime)} is shorter than the minimum renewBefore of {Format(MinimumRenewBefore)}")));
            }
        }

        return problems;
    }

    private static Int128 RenewBeforeNanoseconds(Int128 lifetime, TimeSpan? renewBefore, int? renewBeforePercentage)
    {
        // Go's time.Duration is in nanoseconds; working in them keeps the integer divisions identical to cert-manager's.
        if (renewBefore is { } before && before > TimeSpan.Zero && (Int128)before.Ticks * NanosecondsPerTick < lifetime)
        {
            return (Int128)before.Ticks * NanosecondsPerTick;
        }

        if (renewBeforePercentage is > 0 and < 100)
        {
            return lifetime * renewBeforePercentage.Value / 100;
        }

        return lifetime / 3;
    }

    private static Int128 Nanoseconds(DateTimeOffset time) => (Int128)time.UtcTicks * NanosecondsPerTick;

    /// <summary>Formats like Go's time.Duration (<c>2160h0m0s</c>), the form users write in the spec.</summary>
    internal static string Format(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalHours}h{duration.Minutes}m{duration.Seconds}s");
}
