namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// Runs an exec hook's command line through the platform shell (like @semantic-release/exec's execa shell), bounded
/// by a timeout. The CLI implements it with a child process; tests implement it in memory.
/// </summary>
internal interface IHookRunner
{
    /// <param name="commandLine">The command after template substitution.</param>
    /// <param name="workingDirectory">The repository root.</param>
    /// <param name="environment">The run's environment variables.</param>
    HookResult Run(string commandLine, string workingDirectory, IReadOnlyDictionary<string, string?> environment);
}
