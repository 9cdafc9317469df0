using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace Release.Sdk.Tests;

/// <summary>Points the test process at the installed SDK's MSBuild before any test touches an MSBuild type.</summary>
internal static class MSBuildRuntime
{
    [ModuleInitializer]
    internal static void Register()
    {
        if (!MSBuildLocator.IsRegistered) MSBuildLocator.RegisterDefaults();
    }
}
