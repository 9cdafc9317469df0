using System.Collections;

namespace Release.Sdk.Tasks;

/// <summary>The build's environment variables as the engine takes them (values in; CI detection reads them).</summary>
internal static class ProcessEnvironment
{
    public static IReadOnlyDictionary<string, string?> Snapshot() => Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
        .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
}
