using System.Collections;

namespace Release.Sdk.Cli;

internal static class ProcessEnvironment
{
    public static IReadOnlyDictionary<string, string?> Read()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = (string?)entry.Value;
        return variables;
    }
}
