using System.Text.Json;
using Microsoft.Build.Framework;

namespace Release.Sdk.Tasks;

/// <summary>
/// Writes the release plugins' MSBuild settings as the settings file's <c>plugins</c> object, one section per plugin:
/// <c>_ReleasePluginSetting</c> items become string keys, <c>_ReleasePluginItem</c> items become lists of objects with
/// <c>spec</c> (as written), <c>path</c> (relative to the repository root) and their custom metadata. Each area's targets
/// file declares its own items, so adding a plugin never touches this task.
/// </summary>
internal static class PluginSettingsJson
{
    private static readonly HashSet<string> SkippedMetadata = new(StringComparer.OrdinalIgnoreCase) { "Section", "List" };

    public static void Write(Utf8JsonWriter json, ITaskItem[] settings, ITaskItem[] items, string projectDirectory, ReleaseRepository repository)
    {
        var sections = new SortedDictionary<string, Section>(StringComparer.Ordinal);
        Section SectionOf(string name) => sections.TryGetValue(name, out var s) ? s : sections[name] = new Section();

        foreach (var setting in settings)
        {
            var key = setting.GetMetadata("Key");
            var value = setting.GetMetadata("Value");
            if (key.Length == 0 || string.IsNullOrWhiteSpace(value)) continue;
            SectionOf(setting.ItemSpec).Values[key] = value;
        }
        foreach (var item in items)
        {
            var section = item.GetMetadata("Section");
            var list = item.GetMetadata("List");
            if (section.Length == 0 || list.Length == 0) continue;
            var lists = SectionOf(section).Lists;
            if (!lists.TryGetValue(list, out var entries)) lists[list] = entries = [];
            entries.Add(item);
        }
        if (sections.Count == 0) return;

        json.WriteStartObject("plugins");
        foreach (var (name, section) in sections)
        {
            json.WriteStartObject(name);
            foreach (var (key, value) in section.Values) json.WriteString(key, value);
            foreach (var (list, entries) in section.Lists)
            {
                json.WriteStartArray(list);
                foreach (var item in entries) WriteItem(json, item, projectDirectory, repository);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter json, ITaskItem item, string projectDirectory, ReleaseRepository repository)
    {
        json.WriteStartObject();
        json.WriteString("spec", item.ItemSpec);
        // Globs and URLs stay as written; paths are made relative to the repository root, where the run works.
        if (item.ItemSpec.IndexOfAny(['*', '?']) < 0 && !item.ItemSpec.Contains("://", StringComparison.Ordinal))
            json.WriteString("path", repository.Relative(Path.GetFullPath(item.ItemSpec, projectDirectory)));
        else if (!item.ItemSpec.Contains("://", StringComparison.Ordinal))
            json.WriteString("path", repository.Relative(Path.GetFullPath(projectDirectory)) is "." or "" ? item.ItemSpec.Replace('\\', '/') : $"{repository.Relative(Path.GetFullPath(projectDirectory))}/{item.ItemSpec.Replace('\\', '/')}");
        foreach (var name in item.CloneCustomMetadata().Keys.Cast<string>().Order(StringComparer.Ordinal))
        {
            if (SkippedMetadata.Contains(name)) continue;
            var value = item.GetMetadata(name);
            if (value.Length > 0) json.WriteString(ToCamelCase(name), value);
        }
        json.WriteEndObject();
    }

    private static string ToCamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private sealed class Section
    {
        public SortedDictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, List<ITaskItem>> Lists { get; } = new(StringComparer.Ordinal);
    }
}
