using Release.Sdk.Git.History;

namespace Release.Sdk.Git.Tests;

/// <summary>A saved slot table is taken back as it is only when it indexes exactly the keys it is given.</summary>
public sealed class ObjectKeyIndexTests
{
    private static ObjectKey[] Keys(int count)
    {
        var random = new Random(5);
        return [.. Enumerable.Range(0, count).Select(_ => new ObjectKey((ulong)random.NextInt64(), (ulong)random.NextInt64(), (uint)random.Next()))];
    }

    [Fact]
    public void AnAdoptedTableFindsEveryKeyAndGrowsFromThere()
    {
        var keys = Keys(3000).ToList();
        var built = new ObjectKeyIndex(i => keys[i]);
        built.EnsureCapacity(3000 + 1024);
        Assert.True(built.AddRange(3000));

        var adopted = new ObjectKeyIndex(i => keys[i]);
        Assert.True(adopted.TryAdopt((long[])built.Slots.Clone(), 3000, 1024));

        Assert.All(Enumerable.Range(0, 3000), i => Assert.True(adopted.TryGetValue(keys[i], out var found) && found == i));
        Assert.False(adopted.TryGetValue(new ObjectKey(1, 2, 3), out _));
        keys.Add(new ObjectKey(4, 5, 6));
        Assert.True(adopted.TryAdd(keys[^1], 3000));
        Assert.True(adopted.TryGetValue(keys[^1], out var last) && last == 3000);
    }

    [Fact]
    public void ATableForOtherKeysOrWithoutRoomIsNotAdopted()
    {
        var keys = Keys(3000);
        var built = new ObjectKeyIndex(i => keys[i]);
        built.EnsureCapacity(3000 + 1024);
        built.AddRange(3000);
        var slots = built.Slots;

        Assert.False(new ObjectKeyIndex(i => keys[i]).TryAdopt((long[])slots.Clone(), 2999, 1024)); // an index out of range
        Assert.False(new ObjectKeyIndex(i => keys[i]).TryAdopt((long[])slots.Clone(), 3000, slots.Length)); // no room to grow
        var duplicated = (long[])slots.Clone();
        var used = Array.FindIndex(duplicated, v => v != 0);
        var empty = Array.FindIndex(duplicated, v => v == 0);
        duplicated[empty] = duplicated[used];
        Assert.False(new ObjectKeyIndex(i => keys[i]).TryAdopt(duplicated, 3000, 1024));
        var missing = (long[])slots.Clone();
        missing[used] = 0;
        Assert.False(new ObjectKeyIndex(i => keys[i]).TryAdopt(missing, 3000, 1024));
        Assert.False(new ObjectKeyIndex(i => keys[i]).TryAdopt(new long[slots.Length - 1], 0, 0)); // not a power of two
    }
}
