using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Build.Framework;

namespace Release.Sdk.Tasks;

/// <summary>
/// Two levels of cache for a computed version, both keyed by <see cref="VersionCacheKey"/>: an object registered with
/// MSBuild for the lifetime of the build (every project of the repository on this node shares it) and a small file
/// in obj/ (which carries the outer build's result of a multi-targeting project to its inner builds, whichever node
/// they run on, and makes a no-change rebuild skip the git walk).
/// </summary>
internal sealed class VersionCache(IBuildEngine4 engine, string? cacheFile)
{
    internal sealed record Entry(string Key, ComputedVersion Value);

    /// <summary>The cached version for <paramref name="key"/>, else <paramref name="compute"/>'s result, stored; no caching without a key.</summary>
    public ComputedVersion GetOrAdd(string? key, Func<ComputedVersion> compute, out bool reused)
    {
        var known = key is null ? null : TryGet(key);
        reused = known is not null;
        if (known is not null) return known;
        var computed = compute();
        if (key is not null) Store(key, computed);
        return computed;
    }

    private ComputedVersion? TryGet(string key)
    {
        if (engine.GetRegisteredTaskObject(RegistrationKey(key), RegisteredTaskObjectLifetime.Build) is ComputedVersion known)
            return known;
        var fromFile = ReadFile(key);
        if (fromFile is not null) Register(key, fromFile);
        return fromFile;
    }

    private void Store(string key, ComputedVersion value)
    {
        Register(key, value);
        if (cacheFile is null) return;
        var json = JsonSerializer.Serialize(new Entry(key, value), VersionCacheJson.Default.Entry);
        try
        {
            if (File.Exists(cacheFile) && File.ReadAllText(cacheFile) == json) return;
            Directory.CreateDirectory(Path.GetDirectoryName(cacheFile)!);
            // Write-then-rename so a parallel inner build never reads half a file.
            var temp = $"{cacheFile}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, json);
            File.Move(temp, cacheFile, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file is an optimisation: without it the inner builds compute again, with the same result.
        }
    }

    private ComputedVersion? ReadFile(string key)
    {
        if (cacheFile is null || !File.Exists(cacheFile)) return null;
        try
        {
            var entry = JsonSerializer.Deserialize(File.ReadAllText(cacheFile), VersionCacheJson.Default.Entry);
            return entry is not null && entry.Key == key ? entry.Value : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private void Register(string key, ComputedVersion value) =>
        engine.RegisterTaskObject(RegistrationKey(key), value, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);

    private static string RegistrationKey(string key) => "Release.Sdk.ComputedVersion:" + key;
}

/// <summary>
/// The cache file's (de)serializer, generated at compile time: reflection-based System.Text.Json built its type metadata
/// on every build (~15-20 ms of a no-change build, in a new MSBuild process).
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(VersionCache.Entry))]
internal sealed partial class VersionCacheJson : JsonSerializerContext;

