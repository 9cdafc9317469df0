namespace Release.Sdk.TestKit;

/// <summary>Keeps the host's CI (GitHub Actions, Azure Pipelines, GitLab, …) from leaking into tests.</summary>
public static class TestEnvironment
{
    private static readonly string[] CiVariablePrefixes = ["GITHUB_", "GITLAB_", "CI_", "BUILD_", "SYSTEM_", "TF_BUILD", "RUNNER_", "RELEASE_"];

    private static readonly string[] CiVariables = ["CI", "GH_TOKEN", "GITHUB_TOKEN", "SOURCE_DATE_EPOCH", "GIT_DIR", "GIT_WORK_TREE"];

    public static bool IsCiVariable(string name) =>
        CiVariables.Contains(name, StringComparer.OrdinalIgnoreCase) ||
        CiVariablePrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    public static void ScrubCiVariables(IDictionary<string, string?> environment)
    {
        foreach (var key in environment.Keys.Where(IsCiVariable).ToList()) environment.Remove(key);
    }

    /// <summary>A copy of the current process environment with CI variables removed, for passing to engine code.</summary>
    public static Dictionary<string, string?> CleanEnvironment()
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            var key = (string)e.Key;
            if (!IsCiVariable(key)) env[key] = (string?)e.Value;
        }
        return env;
    }
}
