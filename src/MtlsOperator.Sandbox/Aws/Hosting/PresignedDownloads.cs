using System.Collections.Concurrent;

namespace MtlsOperator.Sandbox.Aws.Hosting;

/// <summary>
/// Bytes published under unguessable URLs on the endpoint, standing in for the pre-signed S3 URLs that
/// ELBv2 returns from GetTrustStoreCaCertificatesBundle and GetTrustStoreRevocationContent.
/// </summary>
internal sealed class PresignedDownloads
{
    /// <summary>Path prefix of the download URLs.</summary>
    public const string PathPrefix = "/_aws-emulator/download/";

    private readonly ConcurrentDictionary<string, byte[]> contents = new(StringComparer.Ordinal);

    /// <summary>Base URI of the endpoint, set once the server listens.</summary>
    public Uri? BaseUri { get; set; }

    /// <summary>Publishes bytes and returns their URL.</summary>
    public Uri Publish(byte[] content)
    {
        var token = AwsIds.Hex(40);
        contents[token] = content;
        return new Uri(BaseUri ?? throw new InvalidOperationException("The endpoint is not listening yet."), PathPrefix + token);
    }

    /// <summary>The bytes behind a token, if published.</summary>
    public bool TryGet(string token, out byte[] content) => contents.TryGetValue(token, out content!);
}
