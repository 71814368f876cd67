using MtlsOperator.Sandbox.Cli;

namespace MtlsOperator.Tests.SandboxCli;

public sealed class SandboxArgumentsTests
{
    [Fact]
    public void Defaults_to_a_60_second_timeout_and_the_dot_sandbox_state_directory()
    {
        var arguments = SandboxArguments.Parse([], out var error);

        Assert.Null(error);
        Assert.NotNull(arguments);
        Assert.Equal(TimeSpan.FromSeconds(60), arguments.Timeout);
        Assert.Equal(".sandbox", arguments.StateDirectory);
        Assert.False(arguments.KeepRunning);
        Assert.False(arguments.NoOperator);
        Assert.Null(arguments.AwsEndpoint);
        Assert.Null(arguments.Samples);
    }

    [Fact]
    public void Reads_every_flag_in_both_spellings()
    {
        var arguments = SandboxArguments.Parse(
            ["--timeout", "90s", "--keep-running", "--state-dir=/tmp/s", "--aws-endpoint", "http://localhost:4566", "--samples", "my/samples"],
            out var error);

        Assert.Null(error);
        Assert.NotNull(arguments);
        Assert.Equal(TimeSpan.FromSeconds(90), arguments.Timeout);
        Assert.True(arguments.KeepRunning);
        Assert.Equal("/tmp/s", arguments.StateDirectory);
        Assert.Equal(new Uri("http://localhost:4566"), arguments.AwsEndpoint);
        Assert.Equal("my/samples", arguments.Samples);
    }

    [Theory]
    [InlineData("45", 45)]
    [InlineData("2m", 120)]
    [InlineData("1m30s", 90)]
    public void Timeout_is_seconds_or_a_go_duration(string text, int seconds)
    {
        var arguments = SandboxArguments.Parse(["--timeout", text], out _);

        Assert.Equal(TimeSpan.FromSeconds(seconds), arguments!.Timeout);
    }

    [Fact]
    public void No_operator_keeps_the_emulators_running()
    {
        var arguments = SandboxArguments.Parse(["--no-operator"], out _);

        Assert.True(arguments!.NoOperator);
        Assert.True(arguments.KeepRunning);
    }

    [Theory]
    [InlineData("--timeout", "soon", "--timeout: 'soon' is not a positive duration")]
    [InlineData("--timeout", "0", "--timeout: '0' is not a positive duration")]
    [InlineData("--aws-endpoint", "localhost:4566", "--aws-endpoint: 'localhost:4566' is not an http(s) URL")]
    [InlineData("--state-dir", "", "--state-dir needs a directory")]
    [InlineData("--frobnicate", "x", "unknown option '--frobnicate'")]
    public void Rejects_bad_flags_naming_the_flag(string flag, string value, string expected)
    {
        var arguments = SandboxArguments.Parse([flag, value], out var error);

        Assert.Null(arguments);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_missing_its_value_is_an_error()
    {
        var arguments = SandboxArguments.Parse(["--samples"], out var error);

        Assert.Null(arguments);
        Assert.Equal("--samples needs a directory", error);
    }
}
