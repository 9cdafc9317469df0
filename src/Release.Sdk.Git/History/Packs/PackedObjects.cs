using System.Runtime.CompilerServices;

namespace Release.Sdk.Git.History.Packs;

/// <summary>
/// A repository's packed objects, read by hand: object lookup across every pack, entry headers, inflation and delta
/// resolution. Only what reading commits needs; anything this does not understand (an index other than version 2,
/// SHA-256 repositories, alternates) makes <see cref="TryOpen"/> give null and the caller reads through git.
/// </summary>
internal sealed class PackedObjects : IDisposable
{
    private const int Commit = 1;
    private const int OffsetDelta = 6;
    private const int ReferenceDelta = 7;

    // git's default delta depth is 50 and its maximum 4095; a longer chain is a corrupt (or cyclic) pack.
    private const int MaxDeltaDepth = 4096;

    private readonly PackFile[] _packs;

    private PackedObjects(PackFile[] packs) => _packs = packs;

    /// <summary>Whether the repository has packs and they look like something this reader handles (cheap: none is opened).</summary>
    public static bool IsReadable(string commonGitDirectory)
    {
        var objects = Path.Combine(commonGitDirectory, "objects");
        // Alternates lend objects from elsewhere; a SHA-256 repository has 32-byte ids; grafts and replace refs change
        // the parents git reports (as for the commit-graph, git's own answer is taken then).
        var packs = Path.Combine(objects, "pack");
        return Directory.Exists(packs) && Directory.EnumerateFiles(packs, "pack-*.idx").Any() && !File.Exists(Path.Combine(objects, "info", "alternates"))
            && !UsesOtherObjectFormat(commonGitDirectory) && !RewritesParents(commonGitDirectory);
    }

    /// <summary>Whether the packs hold more than <paramref name="bytes"/> bytes in all (cheap: only their sizes are read).</summary>
    public static bool PacksExceed(string commonGitDirectory, long bytes)
    {
        try
        {
            var packs = new DirectoryInfo(Path.Combine(commonGitDirectory, "objects", "pack"));
            return packs.Exists && packs.EnumerateFiles("pack-*.pack").Sum(f => f.Length) > bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool RewritesParents(string commonGitDirectory)
    {
        if (File.Exists(Path.Combine(commonGitDirectory, "info", "grafts")) || Directory.Exists(Path.Combine(commonGitDirectory, "refs", "replace")))
            return true;
        var packedRefs = Path.Combine(commonGitDirectory, "packed-refs");
        try
        {
            return File.Exists(packedRefs) && File.ReadAllText(packedRefs).Contains(" refs/replace/", StringComparison.Ordinal);
        }
        catch (IOException) { return true; }
    }

    /// <returns>null when there is no pack or the object store has something this reader does not handle.</returns>
    public static PackedObjects? TryOpen(string commonGitDirectory)
    {
        if (!IsReadable(commonGitDirectory)) return null;
        var packDirectory = Path.Combine(commonGitDirectory, "objects", "pack");
        var packs = new List<PackFile>();
        try
        {
            foreach (var index in Directory.EnumerateFiles(packDirectory, "pack-*.idx").Order(StringComparer.Ordinal))
            {
                if (!File.Exists(Path.ChangeExtension(index, ".pack"))) continue;
                if (PackFile.TryOpen(index) is not { } pack)
                {
                    foreach (var p in packs) p.Dispose();
                    return null;
                }
                packs.Add(pack);
            }
        }
        // A damaged pack (an empty file, a bad header) is git's to report, as for any pack this reader does not take.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            foreach (var p in packs) p.Dispose();
            return null;
        }
        if (packs.Count == 0) return null;
        return new PackedObjects([.. packs]);
    }

    private static bool UsesOtherObjectFormat(string commonGitDirectory)
    {
        var config = Path.Combine(commonGitDirectory, "config");
        try
        {
            return File.Exists(config) && File.ReadAllText(config).Contains("objectformat", StringComparison.OrdinalIgnoreCase);
        }
        catch (IOException) { return true; }
    }

    /// <summary>How many objects all packs hold together (the range of <see cref="TryFind"/>'s positions).</summary>
    public int Count => _packs.Sum(p => p.Count);

    /// <summary>Where an object is packed.</summary>
    /// <param name="position">A number for the object unique across all packs, in [0, <see cref="Count"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
    public bool TryFind(ObjectKey id, out PackFile pack, out long offset, out int position)
    {
        var before = 0;
        foreach (var p in _packs)
        {
            var found = p.Find(id);
            if (found >= 0)
            {
                pack = p;
                offset = p.OffsetAt(found);
                position = before + found;
                return true;
            }
            before += p.Count;
        }
        pack = null!;
        offset = position = -1;
        return false;
    }

    public bool TryFind(ObjectKey id, out PackFile pack, out long offset) => TryFind(id, out pack, out offset, out _);

    /// <summary>
    /// The start of a packed commit's content: at least <paramref name="buffer"/>'s length or the whole object if
    /// shorter. A commit stored as a delta is rebuilt whole (rare: git seldom deltifies commits).
    /// </summary>
    /// <returns>The bytes read, which are <paramref name="buffer"/>'s start or the whole rebuilt object; empty when
    /// the object is not a commit.</returns>
    /// <exception cref="InvalidDataException">The pack is corrupt.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
    public ReadOnlySpan<byte> ReadCommitStart(PackFile pack, long offset, Inflater inflater, byte[] buffer, out bool complete)
    {
        var entry = pack.From(offset);
        var (type, size, dataStart) = EntryHeader(entry);
        if (type == Commit)
        {
            var wanted = (int)Math.Min(size, buffer.Length);
            var read = inflater.Inflate(entry[dataStart..], buffer.AsSpan(0, wanted));
            if (read != wanted) throw new InvalidDataException("commit shorter than its header says");
            complete = wanted == size;
            return buffer.AsSpan(0, read);
        }
        complete = true;
        if (type is not (OffsetDelta or ReferenceDelta)) return default;
        var whole = ReadObject(pack, offset, inflater, out type);
        return type == Commit ? whole : default;
    }

    /// <summary>
    /// A whole object's content, inflated into <paramref name="scratch"/> (replaced by a larger array when too small)
    /// rather than a new array: a first build's walk reads 100k commits and keeps only their parsed parts.
    /// Deltified objects (rare for commits) are resolved as by <see cref="ReadObject(PackFile, long, Inflater, out int)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per commit of a first build: full JIT at once, not ReadyToRun code (see decisions.md)
    public ReadOnlySpan<byte> ReadObject(PackFile pack, long offset, Inflater inflater, scoped ref byte[] scratch, out int type)
    {
        var entry = pack.From(offset);
        var (entryType, size, dataStart) = EntryHeader(entry);
        if (entryType is not (>= 1 and <= 4) || size > int.MaxValue) return ReadObject(pack, offset, inflater, out type);
        if (scratch.Length < size) scratch = new byte[Math.Max((int)size, scratch.Length * 2)];
        var content = scratch.AsSpan(0, (int)size);
        if (inflater.Inflate(entry[dataStart..], content) != size) throw new InvalidDataException("object shorter than its header says");
        type = entryType;
        return content;
    }

    /// <summary>A whole object's content, deltas resolved.</summary>
    public byte[] ReadObject(PackFile pack, long offset, Inflater inflater, out int type) => ReadObject(pack, offset, inflater, 0, out type);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per commit of a first build: full JIT at once, not ReadyToRun code (see decisions.md)
    private byte[] ReadObject(PackFile pack, long offset, Inflater inflater, int depth, out int type)
    {
        if (depth > MaxDeltaDepth) throw new InvalidDataException("delta chain too long");
        var entry = pack.From(offset);
        var (entryType, size, dataStart) = EntryHeader(entry);
        if (size > int.MaxValue) throw new InvalidDataException("object too large");
        switch (entryType)
        {
            case >= 1 and <= 4:
                type = entryType;
                return Inflate(entry[dataStart..], (int)size, inflater);
            case OffsetDelta:
            {
                var (distance, used) = BaseDistance(entry[dataStart..]);
                if (distance <= 0 || distance > offset) throw new InvalidDataException("bad delta base offset");
                var delta = Inflate(entry[(dataStart + used)..], (int)size, inflater);
                var baseObject = ReadObject(pack, offset - distance, inflater, depth + 1, out type);
                return Delta.Apply(baseObject, delta);
            }
            case ReferenceDelta:
            {
                var baseId = ObjectKey.FromBytes(entry.Slice(dataStart, ObjectKey.Size));
                var delta = Inflate(entry[(dataStart + ObjectKey.Size)..], (int)size, inflater);
                if (!TryFind(baseId, out var basePack, out var baseOffset)) throw new InvalidDataException($"delta base {baseId} is not packed");
                var baseObject = ReadObject(basePack, baseOffset, inflater, depth + 1, out type);
                return Delta.Apply(baseObject, delta);
            }
            default:
                throw new InvalidDataException($"unknown pack entry type {entryType}");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per commit of a first build: full JIT at once, not ReadyToRun code (see decisions.md)
    private static byte[] Inflate(ReadOnlySpan<byte> zlib, int size, Inflater inflater)
    {
        var content = new byte[size];
        if (inflater.Inflate(zlib, content) != size) throw new InvalidDataException("object shorter than its header says");
        return content;
    }

    /// <summary>
    /// What a sample of the largest pack's index tells about its commits, without walking: a commit about halfway down
    /// the history (git writes a pack's commits first and in walk order, newest first, so the commit in the middle of
    /// the pack's commits by offset is about halfway down), and about how many commits the pack holds and how large
    /// they are. The index's order (by id) is random with respect to the pack's, so 1,024 evenly
    /// spaced index entries are a fair sample: the count comes within a few percent.
    /// </summary>
    /// <returns>null when the packs are too small for a second walk to pay, or the sample holds too few commits.</returns>
    public CommitSample? SampleCommits(int minimumObjects = MinimumObjectsForTwoWalks)
    {
        const int samples = 1024;
        PackFile? largest = null;
        foreach (var p in _packs)
        {
            if (largest is null || p.Count > largest.Count) largest = p;
        }
        if (largest is null || largest.Count < minimumObjects) return null;
        var offsets = new long[samples];
        var positions = new int[samples];
        var commits = 0;
        long commitBytes = 0;
        for (var k = 0; k < samples; k++)
        {
            var position = (int)((long)k * largest.Count / samples);
            var offset = largest.OffsetAt(position);
            var (type, size, _) = EntryHeader(largest.From(offset));
            if (type != Commit) continue;
            commitBytes += size;
            offsets[commits] = offset;
            positions[commits++] = position;
        }
        if (commits < 16) return null;
        Array.Sort(offsets, positions, 0, commits);
        var estimate = (long)commits * largest.Count / samples;
        // A commit's message is part of its object, whose size each entry's header gives without inflating anything.
        var objectBytes = commitBytes * largest.Count / samples;
        return new CommitSample(largest.IdAt(positions[commits / 2]), (int)Math.Min(estimate, int.MaxValue), (int)Math.Min(objectBytes, int.MaxValue));
    }

    /// <summary>Below this many packed objects (a few thousand commits) one walk is quick enough.</summary>
    private const int MinimumObjectsForTwoWalks = 20_000;

    /// <summary>An entry's type, inflated size and where its data (or delta base) starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: full JIT at once, not ReadyToRun code (see class remarks)
    private static (int Type, long Size, int DataStart) EntryHeader(ReadOnlySpan<byte> entry)
    {
        var b = entry[0];
        var type = (b >> 4) & 7;
        long size = b & 0x0F;
        var shift = 4;
        var i = 1;
        while ((b & 0x80) != 0)
        {
            if (shift > 56) throw new InvalidDataException("pack entry size too large");
            b = entry[i++];
            size |= (long)(b & 0x7F) << shift;
            shift += 7;
        }
        return (type, size, i);
    }

    /// <summary>An offset delta's distance back to its base (git's "offset encoding", each continuation adding one).</summary>
    private static (long Distance, int Used) BaseDistance(ReadOnlySpan<byte> data)
    {
        var i = 0;
        var b = data[i++];
        long distance = b & 0x7F;
        while ((b & 0x80) != 0)
        {
            if (distance > long.MaxValue >> 8) throw new InvalidDataException("delta base offset too large");
            b = data[i++];
            distance = ((distance + 1) << 7) | (long)(b & 0x7F);
        }
        return (distance, i);
    }

    public void Dispose()
    {
        foreach (var pack in _packs) pack.Dispose();
    }

    /// <summary>git's delta format: base size, result size, then copy-from-base and insert instructions.</summary>
    internal static class Delta
    {
        public static byte[] Apply(byte[] source, ReadOnlySpan<byte> delta)
        {
            var at = 0;
            if (ReadSize(delta, ref at) != source.Length) throw new InvalidDataException("delta base size mismatch");
            var resultSize = ReadSize(delta, ref at);
            if (resultSize > int.MaxValue) throw new InvalidDataException("delta result too large");
            var result = new byte[resultSize];
            var written = 0;
            while (at < delta.Length)
            {
                var op = delta[at++];
                if ((op & 0x80) != 0)
                {
                    long copyOffset = 0, copySize = 0;
                    for (var bit = 0; bit < 4; bit++)
                        if ((op & (1 << bit)) != 0) copyOffset |= (long)delta[at++] << (8 * bit);
                    for (var bit = 0; bit < 3; bit++)
                        if ((op & (0x10 << bit)) != 0) copySize |= (long)delta[at++] << (8 * bit);
                    if (copySize == 0) copySize = 0x10000;
                    if (copyOffset + copySize > source.Length || written + copySize > result.Length)
                        throw new InvalidDataException("delta copy out of range");
                    source.AsSpan((int)copyOffset, (int)copySize).CopyTo(result.AsSpan(written));
                    written += (int)copySize;
                }
                else if (op != 0)
                {
                    if (at + op > delta.Length || written + op > result.Length) throw new InvalidDataException("delta insert out of range");
                    delta.Slice(at, op).CopyTo(result.AsSpan(written));
                    written += op;
                    at += op;
                }
                else throw new InvalidDataException("reserved delta instruction");
            }
            if (written != result.Length) throw new InvalidDataException("delta result size mismatch");
            return result;
        }

        private static long ReadSize(ReadOnlySpan<byte> delta, ref int at)
        {
            long size = 0;
            var shift = 0;
            byte b;
            do
            {
                if (shift > 56) throw new InvalidDataException("delta size too large");
                b = delta[at++];
                size |= (long)(b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return size;
        }
    }
}

/// <summary>See <see cref="PackedObjects.SampleCommits"/>.</summary>
/// <param name="Middle">A commit about halfway down the history.</param>
/// <param name="EstimatedCommits">About how many commits the largest pack holds.</param>
/// <param name="EstimatedObjectBytes">About how many bytes their objects take (their messages take less).</param>
internal sealed record CommitSample(ObjectKey Middle, int EstimatedCommits, int EstimatedObjectBytes);
