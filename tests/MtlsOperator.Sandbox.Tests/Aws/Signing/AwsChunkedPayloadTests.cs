using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Signing;

namespace MtlsOperator.Sandbox.Tests.Aws.Signing;

public sealed class AwsChunkedPayloadTests
{
    private const string AmzDate = "20261130T063000Z";
    private const string Scope = "20261130/eu-west-1/s3/aws4_request";
    private const string Seed = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    private static readonly byte[] Key = SigV4Verifier.SigningKey(AwsEmulatorCredentials.SecretAccessKey, "20261130", "eu-west-1", "s3");

    [Fact]
    public void Signed_chunks_and_trailer_decode_to_the_payload()
    {
        var body = SignedBody(["hello ", "world"], "x-amz-checksum-crc32:DUoRhQ==");

        var payload = AwsChunkedPayload.Decode(body, new ChunkSignatureChain(Key, AmzDate, Scope, Seed));

        Assert.Equal("hello world", Encoding.ASCII.GetString(payload));
    }

    [Fact]
    public void Altered_chunk_data_fails_its_chunk_signature()
    {
        var body = SignedBody(["hello ", "world"], null);
        var at = Encoding.ASCII.GetString(body).IndexOf("world", StringComparison.Ordinal);
        body[at] = (byte)'W';

        var error = Assert.Throws<SigV4Exception>(() => AwsChunkedPayload.Decode(body, new ChunkSignatureChain(Key, AmzDate, Scope, Seed)));

        Assert.Equal(AwsErrorKind.SignatureMismatch, error.Kind);
    }

    [Fact]
    public void Altered_trailer_fails_the_trailer_signature()
    {
        var body = SignedBody(["data"], "x-amz-checksum-crc32:AAAAAA==");
        var text = Encoding.ASCII.GetString(body).Replace("AAAAAA==", "BBBBBB==", StringComparison.Ordinal);

        Assert.Throws<SigV4Exception>(() => AwsChunkedPayload.Decode(Encoding.ASCII.GetBytes(text), new ChunkSignatureChain(Key, AmzDate, Scope, Seed)));
    }

    [Fact]
    public void Unsigned_trailer_framing_decodes_and_bad_framing_is_refused()
    {
        var body = Encoding.ASCII.GetBytes("5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n");

        Assert.Equal("hello", Encoding.ASCII.GetString(AwsChunkedPayload.Decode(body, null)));
        var error = Assert.Throws<AwsServiceException>(() => AwsChunkedPayload.Decode(Encoding.ASCII.GetBytes("zz\r\nhello\r\n"), null));
        Assert.Equal("IncompleteBody", error.Code);
    }

    // Builds the body the way the SDKs do (SigV4 streaming spec), independently of the decoder under test.
    private static byte[] SignedBody(string[] chunks, string? trailer)
    {
        var emptyHash = Convert.ToHexStringLower(SHA256.HashData([]));
        var previous = Seed;
        var builder = new StringBuilder();
        foreach (var chunk in chunks.Append(string.Empty))
        {
            var data = Encoding.ASCII.GetBytes(chunk);
            var toSign = $"AWS4-HMAC-SHA256-PAYLOAD\n{AmzDate}\n{Scope}\n{previous}\n{emptyHash}\n{Convert.ToHexStringLower(SHA256.HashData(data))}";
            previous = Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(toSign)));
            builder.Append(data.Length.ToString("x", CultureInfo.InvariantCulture)).Append(";chunk-signature=").Append(previous).Append("\r\n");
            if (data.Length > 0)
            {
                builder.Append(chunk).Append("\r\n");
            }
        }

        if (trailer is not null)
        {
            var toSign = $"AWS4-HMAC-SHA256-TRAILER\n{AmzDate}\n{Scope}\n{previous}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(trailer + "\n")))}";
            var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(toSign)));
            builder.Append(trailer).Append("\r\n").Append("x-amz-trailer-signature:").Append(signature).Append("\r\n");
        }

        builder.Append("\r\n");
        return Encoding.ASCII.GetBytes(builder.ToString());
    }
}
