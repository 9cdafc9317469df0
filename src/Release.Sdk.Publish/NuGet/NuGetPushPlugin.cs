using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Publish.NuGet;

/// <summary>
/// Pushes the packages the project's pack produced for the released version (`dotnet nuget push --skip-duplicate`) to
/// ReleaseNuGetSource, with their symbol packages. Verify conditions checks the key is there (no network); verify release
/// checks the packages exist and carry the released version (before anything is tagged); publish pushes. Each pushed
/// package is journaled, and a rerun skips what the journal or the source (409 / file present) already has.
/// </summary>
internal sealed class NuGetPushPlugin : IReleasePlugin
{
    public const string PluginName = "nuget";

    /// <summary>Output key: the pushed packages as "Id@Version", comma separated.</summary>
    public const string PackagesOutput = "nuget-packages";

    public string Name => PluginName;

    /// <summary>The plugin when the settings name a source (ReleaseNuGetSource), else null.</summary>
    public static IReleasePlugin? Create(JsonObject? plugins) =>
        NuGetSettings.IsConfigured(plugins?[PluginName] as JsonObject) ? new NuGetPushPlugin() : null;

    public void VerifyConditions(ReleaseContext context)
    {
        var settings = NuGetSettings.Read(context.Settings, context.WorkingDirectory);
        RequireKey(context, settings.Source, settings.ApiKeyVariable, "ReleaseNuGetApiKeyVariable", "ReleaseNuGetSource");
        if (settings.Symbols && settings.SymbolSource is { } symbols)
            RequireKey(context, symbols, settings.SymbolApiKeyVariable, "ReleaseNuGetSymbolApiKeyVariable", "ReleaseNuGetSymbolSource");
    }

    public void VerifyRelease(ReleaseContext context)
    {
        var settings = NuGetSettings.Read(context.Settings, context.WorkingDirectory);
        if (settings.Packages.Count == 0)
            throw new ReleaseException(DiagnosticCatalog.NuGetPackageMissing,
                "ReleaseNuGetSource is set but the project produced no package to push. Make the project packable (IsPackable=true) and release with `dotnet pack -p:ReleaseCreate=true`, or unset ReleaseNuGetSource.");
        foreach (var path in settings.Packages)
        {
            if (context.DryRun && !File.Exists(path))
            {
                context.Log($"Would push {Path.GetFileName(path)} to {settings.Source.Display} (not packed in this dry run).");
                continue;
            }
            var package = Released(path, context.Version);
            context.Log($"{(context.DryRun ? "Would push" : "Will push")} {package.Name} to {settings.Source.Display}.");
        }
    }

    public void Publish(ReleaseContext context)
    {
        var settings = NuGetSettings.Read(context.Settings, context.WorkingDirectory);
        var pushed = new List<string>();
        foreach (var path in settings.Packages)
        {
            var package = Released(path, context.Version);
            var key = $"{PluginName}:push:{package.Name}";
            if (context.Journal.IsDone(key))
            {
                context.Log($"{package.Name} was pushed by an earlier run; skipped.");
            }
            else
            {
                new NuGetPusher(settings, context).Push(package);
                context.Journal.MarkDone(key, settings.Source.Display);
            }
            pushed.Add(package.Name);
        }
        if (pushed.Count > 0) context.Outputs[PackagesOutput] = string.Join(",", pushed);
    }

    /// <summary>The package at <paramref name="path"/>, which must be the released version (a stale pack output must never be pushed).</summary>
    private static PackageFile Released(string path, string? version)
    {
        var package = PackageFile.Read(path);
        if (version is not null && !package.IsVersion(version))
            throw new ReleaseException(DiagnosticCatalog.NuGetPackageMissing,
                $"{Path.GetFileName(path)} is version {package.Version.ToNormalizedString()}, but the release is {version}. Pack again in the release run (`dotnet pack -p:ReleaseCreate=true`) so the package carries the released version.");
        return package;
    }

    // An http(s) source always wants a key; a folder never; a nuget.config name may carry its own credentials.
    private static void RequireKey(ReleaseContext context, NuGetSource source, string variable, string variableProperty, string sourceProperty)
    {
        if (source.Kind != NuGetSourceKind.Http || context.Variable(variable) is not null) return;
        throw new ReleaseException(DiagnosticCatalog.NuGetApiKeyMissing,
            $"{sourceProperty} is {source.Display}, but the environment variable {variable} that should hold its API key is empty or unset. Expose the key to the release job as {variable} (a CI secret), or set {variableProperty} to the variable that holds it.");
    }
}
