using System.Runtime.CompilerServices;

namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// A stable 64-bit hash of a revert-matching key (header, hash). Equal keys hash equally in every process; unequal
/// keys rarely collide, and the fold confirms every hash match on the exact strings before cancelling anything.
/// </summary>
internal static class RevertKeys
{
    public static ulong Of(string? header, string? hash) => Mix(Mix(0xCBF29CE484222325UL, header is null, header), hash is null, hash);

    /// <summary><see cref="Of(string?, string?)"/> of a header and hash that are not null, without making them strings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the bulk analysis (see CommitAnalyzer.ReadOnEveryCore)
    public static ulong Of(ReadOnlySpan<char> header, ReadOnlySpan<char> hash) => Mix(Mix(0xCBF29CE484222325UL, false, header), false, hash);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the bulk analysis (see CommitAnalyzer.ReadOnEveryCore)
    private static ulong Mix(ulong state, bool isNull, ReadOnlySpan<char> value)
    {
        const ulong prime = 0x100000001B3UL;
        state = (state ^ (isNull ? 0xFFFF_FFFFUL : (ulong)value.Length)) * prime;
        if (isNull) return state;
        foreach (var c in value) state = (state ^ c) * prime;
        return state;
    }
}
