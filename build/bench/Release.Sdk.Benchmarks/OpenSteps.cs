using System.Diagnostics;
using Release.Sdk.Git.History;

namespace Release.Sdk.Benchmarks;

/// <summary>Times the steps of opening a repository one by one (what "open" in the phase breakdown is made of).</summary>
internal static class OpenSteps
{
    public static void Write(string repo, TextWriter output)
    {
        var sw = Stopwatch.StartNew();
        var discovered = LibGit2Sharp.Repository.Discover(Path.GetFullPath(repo));
        output.WriteLine($"open-steps: discover (libgit2 load) {sw.Elapsed.TotalMilliseconds:0.0} ms");
        sw.Restart();
        var directories = GitDirectories.From(discovered);
        var shallow = directories.ShallowFingerprint();
        output.WriteLine($"open-steps: directories {sw.Elapsed.TotalMilliseconds:0.0} ms");
        sw.Restart();
        var store = HistoryCaches.StoreFor(directories, shallow);
        output.WriteLine($"open-steps: store load {sw.Elapsed.TotalMilliseconds:0.0} ms ({store.Count} commits)");
        HistoryCaches.Clear();
        sw.Restart();
        HistoryCaches.StoreFor(directories, shallow);
        output.WriteLine($"open-steps: store load again (JIT done) {sw.Elapsed.TotalMilliseconds:0.0} ms");
        sw.Restart();
        var fingerprint = directories.RefsFingerprint();
        output.WriteLine($"open-steps: refs fingerprint {sw.Elapsed.TotalMilliseconds:0.0} ms");
        sw.Restart();
        using var repository = new LibGit2Sharp.Repository(directories.GitDirectory);
        output.WriteLine($"open-steps: libgit2 open {sw.Elapsed.TotalMilliseconds:0.0} ms");
        sw.Restart();
        var files = RefFiles.TryRead(directories.CommonDirectory);
        output.WriteLine($"open-steps: ref files {sw.Elapsed.TotalMilliseconds:0.0} ms ({(files is null ? "not understood: libgit2 reads them" : "read")})");
        sw.Restart();
        var branches = files is null ? RefReader.ReadBranches(repository) : RefReader.ReadBranches(files);
        output.WriteLine($"open-steps: branches {sw.Elapsed.TotalMilliseconds:0.0} ms ({branches.Count})");
        sw.Restart();
        var tags = files is null ? RefReader.ReadTags(repository, store) : RefReader.ReadTags(files, () => repository, store);
        output.WriteLine($"open-steps: tags {sw.Elapsed.TotalMilliseconds:0.0} ms ({tags.Count})");
    }
}
