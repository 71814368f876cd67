using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MtlsOperator.Tests.ArgoCd;

/// <summary>Writes a YAML document as a Lua table literal, the shape Argo CD hands a health script as <c>obj</c>.</summary>
internal static class LuaTable
{
    public static string From(YamlNode node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(YamlNode node, StringBuilder text)
    {
        switch (node)
        {
            case YamlMappingNode map:
                text.Append('{');
                foreach (var (key, value) in map.Children)
                {
                    text.Append("[\"").Append(Escape(((YamlScalarNode)key).Value ?? string.Empty)).Append("\"]=");
                    Write(value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case YamlSequenceNode list:
                text.Append('{');
                foreach (var item in list.Children)
                {
                    Write(item, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case YamlScalarNode scalar:
                WriteScalar(scalar, text);
                break;
            default:
                throw new NotSupportedException(node.GetType().Name);
        }
    }

    // Plain scalars that look like numbers or booleans become Lua numbers and booleans, as JSON decoding would;
    // quoted scalars ("True") stay strings, as Kubernetes condition statuses are.
    private static void WriteScalar(YamlScalarNode scalar, StringBuilder text)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style == ScalarStyle.Plain)
        {
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                text.Append(number.ToString(CultureInfo.InvariantCulture));
                return;
            }

            if (value is "true" or "false")
            {
                text.Append(value);
                return;
            }
        }

        text.Append('"').Append(Escape(value)).Append('"');
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
}
