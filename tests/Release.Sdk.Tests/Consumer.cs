using System.Collections;
using Release.Sdk.TestKit;
using Xunit.Abstractions;

namespace Release.Sdk.Tests;

/// <summary>
/// A consumer of the packed SDK: a temp directory (a git repository unless asked otherwise) with a nuget.config that
/// sees only the run's feed, a class file and whatever project the test writes. Every dotnet run is logged to the
/// test output, so a failing test shows its build output.
/// </summary>
public sealed class Consumer : IDisposable
{
    private readonly PackedSdk _sdk;
    private readonly ITestOutputHelper _output;

    public TempGitRepo Repo { get; }

    public string Path => Repo.Path;

    public string SdkVersion => _sdk.Version;

    public Consumer(PackedSdk sdk, ITestOutputHelper output, bool gitRepository = true, bool nugetOrg = false)
    {
        _sdk = sdk;
        _output = output;
        Repo = new TempGitRepo(init: gitRepository);
        var nugetOrgSource = nugetOrg ? """<add key="nuget.org" value="https://api.nuget.org/v3/index.json" />""" : "";
        WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="release-sdk-e2e" value="{sdk.Feed}" />
                {nugetOrgSource}
              </packageSources>
            </configuration>
            """);
        WriteFile("Class1.cs", "namespace App\n{\n    public static class Class1 { }\n}\n");
    }

    public void WriteFile(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Writes App.csproj: <paramref name="header"/> is the Project element's opening tag, <paramref name="body"/> its content.</summary>
    public void WriteProject(string body, string header = """<Project Sdk="Microsoft.NET.Sdk">""") => WriteFile("App.csproj", $"""
        {header}
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
        {body}
        </Project>
        """);

    public ProcessRunner.Result Dotnet(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var env = DotnetEnvironment(_sdk.Packages);
        if (environment is not null) foreach (var (k, v) in environment) env[k] = v;
        var list = args.ToList();
        var result = ProcessRunner.Run("dotnet", list, Path, env, TimeSpan.FromMinutes(4));
        _output.WriteLine($"$ dotnet {string.Join(' ', list)}  (exit {result.ExitCode})\n{result.Output}");
        return result;
    }

    public ProcessRunner.Result Build(params string[] extra) => Build(null, extra);

    public ProcessRunner.Result Build(IReadOnlyDictionary<string, string?>? environment, params string[] extra) =>
        Dotnet(["build", "App.csproj", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", .. extra], environment);

    public ProcessRunner.Result Pack(params string[] extra) =>
        Dotnet(["pack", "App.csproj", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-o", "nupkgs", .. extra]);

    /// <summary>Runs one target and returns the requested properties' values after it (<c>dotnet msbuild -getProperty</c>).</summary>
    public ProcessRunner.Result GetProperties(string target, string[] properties, params string[] extra) =>
        Dotnet(["msbuild", "App.csproj", "-nologo", "-nodeReuse:false", "-restore", $"-t:{target}",
            .. properties.Select(p => $"-getProperty:{p}"), .. extra]);

    public AssemblyAttributes Attributes(string targetFramework = "net10.0") =>
        AssemblyAttributes.Read(System.IO.Path.Combine(Path, "bin", "Debug", targetFramework, "App.dll"));

    /// <summary>The build output and the repository's history, for assertion messages.</summary>
    public string Explain(ProcessRunner.Result result) =>
        $"exit code {result.ExitCode}\n{result.Output}\n--- history ---\n{(Directory.Exists(System.IO.Path.Combine(Path, ".git")) ? SafeDump() : "(no repository)")}";

    private string SafeDump()
    {
        try { return Repo.Dump(); } catch (InvalidOperationException e) { return e.Message; }
    }

    /// <summary>
    /// The environment every dotnet child process gets: the run's own NUGET_PACKAGES, no node reuse, and none of the
    /// MSBuild variables the test host inherited from the `dotnet test` that started it.
    /// </summary>
    public static Dictionary<string, string?> DotnetEnvironment(string packages)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            var key = (string)e.Key;
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                env[key] = null;
        }
        env["NUGET_PACKAGES"] = packages;
        env["MSBUILDDISABLENODEREUSE"] = "1";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["DOTNET_NOLOGO"] = "1";
        env["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        env["DOTNET_CLI_UI_LANGUAGE"] = "en";
        return env;
    }

    public void Dispose() => Repo.Dispose();
}
