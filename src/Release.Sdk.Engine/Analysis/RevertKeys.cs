namespace Release.Sdk.Engine.Analysis;

/// <summary>
/// A stable 64-bit hash of a revert-matching key (header, hash). Equal keys hash equally in every process; unequal
/// keys rarely collide, and the fold confirms every hash match on the exact strings before cancelling anything.
/// </summary>
internal static class RevertKeys
{
    public static ulong Of(string? header, string? hash) => Mix(Mix(0xCBF29CE484222325UL, header), hash);

    private static ulong Mix(ulong state, string? value)
    {
        const ulong prime = 0x100000001B3UL;
        state = (state ^ (value is null ? 0xFFFF_FFFFUL : (ulong)value.Length)) * prime;
        if (value is null) return state;
        foreach (var c in value) state = (state ^ c) * prime;
        return state;
    }
}
