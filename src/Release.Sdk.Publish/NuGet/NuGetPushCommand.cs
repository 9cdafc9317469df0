using System.Globalization;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Publish.NuGet;

/// <summary>What one `dotnet nuget push` did.</summary>
internal enum PushOutcome
{
    Pushed,

    /// <summary>The source already had this id and version (HTTP 409, turned into success by --skip-duplicate).</summary>
    AlreadyThere,
}

/// <summary>
/// Builds the `dotnet nuget push` command line for one package and reads its result. The API key goes only into the
/// child's arguments; every message made here has it redacted (the runner scrubs the child's output).
/// </summary>
internal static class NuGetPushCommand
{
    /// <param name="symbolsTo">Null: NuGet pushes the .snupkg lying next to the package where the source's service index
    /// says (SymbolPackagePublish), if anywhere. Otherwise the explicit symbol source and its key.</param>
    public static List<string> Arguments(string package, NuGetSource source, string? apiKey, TimeSpan timeout,
        bool symbols, (NuGetSource Source, string? ApiKey)? symbolsTo)
    {
        var arguments = new List<string> { "nuget", "push", package, "--source", source.Value };
        // A folder "push" is a copy that overwrites: NuGet warns that it can't skip duplicates, and the plugin checks itself.
        if (source.Kind != NuGetSourceKind.Folder) arguments.Add("--skip-duplicate");
        arguments.AddRange(["--timeout", ((int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture)]);
        if (apiKey is not null) arguments.AddRange(["--api-key", apiKey]);
        if (!symbols)
        {
            arguments.Add("--no-symbols");
        }
        else if (symbolsTo is { } target)
        {
            arguments.AddRange(["--symbol-source", target.Source.Value]);
            if (target.ApiKey is not null) arguments.AddRange(["--symbol-api-key", target.ApiKey]);
        }
        return arguments;
    }

    /// <summary>Reads a finished push; throws the coded error that says what to do when it failed.</summary>
    public static PushOutcome Outcome(DotnetResult result, string package, NuGetSource source, string apiKeyVariable, TimeSpan timeout)
    {
        var name = Path.GetFileName(package);
        if (!result.Started)
            throw new ReleaseException(DiagnosticCatalog.NuGetPushFailed, $"Pushing {name} to {source.Display} failed: {result.Output} Make sure the dotnet CLI is on PATH.");
        if (result.TimedOut)
            throw new ReleaseException(DiagnosticCatalog.NuGetPushFailed,
                $"Pushing {name} to {source.Display} did not finish within {(int)timeout.TotalSeconds} s. Check that the source is reachable, raise ReleaseNuGetTimeout if the package is large, and rerun the release: packages already pushed are skipped.");
        var output = result.Output;
        if (result.ExitCode == 0)
            return output.Contains("already exists at feed", StringComparison.OrdinalIgnoreCase) ? PushOutcome.AlreadyThere : PushOutcome.Pushed;

        var tail = DotnetCommand.Tail(output);
        if (output.Contains("requires HTTPS sources", StringComparison.OrdinalIgnoreCase))
            throw new ReleaseException(DiagnosticCatalog.NuGetSettingInvalid,
                $"NuGet refuses to push {name} to the plain-HTTP source {source.Display}. Use an https:// source, or declare this source in nuget.config with allowInsecureConnections=\"true\".\n{tail}");
        if (IsUnauthorized(output))
            throw new ReleaseException(DiagnosticCatalog.NuGetPushUnauthorized,
                $"{source.Display} refused the API key from ${apiKeyVariable} while pushing {name}. Check that the key is current, is allowed to push this package id (key scopes / glob patterns), and that ReleaseNuGetApiKeyVariable names the right variable; then rerun the release.\n{tail}");
        throw new ReleaseException(DiagnosticCatalog.NuGetPushFailed,
            $"Pushing {name} to {source.Display} failed (dotnet nuget push exited with {result.ExitCode}). Check the source URL and that it is reachable, then rerun the release: packages already pushed are skipped.\n{tail}");
    }

    private static bool IsUnauthorized(string output) =>
        output.Contains("401 (Unauthorized)", StringComparison.OrdinalIgnoreCase) ||
        output.Contains("403 (Forbidden)", StringComparison.OrdinalIgnoreCase) ||
        output.Contains("api key is invalid", StringComparison.OrdinalIgnoreCase);
}
