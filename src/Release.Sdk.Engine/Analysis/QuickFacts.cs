using System.Runtime.CompilerServices;
using Release.Sdk.Engine.Commits;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// The <see cref="AnalyzedCommit"/> of a commit whose message needs none of the parser's line-by-line work, read
/// straight from the message: no meta-field line, no note keyword after the header, no revert text, no gpg line, no
/// carriage return or Unicode line separator. Then the parser's result is only the header's type, scope and subject
/// (and, with conventionalcommits' <c>!</c>, a BREAKING CHANGE note), which is all the facts and the release rules
/// need, unless a rule reads the body or footer. Anything else gives no answer and the caller parses in full. A first
/// build of a history without tags analyzes every commit; a property test holds these facts to the full parse's.
/// One instance per thread: it reuses its buffers.
/// </summary>
internal sealed class QuickFacts
{
    private readonly NoteMatcher _notes;
    private readonly ReleaseRule[]? _customRules;
    private readonly ReleaseRule[] _defaultRules;
    private readonly HeaderShape.Bang _bang;
    private readonly bool _breakingPattern;
    private readonly bool _usable;
    private readonly Subject _subject = new();

    public QuickFacts(ParserOptions options, IReadOnlyList<ReleaseRule>? customRules)
    {
        _notes = new NoteMatcher(options.NoteKeywords);
        // Only rules that can match a commit read this way are tried: a revert rule, or one on a meta field or the
        // merge pattern's groups, never matches here, and skipping rules that cannot match leaves every outcome as is.
        _customRules = customRules is null ? null : [.. customRules.Where(CanMatch)];
        _defaultRules = [.. DefaultReleaseRules.All.Where(CanMatch)];
        _breakingPattern = options.BreakingHeaderPattern is not null;
        var conventional = ReferenceEquals(options.HeaderPattern, PresetPatterns.ConventionalCommitsHeader());
        _bang = conventional ? HeaderShape.Bang.Optional : HeaderShape.Bang.None;
        // Only the presets' own patterns are known to this reader, and rules on body or footer need the full parse.
        _usable = options.MergePattern is null && options.ParseFields && options.RevertPattern is not null
                  && (conventional || ReferenceEquals(options.HeaderPattern, PresetPatterns.AngularHeader()))
                  && (!_breakingPattern || ReferenceEquals(options.BreakingHeaderPattern, PresetPatterns.ConventionalCommitsBreakingHeader()))
                  && !(customRules ?? []).Any(r => r.Conditions.Keys.Any(k => k is "body" or "footer"));
    }

    /// <returns>false when the commit needs the full parse.</returns>
    public bool TryCompute(CommitInfo commit, out AnalyzedCommit facts) => TryCompute((commit.Message ?? "").AsMemory(), commit.Sha.AsMemory(), out facts);

    /// <summary>The facts of a commit with this message and sha (see <see cref="ICommitTextSource"/>).</summary>
    /// <returns>false when the commit needs the full parse.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the bulk analysis (see CommitAnalyzer.ReadOnEveryCore)
    public bool TryCompute(ReadOnlyMemory<char> messageText, ReadOnlyMemory<char> sha, out AnalyzedCommit facts)
    {
        facts = default;
        if (!_usable) return false;
        var message = messageText.Span;
        var (start, length) = JsText.TrimRange(message);
        if (length == 0)
        {
            facts = new AnalyzedCommit(true, ReleaseType.None, null, 0, null);
            return true;
        }

        var trimmed = message.Slice(start, length);
        if (trimmed.IndexOfAny('\r', '\u2028', '\u2029') >= 0) return false;
        // The parser's own shortcut before its revert pattern (both presets have one); the pattern is anchored at an
        // ASCII "revert", so only a message starting with 'r' or 'R' can be a revert and needs the search.
        if (trimmed[0] is 'r' or 'R' && trimmed.Contains("This reverts commit ", StringComparison.OrdinalIgnoreCase)) return false;
        var newline = trimmed.IndexOf('\n');
        var header = newline < 0 ? trimmed : trimmed[..newline];
        if (header.Length > PresetPatterns.UntimedHeaderLimit || ParserText.IsGpgLine(header)) return false;
        for (var rest = newline < 0 ? [] : trimmed[(newline + 1)..]; !rest.IsEmpty;)
        {
            var next = rest.IndexOf('\n');
            var line = next < 0 ? rest : rest[..next];
            if (ParserText.IsGpgLine(line) || IsFieldLine(line) || _notes.Matches(line)) return false;
            rest = next < 0 ? [] : rest[(next + 1)..];
        }

        // The breaking pattern needs "!: " somewhere; most headers have none and skip that match. When it matches, its
        // groups are the ones the header takes (the parser matches the header again with the breaking pattern then).
        int typeLength = 0, scopeStart = -1, scopeLength = 0, subjectStart = 0;
        var breaking = _breakingPattern && header.Contains("!: ", StringComparison.Ordinal)
                       && HeaderShape.TryMatch(header, HeaderShape.Bang.Required, out typeLength, out scopeStart, out scopeLength, out subjectStart);
        _subject.Reset(messageText, sha, start, length, header.Length);
        if (breaking || HeaderShape.TryMatch(header, _bang, out typeLength, out scopeStart, out scopeLength, out subjectStart))
            _subject.Matched(typeLength, scopeStart, scopeLength, subjectStart, breaking);

        var release = CommitAnalyzer.DecideRelease(_subject, _customRules, _defaultRules);
        var revertKey = RevertKeys.Of(JsText.Trim(header), JsText.Trim(sha.Span));
        facts = new AnalyzedCommit(false, release, _subject.Type, revertKey, null);
        return true;
    }

    private static bool CanMatch(ReleaseRule rule) =>
        rule.Revert != true && rule.ConditionList.All(c => c.Field is "type" or "scope" or "subject" or "header" or "hash" or "message");

    /// <summary>The parser's default <c>fieldPattern</c> <c>/^-(.*?)-$/</c> (no line terminator can be inside here).</summary>
    private static bool IsFieldLine(ReadOnlySpan<char> line) => line.Length >= 2 && line[0] == '-' && line[^1] == '-';

    /// <summary>
    /// The commit as the release rules see it (commit-analyzer matches rules against git's commit object overlaid with
    /// the parser's result), its strings made only when a rule asks; types and scopes come from a small pool, since a
    /// history repeats a handful of them.
    /// </summary>
    private sealed class Subject : IRuleSubject
    {
        private readonly StringPool _types = new();
        private readonly StringPool _scopes = new();
        private ReadOnlyMemory<char> _message;
        private ReadOnlyMemory<char> _sha;
        private int _start;
        private int _length;
        private int _headerLength;
        private bool _matched;
        private int _typeLength;
        private int _scopeStart;
        private int _scopeLength;
        private int _subjectStart;

        public bool IsBreaking { get; private set; }

        public bool IsRevert => false;

        /// <summary>The parsed type (null when the header did not match or the type is empty, as the parser assigns).</summary>
        /// <remarks>Looked up once per commit: every rule on the type asks for it.</remarks>
        public string? Type
        {
            get
            {
                if (_typeKnown) return _type;
                _typeKnown = true;
                return _type = _matched && _typeLength > 0 ? _types.Get(Header[.._typeLength]) : null;
            }
        }

        private bool _typeKnown;
        private string? _type;

        private ReadOnlySpan<char> Header => _message.Span.Slice(_start, _headerLength);

        /// <param name="start">Where the trimmed message starts in <paramref name="message"/>; <paramref name="length"/> its length.</param>
        public void Reset(ReadOnlyMemory<char> message, ReadOnlyMemory<char> sha, int start, int length, int headerLength)
        {
            (_message, _sha, _start, _length, _headerLength) = (message, sha, start, length, headerLength);
            _matched = false;
            _typeKnown = false;
            IsBreaking = false;
        }

        public void Matched(int typeLength, int scopeStart, int scopeLength, int subjectStart, bool breaking)
        {
            (_matched, _typeLength, _scopeStart, _scopeLength, _subjectStart) = (true, typeLength, scopeStart, scopeLength, subjectStart);
            _typeKnown = false;
            IsBreaking = breaking;
        }

        public string? Field(string name) => name switch
        {
            "type" => Type,
            "scope" => _matched && _scopeStart >= 0 && _scopeLength > 0 ? _scopes.Get(Header.Slice(_scopeStart, _scopeLength)) : null,
            "subject" => _matched
                ? _subjectStart < _headerLength ? Header[_subjectStart..].ToString() : null
                : ConventionalCommit.GitSubject(_message.ToString()),
            "header" => Header.ToString(),
            "hash" => _sha.ToString(),
            "message" => _message.Span.Slice(_start, _length).ToString(),
            "body" or "footer" => throw new InvalidOperationException("rules on body or footer take the full parse"),
            // merge (no preset sets a merge pattern) and meta fields (there are none here)
            _ => null,
        };
    }

    /// <summary>Strings made from spans, shared while they repeat: at most a few dozen distinct values are kept.</summary>
    private sealed class StringPool
    {
        private readonly string[] _values = new string[32];
        private int _count;

        public string Get(ReadOnlySpan<char> value)
        {
            for (var i = 0; i < _count; i++)
            {
                if (value.SequenceEqual(_values[i])) return _values[i];
            }
            var made = value.ToString();
            if (_count < _values.Length) _values[_count++] = made;
            return made;
        }
    }
}
