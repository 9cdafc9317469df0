namespace Release.Sdk.Engine.Analysis;

/// <summary>What a release rule can ask of a commit: commit-analyzer's special keys and the commit object's string fields.</summary>
internal interface IRuleSubject
{
    /// <summary>The commit has notes (a BREAKING CHANGE).</summary>
    bool IsBreaking { get; }

    /// <summary>The commit is a revert (the parser found revert data).</summary>
    bool IsRevert { get; }

    /// <summary>A string field by name (type, scope, subject, header, hash, …); null when absent.</summary>
    string? Field(string name);
}
