namespace Release.Sdk.Engine.Diagnostics;

/// <summary>
/// Every diagnostic Release.Sdk can report, in one place. Areas: 0xxx SDK misuse, 1xxx configuration, 2xxx git,
/// 3xxx version, 4xxx changelog, 5xxx gates, 6xxx publishing, 7xxx deploy. Each code has docs/diagnostics/CODE.md
/// (a test enforces it). Never reuse a retired code.
/// </summary>
internal static partial class DiagnosticCatalog
{
    // 0xxx — SDK usage
    public static readonly DiagnosticDescriptor NoRepository = new("RSDK0001", Severity.Warning, "No git repository found; using the fallback version");
    public static readonly DiagnosticDescriptor InternalError = new("RSDK0002", Severity.Error, "Unexpected internal error");
    public static readonly DiagnosticDescriptor EmptyRepository = new("RSDK0003", Severity.Warning, "The git repository has no commits yet; using the fallback version");

    // 1xxx — configuration
    public static readonly DiagnosticDescriptor InvalidConfigFile = new("RSDK1001", Severity.Error, "The semantic-release configuration file is not valid JSON or has the wrong shape");
    public static readonly DiagnosticDescriptor InvalidBranches = new("RSDK1002", Severity.Error, "Invalid branches configuration");
    public static readonly DiagnosticDescriptor InvalidReleaseRule = new("RSDK1003", Severity.Error, "Invalid release rule");
    public static readonly DiagnosticDescriptor UnknownPreset = new("RSDK1004", Severity.Error, "Unknown commit-analyzer preset");
    public static readonly DiagnosticDescriptor InvalidTagFormat = new("RSDK1005", Severity.Error, "Invalid tag format");
    public static readonly DiagnosticDescriptor InvalidProperty = new("RSDK1006", Severity.Error, "Invalid Release.Sdk property value");
    public static readonly DiagnosticDescriptor ConfigFileNotFound = new("RSDK1007", Severity.Error, "The configuration file given does not exist");

    // 2xxx — git
    public static readonly DiagnosticDescriptor ShallowCloneMissingHistory = new("RSDK2001", Severity.Error, "Shallow clone: the history back to the last release is not available");
    public static readonly DiagnosticDescriptor DeepenFailed = new("RSDK2002", Severity.Error, "Fetching the missing history of a shallow clone failed");
    public static readonly DiagnosticDescriptor DetachedHeadNoBranch = new("RSDK2003", Severity.Warning, "Detached HEAD and no CI branch variable; building as a non-release branch");
    public static readonly DiagnosticDescriptor RepositoryUnreadable = new("RSDK2004", Severity.Error, "The git repository could not be read");
    public static readonly DiagnosticDescriptor PushFailed = new("RSDK2005", Severity.Error, "Pushing the release commit and tag failed: the remote could not be reached or refused the credentials");
    public static readonly DiagnosticDescriptor FetchFailed = new("RSDK2006", Severity.Error, "Reading the remote branch or tag failed: the remote could not be reached or refused the credentials");
    public static readonly DiagnosticDescriptor LocalWriteFailed = new("RSDK2007", Severity.Error, "The release commit or tag could not be written to the local repository");

    // 3xxx — version
    public static readonly DiagnosticDescriptor NextVersionOutOfRange = new("RSDK3001", Severity.Error, "The next version is outside the branch's allowed range (EINVALIDNEXTVERSION)");
    public static readonly DiagnosticDescriptor InvalidMaintenanceBranch = new("RSDK3002", Severity.Error, "Invalid maintenance branch (EMAINTENANCEBRANCH)");
    public static readonly DiagnosticDescriptor ReleaseBranchesInvalid = new("RSDK3003", Severity.Error, "Release branches are missing or invalid (ERELEASEBRANCHES)");
    public static readonly DiagnosticDescriptor InvalidPrereleaseBranch = new("RSDK3004", Severity.Error, "Invalid prerelease branch (EPRERELEASEBRANCH)");
    public static readonly DiagnosticDescriptor DuplicateBranchMatch = new("RSDK3005", Severity.Error, "A branch matches more than one branch configuration (EDUPLICATEBRANCHES)");
    public static readonly DiagnosticDescriptor GitHubOutputWriteFailed = new("RSDK3006", Severity.Warning, "Could not write to $GITHUB_OUTPUT");

    // 4xxx — changelog and version files
    public static readonly DiagnosticDescriptor VersionFileNoMatch = new("RSDK4001", Severity.Error, "A version file has nothing to stamp: its pattern or version key matched nothing");
    public static readonly DiagnosticDescriptor VersionFileInvalid = new("RSDK4002", Severity.Error, "A version file is not valid YAML, JSON or XML, before or after stamping");
    public static readonly DiagnosticDescriptor VersionFileMissing = new("RSDK4003", Severity.Error, "A version file to stamp does not exist");
    public static readonly DiagnosticDescriptor VersionFileSpecInvalid = new("RSDK4004", Severity.Error, "A version file item has no usable kind, or an invalid Pattern or Replacement");

    // 41xx — release run (verify conditions, exec hooks, release commit, tag, push)
    public static readonly DiagnosticDescriptor DirtyWorkTree = new("RSDK4101", Severity.Error, "The work tree has uncommitted changes; a release run needs a clean tree");
    public static readonly DiagnosticDescriptor PushTokenMissing = new("RSDK4102", Severity.Error, "Pushing over HTTPS needs a token in an environment variable");
    public static readonly DiagnosticDescriptor HookFailed = new("RSDK4103", Severity.Error, "An exec hook command failed");
    public static readonly DiagnosticDescriptor RemoteBranchMoved = new("RSDK4104", Severity.Warning, "The remote branch moved since this build started; nothing was tagged (the next run releases)");
    public static readonly DiagnosticDescriptor PushRejected = new("RSDK4105", Severity.Error, "The push of the release commit and tag was rejected");
    public static readonly DiagnosticDescriptor ReleaseTagConflict = new("RSDK4106", Severity.Error, "The release tag already exists on another commit");
    public static readonly DiagnosticDescriptor InvalidExecHook = new("RSDK4107", Severity.Error, "An exec hook's template or output cannot be used");
    public static readonly DiagnosticDescriptor JournalNotSaved = new("RSDK4108", Severity.Warning, "The release journal (git notes on the release tag) could not be saved to the remote");

    // Lazy: field initializers of the other partial files may run after this file's (C# leaves the order open).
    private static readonly Lazy<DiagnosticDescriptor[]> AllDescriptors = new(() => typeof(DiagnosticCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray());

    public static IReadOnlyList<DiagnosticDescriptor> All => AllDescriptors.Value;
}
