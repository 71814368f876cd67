using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace MtlsOperator.Hosting;

/// <summary>
/// Where an HTTP endpoint listens, written as controller-runtime writes bind addresses: <c>:8080</c> (every interface),
/// <c>127.0.0.1:8080</c>, <c>[::1]:0</c> (port chosen at run time); <c>0</c> switches the endpoint off.
/// </summary>
public sealed record EndpointAddress(IPAddress? Host, int Port)
{
    /// <summary>Parses an address; false with a message for anything else.</summary>
    public static bool TryParse(string? text, out EndpointAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        error = null;
        text = text?.Trim();
        if (text is "0")
        {
            return true;
        }

        var colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon < 0
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = $"'{text}' is not a bind address: use :PORT, HOST:PORT or 0 to switch it off";
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        if (host.Length == 0)
        {
            address = new EndpointAddress(null, port);
            return true;
        }

        if (host == "localhost")
        {
            address = new EndpointAddress(IPAddress.Loopback, port);
            return true;
        }

        if (!IPAddress.TryParse(host, out var ip))
        {
            error = $"'{text}' is not a bind address: the host must be an IP address (or empty for every interface)";
            return false;
        }

        address = new EndpointAddress(ip, port);
        return true;
    }

    public override string ToString() => Host switch
    {
        null => $":{Port}",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } => $"[{Host}]:{Port}",
        _ => $"{Host}:{Port}",
    };
}
