using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.BuiltIn;

/// <summary>Records what a gate asked to run and answers with a canned result (and optional files it "wrote").</summary>
internal sealed class FakeProcessRunner(GateProcessResult result, Action<IReadOnlyList<string>>? sideEffect = null) : IGateProcessRunner
{
    public List<(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?>? Environment)> Calls { get; } = [];

    public Task<GateProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Calls.Add((fileName, arguments, environment));
        sideEffect?.Invoke(arguments);
        return Task.FromResult(result);
    }

    public static GateProcessResult Exited(int code, string stdout = "", string stderr = "") => new(code, stdout, stderr, false, null);
}
