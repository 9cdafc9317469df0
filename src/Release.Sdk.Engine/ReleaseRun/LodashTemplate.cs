using System.Text.RegularExpressions;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Engine.ReleaseRun;

/// <summary>
/// The subset of lodash's <c>_.template</c> that @semantic-release/exec and @semantic-release/git users write:
/// <c>${path}</c> and <c>&lt;%= path %&gt;</c> interpolations of the context's properties (whitespace inside allowed),
/// null rendering empty. Anything else lodash would evaluate as JavaScript is refused with a coded error rather than
/// passed to the shell half-substituted.
/// </summary>
internal static partial class LodashTemplate
{
    [GeneratedRegex(@"\$\{([^{}]*)\}|<%=([\s\S]*?)%>|<%([\s\S]*?)%>", RegexOptions.CultureInvariant)]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyPath();

    /// <param name="template">The command or message.</param>
    /// <param name="values">The context.</param>
    /// <param name="origin">Where the template comes from, for messages (e.g. "prepareCmd").</param>
    public static string Render(string template, TemplateValues values, string origin)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Interpolation().Replace(template, match =>
        {
            if (match.Groups[3].Success) throw Unsupported(origin, match.Value);
            var expression = (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value).Trim();
            if (!PropertyPath().IsMatch(expression) || !values.TryGet(expression, out var value)) throw Unsupported(origin, match.Value);
            return value ?? "";
        });
    }

    private static ReleaseException Unsupported(string origin, string expression) => new(
        DiagnosticCatalog.InvalidExecHook,
        $"{origin}: the template expression '{expression}' is not supported. Use ${{nextRelease.version}}, ${{nextRelease.gitTag}}, ${{nextRelease.notes}}, " +
        "${nextRelease.type}, ${nextRelease.channel}, ${lastRelease.version}, ${lastRelease.gitTag} or ${branch.name}; write a literal '${' as '$\\{' in a shell script instead.");
}
