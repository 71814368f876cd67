using System.Globalization;
using System.Xml.Linq;

namespace MtlsOperator.Aws.Protocols;

/// <summary>Reads awsQuery XML replies by local name, so the service namespace does not matter.</summary>
public static class XmlReply
{
    /// <summary>The first child element named <paramref name="name"/>, or null.</summary>
    public static XElement? Child(this XElement element, string name)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.Elements().FirstOrDefault(e => e.Name.LocalName == name);
    }

    /// <summary>The text of child <paramref name="name"/>, or null when absent.</summary>
    public static string? Text(this XElement element, string name) => element.Child(name)?.Value;

    /// <summary>The text of child <paramref name="name"/> as a boolean, or null.</summary>
    public static bool? Flag(this XElement element, string name) =>
        element.Text(name) is { } text ? string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>The text of child <paramref name="name"/> as an integer, or null.</summary>
    public static long? Number(this XElement element, string name) =>
        long.TryParse(element.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The text of child <paramref name="name"/> as an ISO 8601 time, or null.</summary>
    public static DateTimeOffset? Timestamp(this XElement element, string name) =>
        DateTimeOffset.TryParse(element.Text(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    /// <summary>The <c>member</c> elements of list <paramref name="name"/>; empty when the list is absent.</summary>
    public static IEnumerable<XElement> Members(this XElement element, string name) =>
        element.Child(name)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];
}
