using System.Security.Cryptography;
using System.Text;

namespace MtlsOperator.Aws.Credentials;

/// <summary>Builds AssumeRole session names that say which operator and resource acted (visible in CloudTrail).</summary>
public static class RoleSessionName
{
    private const int MaxLength = 64;

    /// <summary>
    /// <c>mtls-operator@namespace.name</c> reduced to the characters STS allows (<c>[\w+=,.@-]</c>) and to 64 characters (long names end in a hash).
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

        if (builder.Length <= MaxLength)
        {
            return builder.ToString();
        }

        // Long names keep their readable start and end with a hash of the whole, so distinct resources stay distinct.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())))[..8];
        return builder.ToString(0, MaxLength - hash.Length - 1) + "-" + hash;
    }
}
