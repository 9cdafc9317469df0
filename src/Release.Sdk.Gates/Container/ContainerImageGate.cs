using System.Diagnostics;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;
using Release.Sdk.Gates.Tooling;

namespace Release.Sdk.Gates.Container;

/// <summary>
/// Container image (the seed's `docker build`): `dotnet publish -t:PublishContainer` into a tar archive in the gate's
/// output folder — no Docker daemon needed, only the base image's registry. Settings: Project, BaseImage
/// (ContainerBaseImage), Repository (ContainerRepository), Tag (default the release version), InsecureRegistries
/// (plain-HTTP registries, comma-separated host:port), MaxSizeMB, Configuration; the time limit is the framework's Timeout metadata.
/// </summary>
internal sealed class ContainerImageGate(string name) : IReleaseGate
{
    public const string Kind = GateKinds.Container;
    public const string InsecureRegistriesVariable = "DOTNET_CONTAINER_INSECURE_REGISTRIES";

    public string Name { get; } = name;

    public async Task<GateResult> RunAsync(GateContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var maxSize = SettingValues.OptionalPositive(context, Name, "MaxSizeMB");
            var timeout = SettingValues.ProcessLimit;
            var target = context.Path("Project") ?? context.ProjectPath;
            Directory.CreateDirectory(context.OutputDirectory);
            var archive = Path.Combine(context.OutputDirectory, "image.tar");
            if (File.Exists(archive)) File.Delete(archive);

            var tag = context.Setting("Tag") ?? (context.Release is { } release ? ImageTag(release.Version) : null);
            var arguments = Arguments(target, archive, context.Setting("BaseImage"), context.Setting("Repository"), tag, context.Setting("Configuration"));
            context.Log($"{Name}: dotnet {string.Join(' ', arguments)}");
            var run = await context.Processes.RunAsync(DotnetHost.Resolve(context.Environment), arguments,
                Path.GetDirectoryName(target) ?? context.RepositoryRoot, Environment(context.Environment, context.Setting("InsecureRegistries")),
                timeout, cancellationToken).ConfigureAwait(false);
            if (ToolFailure.NotRun("dotnet publish", run) is { } reason)
                return GateResults.CouldNotRun(Name, Kind, reason, "Check that the .NET SDK is on PATH and the base image registry answers within the gate's Timeout (metadata Timeout or ReleaseGateTimeout).", clock.Elapsed);

            ContainerImage? image = null;
            if (run.ExitCode == 0 && File.Exists(archive))
            {
                await using var stream = File.OpenRead(archive);
                image = ContainerArchive.Read(stream, archive);
            }
            var errors = ToolFailure.MSBuildErrors(run.StandardOutput + "\n" + run.StandardError).Select(e => GateResults.Relative(e, context.RepositoryRoot)).ToList();
            var shown = Path.GetRelativePath(context.RepositoryRoot, archive).Replace('\\', '/');
            return ContainerEvaluator.Evaluate(run.ExitCode ?? -1, errors, image, maxSize, shown).ToResult(Name, Kind, clock.Elapsed);
        }
        catch (ReleaseException e)
        {
            return GateResults.FromError(Name, Kind, e, clock.Elapsed);
        }
    }

    internal static IReadOnlyList<string> Arguments(string target, string archive, string? baseImage, string? repository, string? tag, string? configuration)
    {
        var arguments = new List<string> { "publish", target, "-t:PublishContainer", $"-p:ContainerArchiveOutputPath={archive}" };
        if (baseImage is not null) arguments.Add($"-p:ContainerBaseImage={baseImage}");
        if (repository is not null) arguments.Add($"-p:ContainerRepository={repository}");
        if (tag is not null) arguments.Add($"-p:ContainerImageTag={tag}");
        if (configuration is not null) arguments.AddRange(["--configuration", configuration]);
        return arguments;
    }

    /// <summary>The SDK reads plain-HTTP registries from an environment variable, not a property.</summary>
    internal static IReadOnlyDictionary<string, string?> Environment(IReadOnlyDictionary<string, string?> inherited, string? insecureRegistries)
    {
        if (insecureRegistries is null) return inherited;
        var environment = new Dictionary<string, string?>(inherited, StringComparer.Ordinal);
        var existing = inherited.GetValueOrDefault(InsecureRegistriesVariable);
        environment[InsecureRegistriesVariable] = string.IsNullOrEmpty(existing) ? insecureRegistries : $"{existing},{insecureRegistries}";
        return environment;
    }

    /// <summary>Image tags allow [A-Za-z0-9_.-]: SemVer build metadata's '+' becomes '-'.</summary>
    internal static string ImageTag(string version) => version.Replace('+', '-');
}
