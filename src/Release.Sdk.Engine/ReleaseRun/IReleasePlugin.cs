using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// A participant in the release run's lifecycle, like a semantic-release plugin: quality gates (verify release), the
/// GitHub release and package pushes (publish), "released in" comments and notifications (success / fail). The
/// orchestrator calls every plugin's step in registration order, after the step's exec hook.
/// <list type="bullet">
/// <item>Verify conditions / verify release run before anything is written: throw a <see cref="ReleaseException"/> to stop the release (nothing is tagged).</item>
/// <item>Publish and success run after the push and are repeated by a rerun that completes an interrupted release, so
/// they must be idempotent: check what exists, and record finished side effects in <see cref="ReleaseContext.Journal"/>.</item>
/// <item>Fail is best effort: an exception there is reported next to the original error, never instead of it.</item>
/// </list>
/// </summary>
internal interface IReleasePlugin
{
    /// <summary>Short and stable, e.g. "github", "nuget", "gates", "notify"; names the plugin in logs, errors and journal keys.</summary>
    string Name { get; }

    void VerifyConditions(ReleaseContext context) { }

    void VerifyRelease(ReleaseContext context) { }

    /// <summary>Notes to add to the release notes (joined with a blank line, as semantic-release joins generateNotes plugins), or null.</summary>
    string? GenerateNotes(ReleaseContext context) => null;

    void Publish(ReleaseContext context) { }

    void Success(ReleaseContext context) { }

    void Fail(ReleaseContext context, ReleaseException error) { }
}
