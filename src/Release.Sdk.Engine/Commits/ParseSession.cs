using System.Text.RegularExpressions;

namespace Release.Sdk.Engine.Commits;

/// <summary>
/// One run of conventional-commits-parser 6.4.0's <c>CommitParser.parse</c> (dist/CommitParser.js), method for method.
/// Deviations, all on inputs where the JavaScript throws: an empty message parses to an empty commit, a meta field
/// line at the very end no longer dereferences a missing line, and the notes recursion is a loop.
/// </summary>
internal sealed class ParseSession
{
    private readonly ParserOptions _options;
    private readonly NoteMatcher _notes;
    private readonly ReferenceScanner _references;
    private readonly List<string> _lines;
    private readonly MutableCommit _commit = new();
    private int _index;

    public ParseSession(ParserOptions options, NoteMatcher notes, ReferenceScanner references, string input)
    {
        _options = options;
        _notes = notes;
        _references = references;
        _lines = ParserText.SplitLines(ParserText.TrimNewLines(input));
        _lines.RemoveAll(line => ParserText.IsGpgLine(line));
        Input = input;
    }

    private string Input { get; }

    private string? Current => _index < _lines.Count ? _lines[_index] : null;

    private bool IsLineAvailable => _index < _lines.Count;

    public MutableCommit Run()
    {
        if (JsText.Trim(Input).Length == 0) return _commit;
        var isMergeCommit = ParseMerge();
        ParseHeader(isMergeCommit);
        if (!string.IsNullOrEmpty(_commit.Header))
        {
            _commit.References.Clear();
            _commit.References.AddRange(_references.Parse(_commit.Header));
        }

        var isBody = true;
        while (IsLineAvailable)
        {
            ParseMeta();
            if (ParseNotes()) isBody = false;
            if (!ParseBodyAndFooter(isBody)) isBody = false;
        }

        ParseBreakingHeader();
        ParserText.AddMentions(Input, _commit.Mentions);
        ParseRevert();
        Cleanup();
        return _commit;
    }

    private bool ParseMerge()
    {
        var line = Current;
        if (string.IsNullOrEmpty(line) || _options.MergePattern is null) return false;
        if (PresetPatterns.SafeMatch(_options.MergePattern, line) is not { } match) return false;
        _index++;
        _commit.Merge = match.Value.Length == 0 ? null : match.Value;
        AssignGroups(match, _options.MergeCorrespondence);
        return true;
    }

    private void ParseHeader(bool isMergeCommit)
    {
        if (isMergeCommit)
        {
            while (Current is { } line && JsText.Trim(line).Length == 0) _index++;
        }

        var header = _commit.Header;
        if (header is null)
        {
            header = Current;
            _index++;
        }

        if (string.IsNullOrEmpty(header)) return;
        Match? match = null;
        if (_options.BreakingHeaderPattern is not null) match = BreakingHeaderMatch(header);
        // every preset header pattern needs ": "; skipping the regex when it is absent is only a shortcut
        if (match is null && header.Contains(": ", StringComparison.Ordinal)) match = PresetPatterns.SafeMatch(_options.HeaderPattern, header);
        _commit.Header = header;
        if (match is null) return;
        _commit.HeaderMatched = true;
        AssignGroups(match, ["type", "scope", "subject"]);
    }

    private string? _breakingHeader;
    private Match? _breakingMatch;

    /// <summary>The breaking pattern needs "!: "; its result is kept because parseBreakingHeader asks again.</summary>
    private Match? BreakingHeaderMatch(string header)
    {
        if (ReferenceEquals(header, _breakingHeader)) return _breakingMatch;
        _breakingHeader = header;
        _breakingMatch = header.Contains("!: ", StringComparison.Ordinal) ? PresetPatterns.SafeMatch(_options.BreakingHeaderPattern!, header) : null;
        return _breakingMatch;
    }

    private void AssignGroups(Match match, IReadOnlyList<string> correspondence)
    {
        for (var i = 0; i < correspondence.Count; i++)
        {
            var group = i + 1 < match.Groups.Count ? match.Groups[i + 1] : null;
            _commit.Assign(correspondence[i], group is { Success: true } ? group.Value : null);
        }
    }

    private bool ParseMeta()
    {
        if (!_options.ParseFields || !IsLineAvailable) return false;
        string? field = null;
        var parsed = false;
        while (Current is { } line)
        {
            if (ParserText.FieldName(line) is { } name)
            {
                field = name.Length == 0 ? null : name;
                _index++;
                continue;
            }

            if (field is null) break;
            parsed = true;
            _commit.AppendField(field, line);
            _index++;
        }

        return parsed;
    }

    private bool ParseNotes()
    {
        if (Current is not { } first || !_notes.TryMatch(first, out var title, out var text)) return false;
        while (true)
        {
            var note = new TextAccumulator();
            note.Set(text);
            _commit.Notes.Add((title, note));
            _commit.Footer.AppendLine(Current);
            _index++;
            var startsAnotherNote = false;
            while (IsLineAvailable)
            {
                if (ParseMeta()) return true;
                if (Current is not { } line) return true;
                if (_notes.TryMatch(line, out title, out text))
                {
                    startsAnotherNote = true;
                    break;
                }

                var references = _references.Parse(line);
                if (references.Count > 0) _commit.References.AddRange(references);
                else note.AppendLine(line);
                _commit.Footer.AppendLine(line);
                _index++;
                if (references.Count > 0) break;
            }

            if (!startsAnotherNote) return true;
        }
    }

    private bool ParseBodyAndFooter(bool isBody)
    {
        if (Current is not { } line) return isBody;
        var references = _references.Parse(line);
        var isStillBody = references.Count == 0 && isBody;
        if (isStillBody)
        {
            _commit.Body.AppendLine(line);
        }
        else
        {
            _commit.References.AddRange(references);
            _commit.Footer.AppendLine(line);
        }

        _index++;
        return isStillBody;
    }

    private void ParseBreakingHeader()
    {
        if (_options.BreakingHeaderPattern is null || _commit.Notes.Count > 0 || string.IsNullOrEmpty(_commit.Header)) return;
        if (BreakingHeaderMatch(_commit.Header) is not { } match) return;
        var subject = match.Groups.Count > 3 && match.Groups[3].Success ? match.Groups[3].Value : "";
        var note = new TextAccumulator();
        note.Set(subject);
        _commit.Notes.Add(("BREAKING CHANGE", note));
    }

    private void ParseRevert()
    {
        if (_options.RevertPattern is not null
            && Input.Contains("This reverts commit ", StringComparison.OrdinalIgnoreCase)
            && PresetPatterns.SafeMatch(_options.RevertPattern, Input) is { } match)
        {
            static string? Group(Match m, int i) => i < m.Groups.Count && m.Groups[i] is { Success: true, Length: > 0 } g ? g.Value : null;
            _commit.Revert = new CommitRevert(Group(match, 1), Group(match, 2));
        }
        else if (!string.IsNullOrEmpty(_commit.RevertFieldText))
        {
            // a "-revert-" meta field makes commit.revert a truthy string: a revert with nothing to match
            _commit.Revert = new CommitRevert(null, null);
        }
    }

    private static string? TrimNewLinesIfNotEmpty(string? text) => string.IsNullOrEmpty(text) ? text : ParserText.TrimNewLines(text);

    private void Cleanup()
    {
        _commit.Body.Set(TrimNewLinesIfNotEmpty(_commit.Body.ToString()));
        _commit.Footer.Set(TrimNewLinesIfNotEmpty(_commit.Footer.ToString()));
        foreach (var note in _commit.Notes) note.Text.Set(ParserText.TrimNewLines(note.Text.ToString() ?? ""));

        if (_commit.References.Count < 2) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        _commit.References.RemoveAll(r => !seen.Add($"{r.Action ?? "null"} {r.Raw}".ToLowerInvariant()));
    }
}
