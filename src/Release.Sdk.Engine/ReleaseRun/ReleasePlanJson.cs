using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// The plan as one JSON object (<c>dotnet-release plan --json</c>, the dry run's plan file): version, tag,
/// previousVersion, previousTag, branch, channel, notes, files [{path, diff}], commitMessage, tagOnly,
/// pushes [{remote, refspecs}], hooks [{step, command}].
/// </summary>
internal static class ReleasePlanJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ReleasePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", plan.Version);
            json.WriteString("tag", plan.Tag);
            json.WriteString("previousVersion", plan.PreviousVersion);
            json.WriteString("previousTag", plan.PreviousTag);
            json.WriteString("branch", plan.Branch);
            json.WriteString("channel", plan.Channel);
            json.WriteString("notes", plan.Notes);
            json.WriteStartArray("files");
            foreach (var file in plan.Files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteString("diff", file.Diff);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("commitMessage", plan.CommitMessage);
            json.WriteBoolean("tagOnly", plan.TagOnly);
            json.WriteStartArray("pushes");
            foreach (var push in plan.Pushes)
            {
                json.WriteStartObject();
                json.WriteString("remote", push.Remote);
                json.WriteStartArray("refspecs");
                foreach (var refspec in push.Refspecs) json.WriteStringValue(refspec);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("hooks");
            foreach (var hook in plan.Hooks)
            {
                json.WriteStartObject();
                json.WriteString("step", ReleaseErrors.HookName(hook.Step));
                json.WriteString("command", hook.CommandLine);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
