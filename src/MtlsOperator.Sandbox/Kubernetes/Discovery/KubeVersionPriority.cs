using System.Text.RegularExpressions;

namespace MtlsOperator.Sandbox.Kubernetes.Discovery;

/// <summary>kube's version ordering: GA before beta before alpha, higher numbers first, then anything else alphabetically.</summary>
internal sealed partial class KubeVersionPriority : IComparer<string>
{
    public static KubeVersionPriority Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (kx, mx, nx) = Parse(x ?? "");
        var (ky, my, ny) = Parse(y ?? "");
        if (kx != ky)
        {
            return kx.CompareTo(ky);
        }

        if (kx == 3)
        {
            return string.CompareOrdinal(x, y);
        }

        return mx != my ? my.CompareTo(mx) : ny.CompareTo(nx);
    }

    private static (int Kind, int Major, int Minor) Parse(string version)
    {
        var match = Pattern().Match(version);
        if (!match.Success)
        {
            return (3, 0, 0);
        }

        var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var kind = match.Groups[2].Value switch { "" => 0, "beta" => 1, _ => 2 };
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (kind, major, minor);
    }

    [GeneratedRegex("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$")]
    private static partial Regex Pattern();
}
