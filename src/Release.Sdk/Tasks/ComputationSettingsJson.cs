using System.Text.Json;
using Microsoft.Build.Framework;

namespace Release.Sdk.Tasks;

/// <summary>
/// The version computation's MSBuild settings in the settings file, so dotnet-release releases the version the build
/// computed: tagPrefix, tagFormat, preset, buildLabel, noteKeywords, and the ReleaseBranch / ReleaseRule items in
/// .releaserc.json's shape (<c>{"name", "channel", "prerelease", "range"}</c>, <c>{"type", …, "release"}</c>).
/// </summary>
internal static class ComputationSettingsJson
{
    private static readonly HashSet<string> RuleFlags = new(StringComparer.OrdinalIgnoreCase) { "Breaking", "Revert" };

    public static void Write(Utf8JsonWriter json, IConfigurationInputs inputs)
    {
        WriteString(json, "tagPrefix", inputs.TagPrefix);
        WriteString(json, "tagFormat", inputs.TagFormat);
        WriteString(json, "preset", inputs.Preset);
        WriteString(json, "buildLabel", inputs.BuildLabel);
        var keywords = inputs.NoteKeywords?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (keywords is { Length: > 0 })
        {
            json.WriteStartArray("noteKeywords");
            foreach (var keyword in keywords) json.WriteStringValue(keyword);
            json.WriteEndArray();
        }
        if (inputs.Branches.Length > 0)
        {
            json.WriteStartArray("branches");
            foreach (var branch in inputs.Branches) WriteBranch(json, branch);
            json.WriteEndArray();
        }
        if (inputs.Rules.Length > 0)
        {
            json.WriteStartArray("releaseRules");
            foreach (var rule in inputs.Rules) WriteRule(json, rule);
            json.WriteEndArray();
        }
    }

    private static void WriteBranch(Utf8JsonWriter json, ITaskItem item)
    {
        json.WriteStartObject();
        json.WriteString("name", item.ItemSpec);
        WriteFalseOrString(json, "channel", item.GetMetadata("Channel"));
        var prerelease = item.GetMetadata("Prerelease");
        if (prerelease.Equals("true", StringComparison.OrdinalIgnoreCase)) json.WriteBoolean("prerelease", true);
        else if (prerelease.Length > 0 && !prerelease.Equals("false", StringComparison.OrdinalIgnoreCase)) json.WriteString("prerelease", prerelease);
        WriteString(json, "range", item.GetMetadata("Range"));
        json.WriteEndObject();
    }

    // Every metadata but Release, Breaking and Revert is a condition on the parsed commit field of that (lower-cased) name.
    private static void WriteRule(Utf8JsonWriter json, ITaskItem item)
    {
        json.WriteStartObject();
        foreach (var name in item.CloneCustomMetadata().Keys.Cast<string>().Order(StringComparer.Ordinal))
        {
            var value = item.GetMetadata(name);
            if (value.Length == 0) continue;
            if (name.Equals("Release", StringComparison.OrdinalIgnoreCase)) WriteFalseOrString(json, "release", value);
            else if (RuleFlags.Contains(name) && bool.TryParse(value, out var flag)) json.WriteBoolean(name.ToLowerInvariant(), flag);
            else json.WriteString(name.ToLowerInvariant(), value);
        }
        json.WriteEndObject();
    }

    private static void WriteFalseOrString(Utf8JsonWriter json, string name, string value)
    {
        if (value.Equals("false", StringComparison.OrdinalIgnoreCase)) json.WriteBoolean(name, false);
        else WriteString(json, name, value);
    }

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) json.WriteString(name, value);
    }
}
