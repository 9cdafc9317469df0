namespace Release.Sdk.Deploy.Adapters.Tests.Fixtures;

/// <summary>
/// An installed program a test needs (haproxy, prometheus). Missing under CI=true → the test FAILS with what to install
/// (a CI must never pass by skipping); missing on a dev box → the test is skipped with the same reason.
/// </summary>
internal static class RequiredTool
{
    public static string Find(string name, string debianPackage, params string[] knownPaths)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(p, name));
        var found = knownPaths.Concat(onPath).FirstOrDefault(File.Exists);
        if (found is not null) return found;
        var reason = $"{name} is not installed (apt-get install -y {debianPackage}); this test starts its own {name} on free loopback ports.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"CI=true: {reason}");
        Skip.If(true, reason);
        return "";
    }

    public static string Haproxy() => Find("haproxy", "haproxy", "/usr/sbin/haproxy");

    public static string Prometheus() => Find("prometheus", "prometheus", "/usr/bin/prometheus");
}
