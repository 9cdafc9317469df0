using System.Diagnostics;

namespace Release.Sdk.Git.History;

/// <summary>
/// Lists a whole history's parents and committer times with <c>git rev-list</c>, for the first build of a large
/// repository: libgit2 through LibGit2Sharp costs ~10-30 µs per commit, git ~5 µs, and on 100k commits that is
/// the difference between seconds and well under one. Read-only, bounded in time; when git is missing or fails,
/// the caller reads through libgit2 instead, so this can only make a build faster, never fail it.
/// </summary>
internal static class GitCliTopology
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <returns>Every commit reachable from <paramref name="start"/> (without details), or null when git could not tell.</returns>
    public static List<RawCommit>? TryRead(string gitDirectory, ObjectKey start)
    {
        using var listing = Start(gitDirectory, start.ToSha());
        return listing?.Result();
    }

    /// <summary>
    /// Starts listing the commits <c>git rev-list &lt;revisions&gt;</c> names (e.g. <c>HEAD</c>, or <c>HEAD --not X</c>)
    /// in the background: a first build starts it as soon as it knows the cache is empty, so git walks the history on
    /// another core while this process reads refs, configuration and JIT-compiles the engine.
    /// </summary>
    /// <returns>null when git could not be started.</returns>
    public static PendingListing? Start(string gitDirectory, params string[] revisions)
    {
        var psi = GitCli.StartInfo(gitDirectory, ["rev-list", "--parents", "--timestamp", .. revisions, "--"]);
        try
        {
            var process = Process.Start(psi);
            if (process is null) return null;
            process.StandardInput.Close();
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var output = process.StandardOutput.BaseStream;
            return new PendingListing(process, Task.Run(() => Parse(output)));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    /// <summary>A running <c>git rev-list</c>; disposing it stops git if its answer was never asked for.</summary>
    internal sealed class PendingListing(Process process, Task<List<RawCommit>?> reading) : IDisposable
    {
        /// <returns>The commits, or null when git failed, timed out or printed something unexpected.</returns>
        public List<RawCommit>? Result()
        {
            try
            {
                if (!reading.Wait(Timeout))
                {
                    Stop();
                    return null;
                }
                process.WaitForExit();
                return process.ExitCode == 0 ? reading.Result : null;
            }
            catch (Exception e) when (e is AggregateException or InvalidOperationException or IOException or FormatException)
            {
                return null;
            }
        }

        public void Dispose()
        {
            if (!reading.IsCompleted) Stop();
            process.Dispose();
        }

        private void Stop()
        {
            try { process.Kill(entireProcessTree: true); }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
        }
    }

    /// <summary>Parses "timestamp sha parent…" lines straight from git's output bytes: 100k lines, no strings.</summary>
    private static List<RawCommit>? Parse(Stream output)
    {
        var commits = new List<RawCommit>();
        var buffer = new byte[1 << 16];
        var filled = 0;
        var parents = new List<ObjectKey>(2);
        while (true)
        {
            var read = output.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var consumed = 0;
            int newline;
            while ((newline = buffer.AsSpan(consumed, filled - consumed).IndexOf((byte)'\n')) >= 0)
            {
                if (!TryParseLine(buffer.AsSpan(consumed, newline), parents, out var commit)) return null;
                commits.Add(commit);
                consumed += newline + 1;
            }
            if (read == 0) return filled - consumed == 0 ? commits : null;
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
    }

    private static bool TryParseLine(ReadOnlySpan<byte> line, List<ObjectKey> parents, out RawCommit commit)
    {
        commit = null!;
        var space = line.IndexOf((byte)' ');
        if (space <= 0 || !System.Buffers.Text.Utf8Parser.TryParse(line[..space], out long seconds, out var used) || used != space) return false;
        line = line[(space + 1)..];
        parents.Clear();
        ObjectKey id = default;
        var first = true;
        while (line.Length > 0)
        {
            var end = line.IndexOf((byte)' ');
            var field = end < 0 ? line : line[..end];
            if (!ObjectKey.TryParseAscii(field, out var key)) return false;
            if (first) id = key; else parents.Add(key);
            first = false;
            line = end < 0 ? [] : line[(end + 1)..];
        }
        if (first) return false;
        commit = new RawCommit(id, [.. parents], DateTimeOffset.FromUnixTimeSeconds(seconds), Details: null);
        return true;
    }
}
