namespace Release.Sdk.Engine.Diagnostics;

// 6001-6029 — the GitHub release plugin (src/Release.Sdk.Publish/GitHub).
internal static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor GitHubTokenMissing = new("RSDK6001", Severity.Error, "The GitHub release needs a token in an environment variable");
    public static readonly DiagnosticDescriptor GitHubTokenMissingDryRun = new("RSDK6002", Severity.Warning, "Dry run: no GitHub token found; the real release would stop");
    public static readonly DiagnosticDescriptor GitHubRepositoryUnknown = new("RSDK6003", Severity.Error, "The GitHub owner and repository cannot be read from the repository URL");
    public static readonly DiagnosticDescriptor GitHubAccessDenied = new("RSDK6004", Severity.Error, "The GitHub token cannot push to the repository");
    public static readonly DiagnosticDescriptor GitHubSettingInvalid = new("RSDK6005", Severity.Error, "A GitHub release setting has an invalid value");
    public static readonly DiagnosticDescriptor GitHubTemplateInvalid = new("RSDK6006", Severity.Error, "A GitHub release template uses an unsupported expression");
    public static readonly DiagnosticDescriptor GitHubAssetNotFound = new("RSDK6007", Severity.Warning, "A release asset path or glob matched no file");
    public static readonly DiagnosticDescriptor GitHubReleaseFailed = new("RSDK6008", Severity.Error, "Creating or updating the GitHub release failed");
    public static readonly DiagnosticDescriptor GitHubAssetUploadFailed = new("RSDK6009", Severity.Error, "Uploading a release asset failed");
    public static readonly DiagnosticDescriptor GitHubCommentFailed = new("RSDK6010", Severity.Warning, "A \"released in\" comment or label could not be added");
    public static readonly DiagnosticDescriptor GitHubFailIssueFailed = new("RSDK6011", Severity.Warning, "The failure issue could not be opened, updated or closed");
    public static readonly DiagnosticDescriptor GitHubRetryLimit = new("RSDK6012", Severity.Error, "GitHub kept failing or rate limiting after every retry");
}
