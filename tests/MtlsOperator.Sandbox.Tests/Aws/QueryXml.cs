using System.Xml.Linq;

namespace MtlsOperator.Sandbox.Tests.Aws;

/// <summary>Reads awsQuery replies in tests by local name, ignoring the service namespace.</summary>
internal static class QueryXml
{
    public static IEnumerable<XElement> All(this XElement root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

    public static string? Value(this XElement root, string name) => root.All(name).FirstOrDefault()?.Value;

    public static string? ErrorCode(this XElement root) => root.Value("Code");
}
