using System.Runtime.CompilerServices;

namespace Release.Sdk.Git.History;

/// <summary>
/// A commit object's header lines (tree, parents, author, committer), read for the walk: the parents and the committer
/// time, nothing decoded that a walk does not need. Shared by the pack walk and the loose-object reader.
/// </summary>
internal static class CommitHeader
{
    /// <summary>The parents of the commit being parsed (not a List&lt;ObjectKey&gt;: see the note in <see cref="Packs.PackedHistory"/>).</summary>
    internal sealed class Parents
    {
        private ObjectKey[] _items = new ObjectKey[4];

        public int Count { get; private set; }

        public void Clear() => Count = 0;

        public void Add(ObjectKey id)
        {
            if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[Count++] = id;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the pack walk (see GitCliCommitReader.ParseCommit)
        public ObjectKey[] ToArray()
        {
            if (Count == 0) return [];
            var copy = new ObjectKey[Count];
            for (var i = 0; i < Count; i++) copy[i] = _items[i];
            return copy;
        }
    }

    /// <summary>
    /// Parents and committer time from a commit's header lines; false when they are not all there. The lines must come
    /// in the order git writes them (tree, parents, author, committer): this reader stops before the end of the zlib
    /// stream, so its checksum is never checked, and a damaged pack must not pass for a commit without parents.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called 100k times by a first build's pack walk (see PackedHistory)
    public static bool TryParse(ReadOnlySpan<byte> content, Parents parents, out DateTimeOffset committed)
    {
        parents.Clear();
        committed = default;
        if (!TryTakeLine(ref content, out var line) || !Starts(line, "tree "u8) || line.Length != 45 ||
            !ObjectKey.TryParseAscii(line[5..], out _)) return false;
        if (!TryTakeLine(ref content, out line)) return false;
        while (Starts(line, "parent "u8))
        {
            if (!ObjectKey.TryParseAscii(line["parent "u8.Length..], out var parent)) return false;
            parents.Add(parent);
            if (!TryTakeLine(ref content, out line)) return false;
        }
        if (!Starts(line, "author "u8) || !TryTakeLine(ref content, out line) || !Starts(line, "committer "u8)) return false;
        return TryParseTime(line, out committed)
            || GitCliCommitReader.TryParseSignature(line["committer "u8.Length..], null, out _, out _, out committed);
    }

    /// <summary>
    /// The "&lt;seconds&gt; &lt;+hhmm&gt;" that ends a committer line, read backwards with plain loops (the general
    /// signature parser searches and slices, and early in a process those helpers run unoptimized code); false for
    /// anything else, which the general parser then judges.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseTime(ReadOnlySpan<byte> line, out DateTimeOffset committed)
    {
        committed = default;
        var n = line.Length;
        if (n < 9 || line[n - 6] != ' ' || (line[n - 5] != '+' && line[n - 5] != '-')) return false;
        int zone = 0;
        for (var i = n - 4; i < n; i++)
        {
            var d = line[i] - '0';
            if ((uint)d > 9) return false;
            zone = zone * 10 + d;
        }
        var start = n - 6;
        while (start > 0 && (uint)(line[start - 1] - '0') <= 9) start--;
        if (start == n - 6 || n - 6 - start > 18 || start < 2 || line[start - 1] != ' ' || line[start - 2] != '>') return false;
        long seconds = 0;
        for (var i = start; i < n - 6; i++) seconds = seconds * 10 + (line[i] - '0');
        var minutes = zone / 100 * 60 + zone % 100;
        if (zone % 100 >= 60 || minutes > 14 * 60) return false;
        var offset = TimeSpan.FromMinutes(line[n - 5] == '-' ? -minutes : minutes);
        committed = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(offset);
        return true;
    }

    // Plain loops rather than the vectorized span helpers: a header line is short, and early in a process those
    // helpers may still run unoptimized code while this loop runs 100k times.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryTakeLine(ref ReadOnlySpan<byte> content, out ReadOnlySpan<byte> line)
    {
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] != (byte)'\n') continue;
            line = content[..i];
            content = content[(i + 1)..];
            return true;
        }
        line = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Starts(ReadOnlySpan<byte> line, ReadOnlySpan<byte> prefix)
    {
        if (line.Length < prefix.Length) return false;
        for (var i = 0; i < prefix.Length; i++)
            if (line[i] != prefix[i]) return false;
        return true;
    }

}
