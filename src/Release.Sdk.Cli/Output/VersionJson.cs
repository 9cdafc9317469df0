using System.Text.Encodings.Web;
using System.Text.Json;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Cli.Output;

/// <summary>
/// <c>version --json</c>: one compact line (so <c>$(dotnet-release version --json)</c> fits a CI output variable),
/// keys always present and always in this order, absent values written as null.
/// </summary>
internal static class VersionJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // keeps '+' of build metadata readable instead of \u002B; the output is never embedded in HTML
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, VersionDecision decision) => output.WriteLine(Format(decision));

    public static string Format(VersionDecision decision)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("next", decision.NextVersion);
            json.WriteString("build", decision.BuildVersion);
            json.WriteString("previousVersion", decision.PreviousVersion);
            json.WriteString("previousTag", decision.PreviousTag);
            json.WriteString("bump", DecisionText.Bump(decision.Bump));
            json.WriteString("branch", decision.Branch);
            json.WriteString("branchType", DecisionText.BranchType(decision.BranchType));
            json.WriteString("channel", decision.Channel);
            json.WriteNumber("commits", decision.CommitCount);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
