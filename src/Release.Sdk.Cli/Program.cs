namespace Release.Sdk.Cli;

/// <summary>Entry point. <see cref="Run"/> is the whole program with its outside world passed in, so tests call it in-process.</summary>
internal static class Program
{
    public static int Main(string[] args) =>
        Run(args, Console.Out, Console.Error, ProcessEnvironment.Read());

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment) =>
        CliApplication.Run(args, new CliContext(stdout, stderr, environment));
}
