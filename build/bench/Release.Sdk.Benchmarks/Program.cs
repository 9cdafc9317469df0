using Release.Sdk.Benchmarks;

return ComputationBenchmark.Run(args, Console.Out, Console.Error);
