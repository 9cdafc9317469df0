namespace Release.Sdk.Cli;

/// <summary>Exit codes: "no release due" is a success, not a failure, so scripts test the JSON, not the exit code.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A coded error (RSDKnnnn), including RSDK0002 for an unexpected exception.</summary>
    public const int Error = 1;

    /// <summary>The command line itself is wrong: unknown command or option, bad option value.</summary>
    public const int Usage = 2;
}
