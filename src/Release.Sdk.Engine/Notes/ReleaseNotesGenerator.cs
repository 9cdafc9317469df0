using System.Text.RegularExpressions;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Commits;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Notes;

/// <summary>
/// semantic-release's @semantic-release/release-notes-generator 14.1.1 <c>generateNotes</c> with
/// conventional-changelog-writer 8.x and the conventionalcommits 9.3.1 / angular 8.3.1 presets, byte for byte:
/// skip empty (and <c>ignoreCommits</c>) messages, parse with the preset's parser options plus the host's reference
/// keywords, drop reverted pairs, apply the preset's transform, render its templates, trim, end with one newline.
/// Known differences, all outside what semantic-release can be configured to do identically: no subject links
/// without a repository URL (semantic-release refuses to run without one); in .NET's globalization-invariant mode
/// sorting is ordinal instead of ICU's; user-supplied patterns (ignoreCommits, issuePrefixes) run on .NET's regex
/// engine in ECMAScript mode; custom URL formats support plain <c>{{placeholders}}</c> only.
/// </summary>
internal static class ReleaseNotesGenerator
{
    public static string Generate(NotesContext context)
    {
        var options = context.Options;
        var root = Root(context);
        var parser = new CommitParser.Prepared(ParserOptionsFor(options, context.Repository));
        var ignore = options.Preset == Preset.Angular && !options.PresetNamed ? null : IgnorePattern(options.IgnoreCommits);

        var parsed = new List<ConventionalCommit>(context.Commits.Count);
        foreach (var commit in context.Commits)
        {
            var message = JsText.Trim(commit.Message ?? "");
            if (message.Length == 0 || (ignore is not null && ignore.IsMatch(message))) continue;
            parsed.Add(parser.Parse(commit));
        }

        // The writer filters reverted commits again after its transform; on the survivors of this pass that finds nothing more.
        var cancelled = RevertedCommitsFilter.FindCancelled(parsed, Enumerable.Range(0, parsed.Count).ToArray());
        IPresetWriter writer = options.Preset == Preset.Angular ? new AngularWriter(options, root) : new ConventionalCommitsWriter(options, root);
        var transformed = new List<NotesCommit>(parsed.Count);
        for (var i = 0; i < parsed.Count; i++)
        {
            if (cancelled.ContainsKey(i)) continue;
            if (writer.Transform(parsed[i]) is { } commit) transformed.Add(commit);
        }

        var rendered = JsText.Trim(writer.Render(transformed));
        return rendered.Length > 0 ? rendered + "\n" : "";
    }

    /// <summary>The writer's context: link parts from the repository URL (overridable by the host/commit/issue options), tags, version, date.</summary>
    public static TemplateRoot Root(NotesContext context)
    {
        var options = context.Options;
        var repository = context.Repository;
        var host = HostConventions.For(repository?.Hostname);
        var commitPath = options.CommitPath ?? host.Commit;
        var issuePath = options.IssuePath ?? host.Issue;
        return new TemplateRoot
        {
            Version = context.Version,
            Date = NotesDate.Format(context.Date),
            IsPatch = context.IsPatch ?? (SemVer.TryParse(context.Version) is { } v && v.Patch != 0),
            Host = options.Host ?? repository?.Host,
            Owner = repository?.Owner,
            Repository = repository?.Repository,
            Commit = commitPath,
            Issue = issuePath,
            PreviousTag = context.PreviousTag,
            CurrentTag = context.CurrentTag,
            LinkCompare = options.LinkCompare ?? (!string.IsNullOrEmpty(context.PreviousTag) && !string.IsNullOrEmpty(context.CurrentTag)),
            LinkReferences = options.LinkReferences
                ?? (!string.IsNullOrEmpty(repository?.Repository) && commitPath.Length > 0 && issuePath.Length > 0),
        };
    }

    /// <summary><c>new CommitParser({ referenceActions, issuePrefixes, ...preset.parser, ...parserOpts })</c>.</summary>
    public static ParserOptions ParserOptionsFor(NotesOptions options, RepositoryUrl? repository)
    {
        var host = HostConventions.For(repository?.Hostname);
        var presetPrefixes = options.Preset == Preset.ConventionalCommits ? options.IssuePrefixes ?? ["#"] : null;
        return ParserOptions.For(options.Preset, options.NoteKeywords) with
        {
            ReferenceActions = options.ReferenceActions ?? host.ReferenceActions,
            IssuePrefixes = options.ParserIssuePrefixes ?? presetPrefixes ?? host.IssuePrefixes,
            IssuePrefixesCaseSensitive = options.IssuePrefixesCaseSensitive ?? false,
        };
    }

    private static Regex? IgnorePattern(string? pattern)
    {
        if (pattern is null) return null;
        try
        {
            return new Regex(pattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant);
        }
        catch (ArgumentException)
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw new ReleaseException(DiagnosticCatalog.InvalidConfigFile,
                    $"presetConfig.ignoreCommits '{pattern}' is not a valid regular expression ({e.Message}). Fix the pattern in the release-notes-generator options.", e);
            }
        }
    }
}
