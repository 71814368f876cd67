using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Signing;

/// <summary>Verifies Signature Version 4 on requests, including S3's payload modes (unsigned, streaming chunks, trailers).</summary>
internal sealed class SigV4Verifier
{
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    private const string StreamingSigned = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    private const string StreamingSignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    private const string StreamingUnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    private const string MismatchMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.";

    private readonly AwsCredentialStore credentials;
    private readonly TimeProvider time;

    public SigV4Verifier(AwsCredentialStore credentials, TimeProvider time)
    {
        this.credentials = credentials;
        this.time = time;
    }

    /// <summary>
    /// Checks the signature of a request and returns the credential that made it and the decoded payload.
    /// Throws <see cref="SigV4Exception"/> (or an S3 error) when the request must be refused.
    /// </summary>
    public (AwsCredential Credential, byte[] Payload) Verify(HttpRequest http, string rawTarget, SigV4Authorization auth, byte[] body)
    {
        if (!credentials.TryGet(auth.AccessKeyId, out var credential))
        {
            throw new SigV4Exception(AwsErrorKind.UnknownAccessKey, "The security token included in the request is invalid.");
        }

        if (credential.SessionToken is not null)
        {
            var token = http.Headers["X-Amz-Security-Token"].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(credential.SessionToken)))
            {
                throw new SigV4Exception(AwsErrorKind.UnknownAccessKey, "The security token included in the request is invalid.");
            }

            if (credential.Expiration is { } expiration && expiration <= time.GetUtcNow())
            {
                throw new SigV4Exception(AwsErrorKind.ExpiredToken, "The security token included in the request is expired");
            }
        }

        var amzDate = http.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length == 0)
        {
            throw new SigV4Exception(AwsErrorKind.IncompleteSignature, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (!auth.SignedHeaders.Contains("host"))
        {
            throw new SigV4Exception(AwsErrorKind.IncompleteSignature, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        if (!amzDate.StartsWith(auth.Date, StringComparison.Ordinal))
        {
            throw new SigV4Exception(AwsErrorKind.SignatureMismatch, $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{auth.Date}' != '{amzDate[..Math.Min(8, amzDate.Length)]}'");
        }

        var isS3 = auth.Service == "s3";
        var declaredHash = http.Headers["X-Amz-Content-SHA256"].ToString();
        if (isS3 && declaredHash.Length == 0)
        {
            throw new AwsServiceException("InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
        }

        var payloadHash = declaredHash.Length > 0 ? declaredHash : Hex(SHA256.HashData(body));
        var canonicalRequest = string.Join(
            '\n',
            http.Method,
            CanonicalUri(rawTarget, doubleEncode: !isS3),
            CanonicalQuery(rawTarget),
            CanonicalHeaders(http, auth.SignedHeaders),
            string.Join(';', auth.SignedHeaders),
            payloadHash);
        var signingKey = SigningKey(credential.SecretAccessKey, auth.Date, auth.Region, auth.Service);
        var stringToSign = $"{SigV4Authorization.Algorithm}\n{amzDate}\n{auth.Scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var expected = Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
        if (!FixedTimeEquals(expected, auth.Signature))
        {
            throw new SigV4Exception(AwsErrorKind.SignatureMismatch, MismatchMessage);
        }

        var payload = payloadHash switch
        {
            StreamingSigned or StreamingSignedTrailer =>
                AwsChunkedPayload.Decode(body, new ChunkSignatureChain(signingKey, amzDate, auth.Scope, auth.Signature)),
            StreamingUnsignedTrailer => AwsChunkedPayload.Decode(body, null),
            UnsignedPayload => body,
            _ when payloadHash.StartsWith("STREAMING-", StringComparison.Ordinal) =>
                throw new AwsServiceException("InvalidArgument", $"x-amz-content-sha256 value '{payloadHash}' is not supported by this endpoint"),
            _ => body,
        };

        if (declaredHash.Length > 0 && !declaredHash.StartsWith("STREAMING-", StringComparison.Ordinal) && declaredHash != UnsignedPayload
            && !FixedTimeEquals(declaredHash, Hex(SHA256.HashData(body))))
        {
            throw isS3
                ? new AwsServiceException("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.")
                : new SigV4Exception(AwsErrorKind.SignatureMismatch, MismatchMessage);
        }

        return (credential, payload);
    }

    /// <summary>The SigV4 signing key for a day, region and service.</summary>
    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    /// <summary>Lower-case hex.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>
    /// The canonical URI: S3 signs the path as sent; every other service signs it URI-encoded once more.
    /// </summary>
    public static string CanonicalUri(string rawTarget, bool doubleEncode)
    {
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawTarget : rawTarget[..question];
        if (path.Length == 0)
        {
            return "/";
        }

        return doubleEncode ? UriEncode(path, keepSlash: true) : path;
    }

    /// <summary>The canonical query: names and values decoded, RFC 3986-encoded, sorted by name then value.</summary>
    public static string CanonicalQuery(string rawTarget)
    {
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        if (question < 0 || question == rawTarget.Length - 1)
        {
            return string.Empty;
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var part in rawTarget[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add((UriEncode(Uri.UnescapeDataString(name), keepSlash: false), UriEncode(Uri.UnescapeDataString(value), keepSlash: false)));
        }

        return string.Join('&', pairs
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>RFC 3986 encoding as SigV4 defines it: unreserved characters kept, everything else %XX in upper case.</summary>
    public static string UriEncode(string text, bool keepSlash)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string CanonicalHeaders(HttpRequest http, IReadOnlyList<string> signedHeaders)
    {
        var builder = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            var values = http.Headers[name];
            var joined = string.Join(',', values.Select(v => CollapseSpaces(v ?? string.Empty)));
            builder.Append(name).Append(':').Append(joined).Append('\n');
        }

        return builder.ToString();
    }

    private static string CollapseSpaces(string value)
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

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
