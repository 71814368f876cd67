using System.Globalization;
using System.Text;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Signing;

/// <summary>Removes <c>aws-chunked</c> framing (S3 streaming uploads), checking chunk and trailer signatures when signed.</summary>
internal static class AwsChunkedPayload
{
    /// <summary>The concatenated chunk data; <paramref name="chain"/> is null for unsigned streaming.</summary>
    public static byte[] Decode(byte[] body, ChunkSignatureChain? chain)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (true)
        {
            var header = ReadLine(body, ref position);
            var semicolon = header.IndexOf(';', StringComparison.Ordinal);
            var sizeText = semicolon < 0 ? header : header[..semicolon];
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0 || position + size > body.Length)
            {
                throw Incomplete("malformed chunk header");
            }

            var data = body.AsSpan(position, size);
            if (chain is not null)
            {
                const string marker = "chunk-signature=";
                var at = header.IndexOf(marker, StringComparison.Ordinal);
                if (at < 0)
                {
                    throw Incomplete("chunk without chunk-signature");
                }

                chain.VerifyChunk(data, header[(at + marker.Length)..]);
            }

            output.Write(data);
            position += size;
            if (size == 0)
            {
                ReadTrailers(body, ref position, chain);
                return output.ToArray();
            }

            if (ReadLine(body, ref position).Length != 0)
            {
                throw Incomplete("chunk data longer than its declared size");
            }
        }
    }

    private static void ReadTrailers(byte[] body, ref int position, ChunkSignatureChain? chain)
    {
        var canonical = new StringBuilder();
        string? trailerSignature = null;
        while (position < body.Length)
        {
            var line = ReadLine(body, ref position);
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Incomplete("malformed trailer");
            }

            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (name == "x-amz-trailer-signature")
            {
                trailerSignature = value;
            }
            else
            {
                canonical.Append(name).Append(':').Append(value).Append('\n');
            }
        }

        if (chain is not null && canonical.Length > 0)
        {
            chain.VerifyTrailer(canonical.ToString(), trailerSignature ?? throw Incomplete("trailer without x-amz-trailer-signature"));
        }
    }

    private static string ReadLine(byte[] body, ref int position)
    {
        var start = position;
        for (var i = start; i + 1 < body.Length; i++)
        {
            if (body[i] == '\r' && body[i + 1] == '\n')
            {
                position = i + 2;
                return Encoding.ASCII.GetString(body, start, i - start);
            }
        }

        if (start >= body.Length)
        {
            return string.Empty;
        }

        throw Incomplete("chunk framing without CRLF");
    }

    private static AwsServiceException Incomplete(string what) =>
        new("IncompleteBody", $"The aws-chunked payload is malformed: {what}.");
}
