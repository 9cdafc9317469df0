using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Build.Framework;

namespace Release.Sdk.Tasks;

/// <summary>
/// Writes the deploy plan dotnet-release reads: <see cref="Settings"/> items (Include = key, Value) become
/// "key": "value" (empty values are left out, so the plan's defaults apply); <see cref="ListItems"/> (Include = spec,
/// List = list name, other metadata) become "list": [{"spec": …, metadata…}]. Validation is dotnet-release's job, so
/// the command line and MSBuild report the same coded errors.
/// </summary>
public sealed class ReleaseWriteDeployPlan : ReleaseTask
{
    [Required] public string PlanFile { get; set; } = "";

    public ITaskItem[] Settings { get; set; } = [];

    public ITaskItem[] ListItems { get; set; } = [];

    protected override void ExecuteCore()
    {
        var plan = new JsonObject();
        foreach (var setting in Settings)
        {
            var value = setting.GetMetadata("Value");
            if (!string.IsNullOrWhiteSpace(value)) plan[setting.ItemSpec] = value.Trim();
        }
        foreach (var group in ListItems.GroupBy(i => i.GetMetadata("List"), StringComparer.Ordinal))
        {
            var list = new JsonArray();
            foreach (var item in group)
            {
                var entry = new JsonObject { ["spec"] = item.ItemSpec };
                foreach (var name in item.MetadataNames.Cast<string>().Where(n => n != "List" && !IsWellKnown(n)))
                {
                    var value = item.GetMetadata(name);
                    if (!string.IsNullOrWhiteSpace(value)) entry[char.ToLowerInvariant(name[0]) + name[1..]] = value;
                }
                list.Add(entry);
            }
            plan[group.Key] = list;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(PlanFile))!);
        File.WriteAllText(PlanFile, plan.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    protected override void ApplyDesignTimeFallback() { }

    private static bool IsWellKnown(string name) => name is "FullPath" or "RootDir" or "Filename" or "Extension" or "RelativeDir"
        or "Directory" or "RecursiveDir" or "Identity" or "ModifiedTime" or "CreatedTime" or "AccessedTime" or "DefiningProjectFullPath"
        or "DefiningProjectDirectory" or "DefiningProjectName" or "DefiningProjectExtension";
}
