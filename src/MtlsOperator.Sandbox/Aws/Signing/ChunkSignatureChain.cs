using System.Security.Cryptography;
using System.Text;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Signing;

/// <summary>Checks the chained per-chunk and trailer signatures of a streaming SigV4 payload.</summary>
internal sealed class ChunkSignatureChain
{
    private static readonly string EmptyHash = SigV4Verifier.Hex(SHA256.HashData([]));
    private readonly byte[] signingKey;
    private readonly string amzDate;
    private readonly string scope;
    private string previous;

    public ChunkSignatureChain(byte[] signingKey, string amzDate, string scope, string seedSignature)
    {
        this.signingKey = signingKey;
        this.amzDate = amzDate;
        this.scope = scope;
        previous = seedSignature;
    }

    /// <summary>Verifies the signature of the next chunk (the final chunk is empty).</summary>
    public void VerifyChunk(ReadOnlySpan<byte> data, string signature)
    {
        var stringToSign = $"AWS4-HMAC-SHA256-PAYLOAD\n{amzDate}\n{scope}\n{previous}\n{EmptyHash}\n{SigV4Verifier.Hex(SHA256.HashData(data))}";
        Check(stringToSign, signature);
    }

    /// <summary>Verifies the trailer signature over the canonical trailer lines (<c>name:value\n</c> each).</summary>
    public void VerifyTrailer(string canonicalTrailers, string signature)
    {
        var stringToSign = $"AWS4-HMAC-SHA256-TRAILER\n{amzDate}\n{scope}\n{previous}\n{SigV4Verifier.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalTrailers)))}";
        Check(stringToSign, signature);
    }

    private void Check(string stringToSign, string signature)
    {
        var expected = SigV4Verifier.Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            throw new SigV4Exception(AwsErrorKind.SignatureMismatch, "The request signature we calculated does not match the signature you provided (chunk signature).");
        }

        previous = expected;
    }
}
