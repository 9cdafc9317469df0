namespace Release.Sdk.Deploy.Adapters.Processes;

/// <summary>Finds the dotnet muxer that runs framework-dependent apps (the router, published apps without an apphost).</summary>
internal static class DotnetHost
{
    public static string Path
    {
        get
        {
            // Set by the SDK for MSBuild, dotnet test and dotnet run; the most precise answer when present.
            var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
            var self = Environment.ProcessPath;
            if (self is not null && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
            var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            if (!string.IsNullOrEmpty(root) && File.Exists(System.IO.Path.Combine(root, "dotnet"))) return System.IO.Path.Combine(root, "dotnet");
            return "dotnet";
        }
    }
}
