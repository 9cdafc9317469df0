using System.Buffers.Text;
using System.Diagnostics;
using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>
/// Reads whole histories, parents and details, in one <c>git log</c> pass: for a first read of many commits at once
/// (changelog regeneration over 20,000 commits). <c>git rev-list</c> followed by <c>git cat-file --batch</c> gives the
/// same facts but has git inflate every commit object twice. The fields are those of the other readers: parents as git
/// sees them (<c>%P</c>: grafts and shallow boundaries included, replace refs ignored, as <see cref="GitCliTopology"/>),
/// committer time and offset, the author as in the object, and the raw message (<c>%B</c>: the stored bytes after the
/// header) with leading newlines trimmed as libgit2 does. git re-encodes a commit that declares another encoding (and
/// git 2.39 does so even with <c>--encoding=none</c>) where libgit2 gives the stored bytes: such a commit comes without
/// details, and the caller reads them from the object. Bounded in time; null when git is missing or fails, so the
/// caller falls back to the other readers.
/// </summary>
internal static class GitCliLogReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Fields of one commit separated by NUL; with -z a NUL ends each record, so each field ends with a NUL. NUL
    /// cannot occur in a field (git stops a message at its first NUL, as libgit2 does).</summary>
    private const string Format = "%H %P%x00%ct %ci%x00%e%x00%an%x00%ae%x00%B";

    private const int FieldsPerRecord = 6;

    /// <summary>
    /// <see cref="TryRead(string, IReadOnlyCollection{ObjectKey}, IReadOnlyCollection{ObjectKey})"/> cut in two and read
    /// by two git processes at once, as <see cref="HistoryListing"/> does for HEAD: the history of
    /// <paramref name="middle"/>, and that of all <paramref name="starts"/> without it. A commit either is an ancestor
    /// of <paramref name="middle"/> or is not, so together they give exactly the ancestors of the starts; the second
    /// part may repeat a few of the first when clock skew makes git stop excluding late, and they are dropped.
    /// </summary>
    /// <param name="middle">A start about halfway down the history (e.g. the middle release); any would be correct.</param>
    public static List<RawCommit>? TryRead(string gitDirectory, IReadOnlyCollection<ObjectKey> starts, ObjectKey middle)
    {
        var below = Task.Factory.StartNew(() => TryRead(gitDirectory, [middle], []),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var above = TryRead(gitDirectory, starts, [middle]);
        var first = below.Result;
        return first is null || above is null ? null : HistoryListing.Join(first, above);
    }

    /// <param name="excluded">Commits whose ancestors are left out (<c>^x</c>).</param>
    /// <returns>Every commit reachable from any of <paramref name="starts"/> and not from <paramref name="excluded"/>
    /// (clock skew may let a few of those through), each once, with details; null when git could not tell.</returns>
    public static List<RawCommit>? TryRead(string gitDirectory, IReadOnlyCollection<ObjectKey> starts, IReadOnlyCollection<ObjectKey> excluded)
    {
        var psi = GitCli.StartInfo(gitDirectory, ["log", "--stdin", "--no-show-signature", "--no-color", "-z", "--format=" + Format]);

        Process? process = null;
        try
        {
            process = Process.Start(psi);
            if (process is null) return null;
            // git log reads all of stdin before it prints, so writing first cannot block on its output.
            var input = process.StandardInput;
            input.AutoFlush = false;
            foreach (var s in starts)
            {
                input.Write(s.ToSha());
                input.Write('\n');
            }
            foreach (var x in excluded)
            {
                input.Write('^');
                input.Write(x.ToSha());
                input.Write('\n');
            }
            input.Close();
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var output = process.StandardOutput.BaseStream;
            var reading = Task.Factory.StartNew(() => Parse(output), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            // Output it could not parse leaves git blocked on a full pipe: stop it rather than wait for it.
            if (!reading.Wait(Timeout) || reading.Result is null)
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            process.WaitForExit();
            return process.ExitCode == 0 ? reading.Result : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException or AggregateException)
        {
            return null;
        }
        finally
        {
            process?.Dispose();
        }
    }

    /// <summary>Splits git's output into records of <see cref="FieldsPerRecord"/> NUL-ended fields.</summary>
    internal static List<RawCommit>? Parse(Stream output)
    {
        var commits = new List<RawCommit>();
        var authors = new Authors();
        var buffer = new byte[1 << 16];
        var filled = 0;
        var ends = new int[FieldsPerRecord];
        while (true)
        {
            var read = output.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var start = 0;
            while (true)
            {
                // Find the record's field ends, from its start: a record split over two reads is rescanned once.
                var found = 0;
                var at = start;
                while (found < ends.Length)
                {
                    var nul = buffer.AsSpan(at, filled - at).IndexOf((byte)0);
                    if (nul < 0) break;
                    at += nul;
                    ends[found++] = at++;
                }
                if (found < ends.Length) break;
                if (ParseRecord(buffer, start, ends, authors) is not { } commit) return null;
                commits.Add(commit);
                start = ends[FieldsPerRecord - 1] + 1;
            }
            if (read == 0) return filled - start == 0 ? commits : null;
            buffer.AsSpan(start, filled - start).CopyTo(buffer);
            filled -= start;
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
    }

    private static RawCommit? ParseRecord(byte[] buffer, int start, int[] ends, Authors authors)
    {
        ReadOnlySpan<byte> Field(int i) => buffer.AsSpan(i == 0 ? start : ends[i - 1] + 1, ends[i] - (i == 0 ? start : ends[i - 1] + 1));

        // "%H %P": the id, then the parents, separated by spaces (none for a root commit).
        var ids = Field(0);
        var parents = new List<ObjectKey>(2);
        ObjectKey id = default;
        var first = true;
        foreach (var range in ids.Split((byte)' '))
        {
            var hex = ids[range];
            if (hex.IsEmpty && !first) continue;
            if (!ObjectKey.TryParseAscii(hex, out var key)) return null;
            if (first) id = key; else parents.Add(key);
            first = false;
        }

        // "%ct %ci": "1717200000 2024-06-01 02:00:00 +0200" (the offset as the object stores it ends the ISO date).
        var time = Field(1);
        var space = time.IndexOf((byte)' ');
        if (space < 0 || time.Length < 6 || !Utf8Parser.TryParse(time[..space], out long seconds, out var used) || used != space) return null;
        if (!GitCli.TryParseOffset(time[^5..], out var offset)) return null;
        var committed = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(offset);

        // "%e": the encoding header, empty when there is none (UTF-8).
        if (!Field(2).IsEmpty) return new RawCommit(id, [.. parents], committed, Details: null);
        var message = Field(5);
        while (!message.IsEmpty && message[0] == '\n') message = message[1..];
        var details = new CommitDetails(authors.Name.Decode(Field(3)), authors.Email.Decode(Field(4)), Encoding.UTF8.GetString(message), committed);
        return new RawCommit(id, [.. parents], committed, details);
    }

    /// <summary>The last author name and email decoded. The name is trimmed like the other readers do (git already drops
    /// the spaces before '&lt;', this also drops leading ones); the email as git prints it.</summary>
    private sealed class Authors
    {
        public GitCli.RecentString Name { get; } = new(trim: true);

        public GitCli.RecentString Email { get; } = new(trim: false);
    }
}
