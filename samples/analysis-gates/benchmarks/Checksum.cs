using BenchmarkDotNet.Attributes;

namespace Sample.Benchmarks;

public class Checksum
{
    // SAMPLE_SLOWDOWN makes the same code do N times the work: the failing sample ("a 40 % slower benchmark") without a
    // second copy of the code. Read once, outside the measured method.
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("SAMPLE_SLOWDOWN"), out var n) && n > 0 ? n : 1;

    private readonly byte[] data = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();

    [Benchmark]
    public int Fletcher16()
    {
        int sum1 = 0, sum2 = 0;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var b in data)
            {
                sum1 = (sum1 + b) % 255;
                sum2 = (sum2 + sum1) % 255;
            }
        }
        return (sum2 << 8) | sum1;
    }
}
