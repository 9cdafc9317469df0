using System.Buffers.Text;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>
/// Reads many commits' details at once through <c>git cat-file --batch</c>: the raw commit objects, parsed here the way
/// libgit2 does (message = everything after the headers with leading newlines trimmed, decoded as UTF-8), so both paths
/// give the same text. Used when a walk needs thousands of messages (a repository without release tags); git reads
/// them several times faster than libgit2 through LibGit2Sharp. Bounded in time; null when git is missing or fails.
/// </summary>
internal static class GitCliCommitReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static Dictionary<ObjectKey, CommitDetails>? TryRead(string gitDirectory, IReadOnlyList<ObjectKey> ids)
    {
        var psi = GitCli.StartInfo(gitDirectory, ["cat-file", "--batch"]);

        Process? process = null;
        try
        {
            process = Process.Start(psi);
            if (process is null) return null;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var input = process.StandardInput;
            var writing = Task.Run(() =>
            {
                foreach (var id in ids) input.Write(id.ToSha() + "\n");
                input.Close();
            });
            var output = process.StandardOutput.BaseStream;
            var reading = Task.Run(() => Parse(new BufferedStream(output, 1 << 16), ids.Count));
            if (!Task.WaitAll([writing, reading], Timeout))
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

    private static Dictionary<ObjectKey, CommitDetails>? Parse(Stream output, int expected)
    {
        // 100k commits: one reused header and body buffer, and the (mostly repeated) author strings decoded once.
        var result = new Dictionary<ObjectKey, CommitDetails>(expected);
        var header = new byte[128];
        var raw = new byte[4096];
        var authors = new Authors();
        Span<char> hex = stackalloc char[ObjectKey.Size * 2];
        Span<byte> id = stackalloc byte[ObjectKey.Size];
        for (var i = 0; i < expected; i++)
        {
            // "<sha> commit <size>\n<size bytes>\n", or "<sha> missing\n"
            var length = 0;
            int b;
            while ((b = output.ReadByte()) is not '\n' and not -1)
            {
                if (length == header.Length) Array.Resize(ref header, length * 2);
                header[length++] = (byte)b;
            }
            if (b == -1) return null;
            var line = header.AsSpan(0, length);
            var space = line.IndexOf((byte)' ');
            if (space < 0 || !line[(space + 1)..].StartsWith("commit "u8)) continue;
            var sizeText = line[(space + 1 + "commit "u8.Length)..];
            if (sizeText.Contains((byte)' ')) continue;
            if (space != hex.Length) return null;
            Encoding.ASCII.GetChars(line[..space], hex);
            if (Convert.FromHexString(hex, id, out _, out var written) != System.Buffers.OperationStatus.Done || written != ObjectKey.Size
                || !Utf8Parser.TryParse(sizeText, out int size, out var consumed) || consumed != sizeText.Length || size < 0) return null;
            if (raw.Length < size) raw = new byte[Math.Max(size, raw.Length * 2)];
            output.ReadExactly(raw.AsSpan(0, size));
            if (output.ReadByte() != '\n') return null;
            if (ParseCommit(raw.AsSpan(0, size), authors) is { } details) result[ObjectKey.FromBytes(id)] = details;
        }
        return result;
    }

    internal static CommitDetails? ParseCommit(ReadOnlySpan<byte> raw) => ParseCommit(raw, null);

    /// <param name="messages">Where the message's bytes are kept (see <see cref="CommitDetails"/>); null to decode it to a string.</param>
    /// <remarks>Inlined, so that the pack walk (compiled at full optimization when it starts) runs its own copy: called
    /// 100k times as ReadyToRun code, it was re-jitted with profiling probes in the middle of a first build.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static CommitDetails? ParseCommit(ReadOnlySpan<byte> raw, Authors? authors, Utf8Arena? messages = null)
    {
        string? authorName = null, authorEmail = null;
        DateTimeOffset? committed = null;
        while (true)
        {
            var end = raw.IndexOf((byte)'\n');
            if (end < 0) return null;
            var line = raw[..end];
            raw = raw[(end + 1)..];
            if (line.IsEmpty) break;
            if (line.StartsWith("author "u8))
            {
                if (!TryParseSignature(line["author "u8.Length..], authors ?? new Authors(), out var name, out var email, out _)) return null;
                (authorName, authorEmail) = (name, email);
            }
            else if (line.StartsWith("committer "u8))
            {
                if (!TryParseSignature(line["committer "u8.Length..], null, out _, out _, out var when)) return null;
                committed = when;
            }
        }
        while (!raw.IsEmpty && raw[0] == '\n') raw = raw[1..];
        if (authorName is null || authorEmail is null || committed is null) return null;
        return messages is null
            ? new CommitDetails(authorName, authorEmail, Encoding.UTF8.GetString(raw), committed.Value)
            : new CommitDetails(authorName, authorEmail, messages.Append(raw), committed.Value);
    }

    /// <summary>"Name &lt;email&gt; 1717200000 +0200"</summary>
    /// <param name="names">Decodes name and email; null when only the time is wanted.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called 100k times by a first build's pack walk (see PackedHistory)
    internal static bool TryParseSignature(ReadOnlySpan<byte> value, Authors? names, out string name, out string email, out DateTimeOffset when)
    {
        name = email = "";
        when = default;
        var open = value.IndexOf((byte)'<');
        // The time follows the last '>' closely: searched from the end by hand, since the framework's vectorized
        // LastIndexOf and Trim ran as unoptimized JIT code through most of a first build's walk (see decisions.md).
        var close = value.Length - 1;
        while (close >= 0 && value[close] != '>') close--;
        if (open < 0 || close < open) return false;
        if (names is not null)
        {
            name = names.Name.Decode(value[..open]);
            email = names.Email.Decode(value[(open + 1)..close]);
        }
        var rest = TrimSpaces(value[(close + 1)..]);
        var space = rest.IndexOf((byte)' ');
        if (space < 0 || !Utf8Parser.TryParse(rest[..space], out long seconds, out _)) return false;
        if (!GitCli.TryParseOffset(rest[(space + 1)..], out var offset)) return false;
        when = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(offset);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> TrimSpaces(ReadOnlySpan<byte> value)
    {
        int start = 0, end = value.Length;
        while (start < end && value[start] == ' ') start++;
        while (end > start && value[end - 1] == ' ') end--;
        return value[start..end];
    }

    /// <summary>The last author name and email decoded (both trimmed).</summary>
    internal sealed class Authors
    {
        public GitCli.RecentString Name { get; } = new(trim: true);

        public GitCli.RecentString Email { get; } = new(trim: true);
    }
}
