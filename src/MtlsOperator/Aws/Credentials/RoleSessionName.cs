using System.Text;

namespace MtlsOperator.Aws.Credentials;

/// <summary>Builds AssumeRole session names that say which operator and resource acted (visible in CloudTrail).</summary>
public static class RoleSessionName
{
    private const int MaxLength = 64;

    /// <summary>
    /// <c>mtls-operator@namespace.name</c> reduced to the characters STS allows (<c>[\w+=,.@-]</c>) and to 64 characters.
    /// </summary>
    public static string For(string? resource)
    {
        var builder = new StringBuilder("mtls-operator");
        if (!string.IsNullOrWhiteSpace(resource))
        {
            builder.Append('@');
            foreach (var c in resource)
            {
                builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-' ? c : '.');
            }
        }

        return builder.Length <= MaxLength ? builder.ToString() : builder.ToString(0, MaxLength);
    }
}
