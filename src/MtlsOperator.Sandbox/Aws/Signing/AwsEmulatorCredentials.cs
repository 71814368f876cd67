namespace MtlsOperator.Sandbox.Aws.Signing;

/// <summary>The long-term key pair every emulator accepts (the documentation example keys).</summary>
public static class AwsEmulatorCredentials
{
    /// <summary>Access key id accepted by default.</summary>
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";

    /// <summary>Secret access key paired with <see cref="AccessKeyId"/>.</summary>
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
}
