using Release.Sdk.Cli.Output;
using Release.Sdk.Engine.Configuration;
using Release.Sdk.Engine.ReleaseRun;
using Release.Sdk.Engine.Stamping;
using Release.Sdk.Git;
using Release.Sdk.Git.Writing;

namespace Release.Sdk.Cli.ReleaseRun;

/// <summary>
/// Wires a release run to the real world: the version façade, the git adapter (GitReleaseRepository), the shell, the
/// disk and the clock; then hands everything to the engine's <see cref="ReleaseOrchestrator"/>.
/// </summary>
internal static class ReleaseRunLauncher
{
    /// <param name="progress">Where progress lines go as they happen (stdout, or stderr when stdout carries JSON).</param>
    public static ReleaseRunResult Run(CliContext context, ReleaseInvocation invocation, TextWriter progress)
    {
        var file = invocation.SettingsFile is { } settingsPath ? ReleaseSettingsFile.Read(Path.GetFullPath(settingsPath)) : ReleaseSettingsFile.Empty;
        var computation = invocation.Computation with { Overrides = ReleaseSettingsFile.Merge(invocation.Computation.Overrides, file.Computation) };
        var decision = VersionComputation.Compute(computation.StartDirectory, computation.Overrides, computation.ExplicitConfigFile,
            context.Environment, computation.DeepenShallowClone);
        DiagnosticWriter.WriteAll(context.Error, decision.Diagnostics);
        if (decision.IsFallback) return new ReleaseRunResult { Outcome = ReleaseOutcome.NoRelease, Reason = "there is no git repository or no commit" };

        using var repository = GitReleaseRepository.Open(computation.StartDirectory)
            ?? throw new InvalidOperationException($"The repository at {computation.StartDirectory} disappeared.");
        var root = repository.WorkingDirectory;
        var config = ReleaseConfigLoader.Load(root, computation.ExplicitConfigFile, computation.Overrides);
        var overrides = file.Overrides with
        {
            TagOnly = invocation.TagOnly ? true : file.Overrides.TagOnly,
            VersionFiles = invocation.VersionFiles is { Count: > 0 } extra
                ? [.. file.Overrides.VersionFiles ?? [], .. extra.Select(p => new VersionFileSpec(RelativeToRoot(root, p)))]
                : file.Overrides.VersionFiles,
        };

        var request = new ReleaseRunRequest
        {
            Decision = decision,
            Config = config,
            Settings = ReleaseRunSettings.Resolve(config, overrides),
            Environment = context.Environment,
            DryRun = invocation.DryRun,
            NoPush = invocation.NoPush,
            IsPullRequest = CiContext.Detect(context.Environment).IsPullRequest,
            TokenVariable = invocation.TokenVariable ?? file.TokenVariable,
            RepositoryUrl = file.RepositoryUrl,
            PlanFile = invocation.PlanFile is { } plan ? Path.GetFullPath(plan) : null,
            Identity = GitIdentityNames.From(context.Environment),
            Progress = progress.WriteLine,
            PluginSettings = file.Plugins,
        };
        var git = new GitCommandLine(root);
        var ports = new ReleaseRunPorts(repository, new ShellHookRunner(invocation.HookTimeout ?? ShellHookRunner.DefaultTimeout, progress),
            new DiskFileSystem(root), git, git, TimeProvider.System,
            ReleasePlugins.Create(new ReleasePluginInputs(file.Plugins, config.Document, context.Environment, root, progress)));
        return ReleaseOrchestrator.Run(request, ports);
    }

    // --version-file paths are relative to the current directory, the engine's to the repository root.
    private static string RelativeToRoot(string root, string path) =>
        Path.GetRelativePath(root, Path.GetFullPath(path)).Replace('\\', '/');
}
