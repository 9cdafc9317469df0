using Release.Sdk.Engine.Changelog;
using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// The prepare step's file changes, computed before anything is written so that a failing stamp writes nothing:
/// the notes on top of the changelog (once per version), then every version file stamped in order (a file listed
/// twice, like the seed's Chart.yaml, gets both stamps).
/// </summary>
internal static class ReleasePreparation
{
    public static IReadOnlyList<FileChange> Compute(ReleaseRunSettings settings, IReleaseFileSystem files, string version, string notes, Action<string> log)
    {
        var originals = new Dictionary<string, string?>(StringComparer.Ordinal);
        var current = new Dictionary<string, string?>(StringComparer.Ordinal);
        var order = new List<string>();

        string? Read(string path)
        {
            if (current.TryGetValue(path, out var content)) return content;
            content = files.ReadAllText(path);
            originals[path] = content;
            current[path] = content;
            return content;
        }

        void Write(string path, string content)
        {
            if (!order.Contains(path)) order.Add(path);
            current[path] = content;
        }

        if (settings.GenerateChangelog)
        {
            var path = Normalize(settings.ChangelogFile);
            var update = ChangelogWriter.Prepend(Read(path), notes, version, new ChangelogOptions(settings.ChangelogTitle));
            if (update.AlreadyPresent) log($"{path} already has a section for {version}; not added again.");
            else if (update.Changed) Write(path, update.NewContent);
        }

        foreach (var spec in settings.VersionFiles)
        {
            var path = Normalize(spec.Path);
            var result = VersionStamper.Stamp(spec, Read(path), version);
            if (result.Changed) Write(path, result.NewContent);
            else log($"{path} already carries {version}.");
        }

        return order
            .Where(p => !string.Equals(originals[p], current[p], StringComparison.Ordinal))
            .Select(p => new FileChange(p, originals[p], current[p]!))
            .ToList();
    }

    public static string Normalize(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.StartsWith("./", StringComparison.Ordinal) ? normalized[2..] : normalized;
    }
}
