using System.Globalization;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Publish.NuGet;

/// <summary>
/// The "nuget" section of the release settings file, written by Release.Sdk.NuGet.targets from ReleaseNuGet*
/// properties and the pack output (the "packages" list).
/// </summary>
internal sealed record NuGetSettings
{
    public const string DefaultApiKeyVariable = "NUGET_API_KEY";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public required NuGetSource Source { get; init; }

    public required string ApiKeyVariable { get; init; }

    /// <summary>Where .snupkg files go when not where the source's service index says (null: NuGet decides).</summary>
    public NuGetSource? SymbolSource { get; init; }

    public required string SymbolApiKeyVariable { get; init; }

    /// <summary>False: no symbol package is pushed anywhere (ReleaseNuGetSymbols=false).</summary>
    public bool Symbols { get; init; } = true;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Full paths of the .nupkg files to push (the project's pack output for the released version).</summary>
    public IReadOnlyList<string> Packages { get; init; } = [];

    public static bool IsConfigured(JsonObject? section) => !string.IsNullOrWhiteSpace(Text(section, "source"));

    public static NuGetSettings Read(JsonObject? section, string workingDirectory)
    {
        var source = Text(section, "source") ?? throw new ReleaseException(DiagnosticCatalog.NuGetSettingInvalid,
            "No NuGet source is set. Set ReleaseNuGetSource to a service index URL, a folder or a nuget.config source name.");
        var apiKeyVariable = Variable(section, "apiKeyVariable", "ReleaseNuGetApiKeyVariable") ?? DefaultApiKeyVariable;
        return new NuGetSettings
        {
            Source = NuGetSource.Parse(source, "ReleaseNuGetSource", workingDirectory),
            ApiKeyVariable = apiKeyVariable,
            SymbolSource = Text(section, "symbolSource") is { } symbols ? NuGetSource.Parse(symbols, "ReleaseNuGetSymbolSource", workingDirectory) : null,
            SymbolApiKeyVariable = Variable(section, "symbolApiKeyVariable", "ReleaseNuGetSymbolApiKeyVariable") ?? apiKeyVariable,
            Symbols = Flag(section, "symbols", "ReleaseNuGetSymbols") ?? true,
            Timeout = Seconds(section, "timeout", "ReleaseNuGetTimeout") ?? DefaultTimeout,
            Packages = PackagePaths(section, workingDirectory),
        };
    }

    private static List<string> PackagePaths(JsonObject? section, string workingDirectory) =>
        (section?["packages"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(item => Text(item, "path") ?? Text(item, "spec"))
            .OfType<string>()
            .Select(path => Path.GetFullPath(path, workingDirectory))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string? Text(JsonObject? section, string key) =>
        section?[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    // A variable NAME, never a value: a key pasted here by mistake must not end up in a log, so the message does not echo it.
    private static string? Variable(JsonObject? section, string key, string property)
    {
        var name = Text(section, key);
        if (name is null) return null;
        if (name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0])) return name;
        throw new ReleaseException(DiagnosticCatalog.NuGetSettingInvalid,
            $"{property} must be the NAME of an environment variable (letters, digits, _), not the key itself. Put the key in a CI secret exposed as e.g. {DefaultApiKeyVariable} and set {property}={DefaultApiKeyVariable}.");
    }

    private static bool? Flag(JsonObject? section, string key, string property) => Text(section, key) switch
    {
        null => null,
        var t when bool.TryParse(t, out var b) => b,
        var t => throw new ReleaseException(DiagnosticCatalog.NuGetSettingInvalid, $"{property} is '{t}'; use true or false."),
    };

    private static TimeSpan? Seconds(JsonObject? section, string key, string property) => Text(section, key) switch
    {
        null => null,
        var t when int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 => TimeSpan.FromSeconds(s),
        var t => throw new ReleaseException(DiagnosticCatalog.NuGetSettingInvalid, $"{property} is '{t}'; use a whole number of seconds greater than 0 (default {(int)DefaultTimeout.TotalSeconds})."),
    };
}
