using System.Security.Cryptography;

namespace MtlsOperator.Sandbox.Aws.Hosting;

/// <summary>Random identifiers in the alphabets AWS uses for each kind of resource.</summary>
internal static class AwsIds
{
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string UpperAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string VersionAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";

    /// <summary>Lower-case hex, as in ELBv2 resource ids and Private CA certificate ids.</summary>
    public static string Hex(int length) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((length + 1) / 2))[..length];

    /// <summary>Lower-case letters and digits, as in API Gateway ids.</summary>
    public static string Lower(int length) => RandomNumberGenerator.GetString(LowerAlphanumeric, length);

    /// <summary>Upper-case letters and digits, as in access key ids.</summary>
    public static string Upper(int length) => RandomNumberGenerator.GetString(UpperAlphanumeric, length);

    /// <summary>An S3 version id: 32 URL-safe characters.</summary>
    public static string S3Version() => RandomNumberGenerator.GetString(VersionAlphabet, 32);

    /// <summary>A request id in the UUID form AWS services return.</summary>
    public static string RequestId() => Guid.NewGuid().ToString();

    /// <summary>A base64 secret of <paramref name="bytes"/> random bytes.</summary>
    public static string Secret(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
}
