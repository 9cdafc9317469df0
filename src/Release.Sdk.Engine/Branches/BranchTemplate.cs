using System.Text.RegularExpressions;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.Branches;

/// <summary>
/// expand.js renders every string option of a branch entry as a lodash template with the matched branch's
/// <c>name</c> (e.g. <c>"channel": "${name}"</c>). Release.Sdk supports the <c>${name}</c> variable only.
/// </summary>
internal static partial class BranchTemplate
{
    [GeneratedRegex(@"\$\{\s*name\s*\}")]
    private static partial Regex NameVariable();

    [GeneratedRegex(@"\$\{|<%")]
    private static partial Regex AnyTemplateSyntax();

    public static string? Render(string? value, string branchName, string option, string pattern)
    {
        if (value is null) return null;
        var rendered = NameVariable().Replace(value, branchName);
        if (AnyTemplateSyntax().IsMatch(rendered))
        {
            throw new ReleaseException(DiagnosticCatalog.InvalidBranches,
                $"The branch entry '{pattern}' has {option} '{value}' with a template expression other than ${{name}}; " +
                "Release.Sdk supports only ${name}. Write the value out in .releaserc.json (branches) or the ReleaseBranch item metadata.");
        }
        return rendered;
    }
}
