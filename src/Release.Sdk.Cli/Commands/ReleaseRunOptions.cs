using System.CommandLine;
using Release.Sdk.Cli.ReleaseRun;

namespace Release.Sdk.Cli.Commands;

/// <summary>Options shared by <c>release</c> and <c>plan</c>: what the run stamps, commits and pushes.</summary>
internal sealed class ReleaseRunOptions
{
    private readonly ComputationOptions _computation = new();

    private readonly Option<bool> _tagOnly = new("--tag-only")
    {
        Description = "Protected branches: make no release commit, put the tag on HEAD and push only the tag (CHANGELOG.md and stamped files stay in the work tree).",
    };

    private readonly Option<string?> _settings = new("--settings")
    {
        Description = "JSON file with release settings from MSBuild (versionFiles, hooks, changelogFile, tagOnly, assets, commitMessage, tokenVariable).",
        HelpName = "FILE",
    };

    private readonly Option<string[]> _versionFiles = new("--version-file")
    {
        Description = "A file to stamp with the version (Chart.yaml, package.json, *.csproj/*.props, VERSION); repeatable. Regex files go in --settings.",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _tokenVariable = new("--token-variable")
    {
        Description = "Name of the environment variable holding the push token (default GITHUB_TOKEN, then GH_TOKEN). Never pass the token itself.",
        HelpName = "NAME",
    };

    public void AddTo(Command command)
    {
        _computation.AddTo(command);
        command.Add(_tagOnly);
        command.Add(_settings);
        command.Add(_versionFiles);
        command.Add(_tokenVariable);
    }

    public ReleaseInvocation Read(ParseResult parseResult, bool dryRun, bool noPush, string? planFile) => new(
        _computation.Read(parseResult),
        dryRun,
        TagOnly: parseResult.GetValue(_tagOnly),
        NoPush: noPush,
        PlanFile: planFile,
        SettingsFile: parseResult.GetValue(_settings),
        VersionFiles: parseResult.GetValue(_versionFiles) ?? [],
        TokenVariable: parseResult.GetValue(_tokenVariable));
}
