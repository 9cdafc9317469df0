using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Configuration;

/// <summary>Coded configuration errors that name the file, the key and what to change.</summary>
internal sealed class ConfigErrors(string source)
{
    public string Source { get; } = source;

    public ReleaseException Fail(DiagnosticDescriptor descriptor, string key, string problem, string fix) =>
        new(descriptor, $"{Source}: '{key}' {problem}. {fix}");

    public static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString();
}
