using System.Buffers.Text;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>What the readers that run git (<see cref="GitCliTopology"/>, <see cref="GitCliLogReader"/>,
/// <see cref="GitCliCommitReader"/>) share: how git is started, and the bits of its output they all parse.</summary>
internal static class GitCli
{
    /// <summary>
    /// git reading one repository, with every stream redirected: the git directory given explicitly (a GIT_DIR or
    /// GIT_WORK_TREE of the build must not redirect it), replace refs ignored as libgit2 ignores them (or the two would
    /// disagree about parents), and messages in the C locale.
    /// </summary>
    public static ProcessStartInfo StartInfo(string gitDirectory, IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = gitDirectory,
        };
        foreach (var arg in (string[])["--git-dir", gitDirectory, "--no-replace-objects", .. arguments]) psi.ArgumentList.Add(arg);
        psi.Environment.Remove("GIT_DIR");
        psi.Environment.Remove("GIT_WORK_TREE");
        psi.Environment["LC_ALL"] = "C";
        return psi;
    }

    /// <summary>A time zone as git writes it: "+0200", "-0530".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called 100k times by a first build's pack walk (see PackedHistory)
    public static bool TryParseOffset(ReadOnlySpan<byte> zone, out TimeSpan offset)
    {
        offset = default;
        if (zone.Length != 5 || (zone[0] != '+' && zone[0] != '-') || !Utf8Parser.TryParse(zone[1..3], out int hours, out _)
            || !Utf8Parser.TryParse(zone[3..5], out int minutes, out _)) return false;
        offset = zone[0] == '-' ? -new TimeSpan(hours, minutes, 0) : new TimeSpan(hours, minutes, 0);
        return true;
    }

    /// <summary>
    /// One field (an author name, an email) decoded from UTF-8, remembering the last value: consecutive commits mostly
    /// share their author, so 100k commits decode a handful of strings.
    /// </summary>
    internal sealed class RecentString(bool trim)
    {
        private byte[] _bytes = [];
        private string _text = "";

        [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the pack walk (see GitCliCommitReader.ParseCommit)
        public string Decode(ReadOnlySpan<byte> utf8)
        {
            if (utf8.SequenceEqual(_bytes)) return _text;
            _bytes = utf8.ToArray();
            var text = Encoding.UTF8.GetString(utf8);
            return _text = trim ? text.Trim() : text;
        }
    }
}
