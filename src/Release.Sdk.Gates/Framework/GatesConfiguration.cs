using System.Globalization;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Gates.Framework;

/// <summary>
/// Reads the gates configuration: the settings file's <c>plugins.gates</c> section (written by the package's targets
/// from ReleaseGatesXxx properties and ReleaseGate items) and, beneath it, the <c>gates</c> object of .releaserc.json
/// (same keys). MSBuild wins key by key; gates of the same name are merged with the MSBuild item's metadata winning.
/// Shape (every key optional; values are strings, .releaserc may use numbers and booleans):
/// <code>{ "mode": "block|report", "parallelism": "2", "timeout": "600", "inNotes": "true", "output": "obj",
///   "project": "src/App/App.csproj", "baseDirectory": "/repo/src/App", "gates": [ { "spec": "coverage", "kind": "coverage", "threshold": "85", … } ] }</code>
/// </summary>
internal static class GatesConfiguration
{
    /// <summary>Keys the item-to-JSON writer adds that are not metadata.</summary>
    private static readonly HashSet<string> ItemKeys = new(StringComparer.OrdinalIgnoreCase) { "spec", "path", "name" };

    /// <param name="knownKinds">The kinds that exist (default: <see cref="GateCatalog.Kinds"/>).</param>
    public static (GatesOptions Options, IReadOnlyList<GateDefinition> Gates) Read(JsonObject? msbuild, JsonObject? releaserc, IReadOnlyCollection<string>? knownKinds = null)
    {
        knownKinds ??= GateCatalog.Kinds;
        string? Value(string key) => Text(msbuild?[key]) ?? Text(releaserc?[key]);

        var options = new GatesOptions(
            Mode: ParseMode(Value("mode")),
            Parallelism: ParseParallelism(Value("parallelism")),
            DefaultTimeout: ParseTimeout(Value("timeout"), "ReleaseGateTimeout") ?? GatesOptions.StandardTimeout,
            InNotes: ParseBool(Value("inNotes"), "ReleaseGatesInNotes") ?? false,
            OutputDirectory: Value("output"),
            Project: Value("project"));

        var items = new List<Dictionary<string, string>>();
        items.AddRange(Items(releaserc?["gates"], ".releaserc.json gates.gates", baseDirectory: null));
        items.AddRange(Items(msbuild?["gates"], "ReleaseGate items", Text(msbuild?["baseDirectory"])));
        var gates = Merge(items).Select(item => Define(item, options, knownKinds)).OfType<GateDefinition>().ToList();
        return (options, gates);
    }

    /// <summary>Merges entries of the same name: later (MSBuild) entries win, an explicit item beats a property-enabled one.</summary>
    private static IEnumerable<Dictionary<string, string>> Merge(List<Dictionary<string, string>> items)
    {
        var byName = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var item in items)
        {
            var name = item["name"];
            if (!byName.TryGetValue(name, out var existing))
            {
                byName[name] = item;
                order.Add(name);
                continue;
            }
            var itemFromProperty = IsFromProperty(item);
            var existingFromProperty = IsFromProperty(existing);
            if (!itemFromProperty && !existingFromProperty && SameOrigin(existing, item))
            {
                throw new ReleaseException(DiagnosticCatalog.DuplicateGateName,
                    $"Two ReleaseGate items are named '{name}'. Gate names must be unique: rename one (Include=\"{name}-2\" Kind=\"…\"), or remove the duplicate.");
            }
            var (winner, loser) = itemFromProperty && !existingFromProperty ? (existing, item) : (item, existing);
            var merged = new Dictionary<string, string>(loser, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in winner) merged[key] = value;
            if (!(itemFromProperty && existingFromProperty)) merged.Remove(GateMetadata.Source);
            byName[name] = merged;
        }
        return order.Select(name => byName[name]);
    }

    private static bool IsFromProperty(Dictionary<string, string> item) =>
        item.TryGetValue(GateMetadata.Source, out var source) && source.Equals("property", StringComparison.OrdinalIgnoreCase);

    private static bool SameOrigin(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.TryGetValue("_origin", out var x) && b.TryGetValue("_origin", out var y) && x == y;

    private static GateDefinition? Define(Dictionary<string, string> item, GatesOptions options, IReadOnlyCollection<string> knownKinds)
    {
        var name = item["name"];
        item.Remove("_origin");
        if (ParseBool(Get(item, GateMetadata.Enabled), $"ReleaseGate '{name}' Enabled") == false) return null;

        var kind = Get(item, GateMetadata.Kind) ?? (Get(item, GateMetadata.Command) is not null ? GateKinds.Command : name);
        kind = kind.Trim().ToLowerInvariant();
        if (!knownKinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
        {
            throw new ReleaseException(DiagnosticCatalog.UnknownGateKind,
                $"ReleaseGate '{name}' has kind '{kind}', which Release.Sdk does not know. Known kinds: {string.Join(", ", knownKinds.Order(StringComparer.Ordinal))}. " +
                $"Set Kind=\"…\" to one of them, or give the item a Command=\"…\" to make it a custom command gate.");
        }

        var group = Get(item, GateMetadata.ExclusiveGroup) is { } explicitGroup
            ? explicitGroup.Equals(GateMetadata.NoGroup, StringComparison.OrdinalIgnoreCase) ? null : explicitGroup
            : GateMetadata.DefaultGroup(kind);
        var settings = item.Where(pair => !ItemKeys.Contains(pair.Key))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        return new GateDefinition(
            name,
            kind,
            settings,
            Blocking: ParseBool(Get(item, GateMetadata.Blocking), $"ReleaseGate '{name}' Blocking") ?? true,
            Timeout: ParseTimeout(Get(item, GateMetadata.Timeout), $"ReleaseGate '{name}' Timeout") ?? options.DefaultTimeout,
            ExclusiveGroup: group);
    }

    private static IEnumerable<Dictionary<string, string>> Items(JsonNode? node, string origin, string? baseDirectory)
    {
        if (node is null) yield break;
        if (node is not JsonArray array)
            throw Invalid($"{origin}: 'gates' must be an array of objects, e.g. [{{\"name\": \"docs\", \"kind\": \"docs\"}}].");
        foreach (var entry in array)
        {
            if (entry is not JsonObject obj) throw Invalid($"{origin}: every entry of 'gates' must be an object.");
            var item = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in obj)
            {
                if (Text(value) is { } text) item[key] = text;
            }
            var name = Get(item, "spec") ?? Get(item, "name")
                ?? throw Invalid($"{origin}: a gate has no name (\"name\" in .releaserc.json, the Include of a ReleaseGate item).");
            item["name"] = name.Trim();
            item["_origin"] = origin;
            if (baseDirectory is not null) item[GateMetadata.BaseDirectory] = baseDirectory;
            yield return item;
        }
    }

    private static string? Get(Dictionary<string, string> item, string key) =>
        item.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text) ? null : text,
        JsonValue value => value.ToJsonString(),
        _ => throw Invalid($"'{node.GetPath()}' must be a string, number or boolean, not {node.ToJsonString()}."),
    };

    private static GatesMode ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "block" => GatesMode.Block,
        "report" => GatesMode.Report,
        _ => throw new ReleaseException(DiagnosticCatalog.GateSettingInvalid,
            $"ReleaseGatesMode='{text}' is not a mode. Use 'block' (a failed gate stops the release; the default) or 'report' (report only)."),
    };

    private static int ParseParallelism(string? text)
    {
        if (text is null) return GatesOptions.StandardParallelism;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new ReleaseException(DiagnosticCatalog.GateSettingInvalid,
                $"ReleaseGatesParallelism='{text}' must be a whole number of gates run at once, 1 or more.");
    }

    internal static bool? ParseBool(string? text, string what)
    {
        if (text is null) return null;
        return bool.TryParse(text.Trim(), out var value)
            ? value
            : throw new ReleaseException(DiagnosticCatalog.GateSettingInvalid, $"{what}='{text}' must be true or false.");
    }

    /// <summary>Seconds ("600"), a suffixed span ("90s", "15m", "1h") or hh:mm:ss.</summary>
    internal static TimeSpan? ParseTimeout(string? text, string what)
    {
        if (text is null) return null;
        var trimmed = text.Trim().ToLowerInvariant();
        var (number, scale) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 0.001),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], 1.0),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 60.0),
            _ when trimmed.EndsWith('h') => (trimmed[..^1], 3600.0),
            _ => (trimmed, 1.0),
        };
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            return TimeSpan.FromSeconds(amount * scale);
        if (trimmed.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
            return span;
        throw new ReleaseException(DiagnosticCatalog.GateSettingInvalid,
            $"{what}='{text}' is not a duration. Write seconds (\"600\"), \"90s\", \"15m\", \"1h\" or \"00:15:00\".");
    }

    private static ReleaseException Invalid(string message) => new(DiagnosticCatalog.GatesSettingsInvalid, message);
}
