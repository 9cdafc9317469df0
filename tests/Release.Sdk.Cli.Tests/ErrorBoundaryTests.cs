using Release.Sdk.Cli.Commands;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Cli.Tests;

/// <summary>The CLI's error boundary, driven directly: outcomes a real repository cannot easily produce.</summary>
public sealed class ErrorBoundaryTests
{
    [Fact]
    public void UnexpectedExceptionIsReportedAsRsdk0002WithExitCodeOne()
    {
        var (context, stdout, stderr) = Context();

        var exitCode = CommandAction.Run(context, () => throw new InvalidOperationException("boom"), _ => { });

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith("error RSDK0002: Unexpected internal error: InvalidOperationException: boom (", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseExceptionKeepsItsCodeAndMessage()
    {
        var (context, _, stderr) = Context();

        var exitCode = CommandAction.Run(context,
            () => throw new ReleaseException(DiagnosticCatalog.ShallowCloneMissingHistory, "Fetch with fetch-depth: 0."), _ => { });

        Assert.Equal(1, exitCode);
        Assert.Equal($"error RSDK2001: Fetch with fetch-depth: 0. ({DiagnosticCatalog.ShallowCloneMissingHistory.HelpLink})", stderr.ToString().TrimEnd());
    }

    [Fact]
    public void WarningsGoToStderrAndTheResultToStdout()
    {
        var (context, stdout, stderr) = Context();
        var decision = new VersionDecision
        {
            BuildVersion = "1.0.0-alpha.0.1+abc1234",
            Diagnostics = [new Diagnostic(DiagnosticCatalog.DetachedHeadNoBranch, "HEAD is detached.")],
        };

        var exitCode = CommandAction.Run(context, () => decision, d => context.Out.Write(d.BuildVersion));

        Assert.Equal(0, exitCode);
        Assert.Equal("1.0.0-alpha.0.1+abc1234", stdout.ToString());
        Assert.StartsWith("warning RSDK2003: HEAD is detached. (", stderr.ToString(), StringComparison.Ordinal);
    }

    private static (CliContext Context, StringWriter Out, StringWriter Error) Context()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (new CliContext(stdout, stderr, new Dictionary<string, string?>()), stdout, stderr);
    }
}
