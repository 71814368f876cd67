using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MtlsOperator.Aws.Credentials;

namespace MtlsOperator.Aws.Signing;

/// <summary>
/// AWS Signature Version 4 for an <see cref="HttpRequestMessage"/> whose body is already in memory.
/// AWSSDK.Core's signer only signs its own internal request type, so this follows the published algorithm
/// and is checked against the AWS SigV4 test-suite examples.
/// </summary>
public static class SigV4Signer
{
    /// <summary>The algorithm name in the Authorization header.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    // Headers a proxy or HttpClient may add or change after signing; signing them would break the signature.
    private static readonly HashSet<string> UnsignedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "user-agent", "expect", "connection", "content-length", "transfer-encoding", "x-amzn-trace-id", "keep-alive", "te", "upgrade",
    };

    /// <summary>Adds X-Amz-Date, X-Amz-Security-Token (if any) and Authorization to <paramref name="request"/>.</summary>
    /// <remarks><c>doubleEncodePath</c>: True for every service but S3: the canonical URI encodes the already-encoded path again.</remarks>
    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, SigningCredentials credentials, string region, string service, DateTimeOffset now, bool doubleEncodePath = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];

        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.Remove("X-Amz-Security-Token");
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.SessionToken);
        }

        request.Headers.Host ??= uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";

        var scope = $"{date}/{region}/{service}/aws4_request";
        var (canonicalRequest, signedHeaders) = CanonicalRequest(request, uri, body, doubleEncodePath);
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(SigningKey(credentials.SecretAccessKey, date, region, service), Encoding.UTF8.GetBytes(stringToSign)));

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    /// <summary>The canonical request and signed-header list, as in step 1 of the SigV4 documentation.</summary>
    public static (string CanonicalRequest, string SignedHeaders) CanonicalRequest(HttpRequestMessage request, Uri uri, ReadOnlySpan<byte> body, bool doubleEncodePath)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(uri);
        var headers = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        void Collect(IEnumerable<KeyValuePair<string, IEnumerable<string>>> source)
        {
            foreach (var (name, values) in source)
            {
                if (UnsignedHeaders.Contains(name))
                {
                    continue;
                }

                var key = name.ToLowerInvariant();
                if (!headers.TryGetValue(key, out var list))
                {
                    headers[key] = list = [];
                }

                list.AddRange(values.Select(TrimHeaderValue));
            }
        }

        Collect(request.Headers.NonValidated.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value)));
        if (request.Content is not null)
        {
            Collect(request.Content.Headers.NonValidated.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value)));
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var (name, values) in headers)
        {
            canonicalHeaders.Append(name).Append(':').AppendJoin(',', values).Append('\n');
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var path = uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath;
        var canonicalPath = doubleEncodePath ? string.Join('/', path.Split('/').Select(s => AwsUriEncoding.Encode(s))) : path;
        var payloadHash = request.Headers.TryGetValues("X-Amz-Content-SHA256", out var declared) ? declared.First() : HexSha256(body);
        var canonical = $"{request.Method.Method}\n{canonicalPath}\n{CanonicalQuery(uri.Query)}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";
        return (canonical, signedHeaders);
    }

    /// <summary>Lower-case hex SHA-256, as SigV4 uses for payloads and canonical requests.</summary>
    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var pairs = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? p : p[..eq];
                var value = eq < 0 ? string.Empty : p[(eq + 1)..];
                return (Name: AwsUriEncoding.Encode(Uri.UnescapeDataString(name)), Value: AwsUriEncoding.Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    private static string TrimHeaderValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value.Trim())
        {
            var space = c == ' ';
            if (!(space && previousSpace))
            {
                builder.Append(c);
            }

            previousSpace = space;
        }

        return builder.ToString();
    }

    private static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }
}
