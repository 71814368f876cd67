namespace MtlsOperator.Sandbox.Aws.Signing;

/// <summary>A parsed <c>AWS4-HMAC-SHA256</c> Authorization header.</summary>
internal sealed record SigV4Authorization(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    private static readonly string[] RequiredFields = ["Credential", "SignedHeaders", "Signature"];

    /// <summary>The credential scope, <c>date/region/service/aws4_request</c>.</summary>
    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    /// <summary>Parses the header; on failure <paramref name="error"/> says what is missing, as AWS does.</summary>
    public static SigV4Authorization? Parse(string header, out string error)
    {
        error = string.Empty;
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            error = $"Authorization header requires the '{Algorithm}' algorithm.";
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(Algorithm.Length + 1)..].Split(','))
        {
            var trimmed = part.Trim();
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields[trimmed[..equals]] = trimmed[(equals + 1)..];
            }
        }

        var missing = RequiredFields.Where(k => !fields.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            error = string.Join(' ', missing.Select(m => $"Authorization header requires '{m}' parameter.")) + $" Authorization={Algorithm}";
            return null;
        }

        var credential = fields["Credential"].Split('/');
        if (credential.Length != 5 || credential[4] != "aws4_request" || credential[1].Length != 8 || credential.Any(c => c.Length == 0))
        {
            error = $"Credential should be scoped to a valid region and service, with the form <key>/<date>/<region>/<service>/aws4_request, not '{string.Join('/', credential.Skip(1))}'.";
            return null;
        }

        var signature = fields["Signature"];
        if (signature.Length != 64 || !signature.All(char.IsAsciiHexDigitLower))
        {
            error = "Signature must be 64 lower-case hex characters.";
            return null;
        }

        var signed = fields["SignedHeaders"].Split(';', StringSplitOptions.RemoveEmptyEntries);
        return new SigV4Authorization(credential[0], credential[1], credential[2], credential[3], signed, signature);
    }
}
