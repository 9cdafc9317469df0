using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>
/// A 128-bit hash for cache keys and fingerprints (two FNV-1a lanes with different seeds and primes), written out
/// instead of SHA-256: the first SHA-256 in a process initialises OpenSSL, ~8 ms of every build's version task,
/// even a no-change one. Nothing here is adversarial (a key only decides whether a cached version is reused), so a
/// non-cryptographic hash of this width is plenty.
/// </summary>
internal static class FingerprintHash
{
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    public static string Of(ReadOnlySpan<byte> bytes)
    {
        ulong a = 0xCBF29CE484222325UL, b = 0x84222325CBF29CE4UL ^ (ulong)bytes.Length;
        foreach (var x in bytes)
        {
            a = (a ^ x) * 0x100000001B3UL;
            b = (b ^ x) * 0x100000000000C0BUL;
        }
        // Final mixing (splitmix64) so that short inputs spread over all bits.
        return Mix(a ^ (b >> 29)).ToString("x16") + Mix(b ^ (a >> 31)).ToString("x16");
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
