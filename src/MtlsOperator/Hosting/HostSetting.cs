using System.Globalization;
using System.Text;

namespace MtlsOperator.Hosting;

/// <summary>
/// One setting of <c>run</c> and its three spellings: the flag (<c>--leader-election-lease</c>), the environment variable
/// (<c>MTLS_OPERATOR_LEADER_ELECTION_LEASE</c>) and the key under <c>Operator</c> in appsettings.json (<c>leaderElectionLease</c>).
/// </summary>
public sealed record HostSetting(string Flag, string Usage, bool IsSwitch = false)
{
    /// <summary>The environment variable prefix.</summary>
    public const string EnvironmentPrefix = "MTLS_OPERATOR_";

    /// <summary>The flag with its dashes, e.g. <c>--workers</c>.</summary>
    public string Option => "--" + Flag;

    /// <summary>The environment variable, e.g. <c>MTLS_OPERATOR_WORKERS</c>.</summary>
    public string EnvironmentVariable => EnvironmentPrefix + Flag.Replace('-', '_').ToUpperInvariant();

    /// <summary>The appsettings.json key under <c>Operator</c>, e.g. <c>resyncPeriod</c>.</summary>
    public string JsonKey
    {
        get
        {
            var key = new StringBuilder();
            var upper = false;
            foreach (var c in Flag)
            {
                if (c == '-')
                {
                    upper = true;
                    continue;
                }

                key.Append(upper ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
                upper = false;
            }

            return key.ToString();
        }
    }
}
