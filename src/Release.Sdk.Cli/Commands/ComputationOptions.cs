using System.CommandLine;
using Release.Sdk.Engine.Configuration;

namespace Release.Sdk.Cli.Commands;

/// <summary>The options every command that computes a version shares, and their mapping to the façade's inputs.</summary>
internal sealed class ComputationOptions
{
    private readonly Option<string?> _preset = new("--preset")
    {
        Description = "Commit convention: conventionalcommits (default) or angular. Overrides the config file's preset.",
        HelpName = "angular|conventionalcommits",
    };

    private readonly Option<string?> _config = new("--config")
    {
        Description = "A semantic-release style JSON configuration file, relative to the current directory (default: .releaserc.json / .releaserc at the repository root).",
        HelpName = "FILE",
    };

    private readonly Option<DirectoryInfo> _cwd = new("--cwd")
    {
        Description = "Directory inside the git repository to compute for (default: the current directory).",
        HelpName = "DIR",
    };

    private readonly Option<string?> _tagPrefix = new("--tag-prefix")
    {
        Description = "Release tag prefix (default 'v', i.e. tags like v1.2.3). Overrides the config file's tagFormat.",
        HelpName = "P",
    };

    private readonly Option<bool> _deepen = new("--deepen")
    {
        Description = "In a shallow clone, fetch the missing history and tags from origin instead of failing with RSDK2001.",
    };

    public ComputationOptions()
    {
        _preset.AcceptOnlyFromAmong("angular", "conventionalcommits");
        _cwd.AcceptExistingOnly();
    }

    public void AddTo(Command command)
    {
        command.Add(_preset);
        command.Add(_config);
        command.Add(_cwd);
        command.Add(_tagPrefix);
        command.Add(_deepen);
    }

    public ComputationRequest Read(ParseResult parseResult)
    {
        var cwd = parseResult.GetValue(_cwd);
        var config = parseResult.GetValue(_config);
        return new ComputationRequest(
            StartDirectory: cwd?.FullName ?? Directory.GetCurrentDirectory(),
            Overrides: new ReleaseConfigOverrides
            {
                Preset = parseResult.GetValue(_preset),
                TagPrefix = parseResult.GetValue(_tagPrefix),
            },
            ExplicitConfigFile: string.IsNullOrEmpty(config) ? null : Path.GetFullPath(config),
            DeepenShallowClone: parseResult.GetValue(_deepen));
    }
}
