using Release.Sdk.Engine.ReleaseRun;

namespace Release.Sdk.Publish.NuGet;

/// <summary>Pushes one package and its symbols, by source kind (see <see cref="LocalFeed"/> for what folders need).</summary>
internal sealed class NuGetPusher(NuGetSettings settings, ReleaseContext context)
{
    private string? ApiKey => context.Variable(settings.ApiKeyVariable);

    private string? SymbolApiKey => context.Variable(settings.SymbolApiKeyVariable);

    public void Push(PackageFile package)
    {
        if (settings.Source.Kind == NuGetSourceKind.Folder) PushToFolder(package);
        else PushToServer(package);
    }

    private void PushToServer(PackageFile package)
    {
        // NuGet pushes the .snupkg next to the package itself: to the symbol source given, else where the source's service
        // index points (SymbolPackagePublish). A folder symbol source is a copy NuGet would silently skip.
        var symbolFolder = settings.Symbols && settings.SymbolSource is { Kind: NuGetSourceKind.Folder } folder ? folder : null;
        var symbolsTo = settings.SymbolSource is { } s && symbolFolder is null ? (s, SymbolApiKey) : ((NuGetSource, string?)?)null;
        var outcome = Run(package.Path, settings.Source, ApiKey, settings.Symbols && symbolFolder is null, symbolsTo, settings.ApiKeyVariable);
        context.Log(outcome == PushOutcome.AlreadyThere
            ? $"{package.Name} is already on {settings.Source.Display}; skipped."
            : $"Pushed {package.Name} to {settings.Source.Display}.");
        if (symbolFolder is not null) CopySymbols(package, symbolFolder);
    }

    private void PushToFolder(PackageFile package)
    {
        var folder = settings.Source.Value;
        if (LocalFeed.Contains(folder, package))
        {
            context.Log($"{package.Name} is already in {folder}; skipped.");
        }
        else
        {
            Directory.CreateDirectory(folder);
            Run(package.Path, settings.Source, apiKey: null, symbols: false, symbolsTo: null, settings.ApiKeyVariable);
            context.Log($"Pushed {package.Name} to {folder}.");
        }
        if (!settings.Symbols || package.SymbolPackage is not { } snupkg) return;
        switch (settings.SymbolSource)
        {
            case null:
                context.Log($"{Path.GetFileName(snupkg)} not pushed: a folder source keeps no symbol packages (set ReleaseNuGetSymbolSource).");
                break;
            case { Kind: NuGetSourceKind.Folder } symbolFolder:
                CopySymbols(package, symbolFolder);
                break;
            case var symbolServer:
                var outcome = Run(snupkg, symbolServer, SymbolApiKey, symbols: false, symbolsTo: null, settings.SymbolApiKeyVariable);
                context.Log($"{(outcome == PushOutcome.AlreadyThere ? "Already on" : "Pushed symbols to")} {symbolServer.Display}: {Path.GetFileName(snupkg)}.");
                break;
        }
    }

    private void CopySymbols(PackageFile package, NuGetSource folder)
    {
        if (package.SymbolPackage is not { } snupkg) return;
        context.Log(LocalFeed.CopySymbols(snupkg, folder.Value)
            ? $"Copied {Path.GetFileName(snupkg)} to {folder.Value}."
            : $"{Path.GetFileName(snupkg)} is already in {folder.Value}; skipped.");
    }

    private PushOutcome Run(string path, NuGetSource source, string? apiKey, bool symbols, (NuGetSource, string?)? symbolsTo, string keyVariable)
    {
        var arguments = NuGetPushCommand.Arguments(path, source, apiKey, settings.Timeout, symbols, symbolsTo);
        var secrets = new[] { ApiKey, SymbolApiKey }.OfType<string>().ToList();
        // The child gets a little longer than NuGet's own --timeout, so NuGet reports its timeout itself.
        var result = DotnetCommand.Run(arguments, context.WorkingDirectory, context.Environment, settings.Timeout + TimeSpan.FromSeconds(30), secrets);
        var outcome = NuGetPushCommand.Outcome(result, path, source, keyVariable, settings.Timeout);
        // NuGet's own lines (endpoints, status codes), already scrubbed of the keys, for whoever reads the release log.
        foreach (var line in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) context.Log($"  {line}");
        return outcome;
    }
}
