using Release.Sdk.Engine.Notes;

namespace Release.Sdk.Engine.Tests.Notes;

public sealed class NotesDateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 23, 30, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void TodayIsTheUtcDate()
    {
        Assert.Equal(new DateOnly(2026, 11, 27), NotesDate.From(Now, null));
    }

    [Fact]
    public void SourceDateEpochWinsForReproducibleBuilds()
    {
        Assert.Equal(new DateOnly(2024, 6, 1), NotesDate.From(Now, "1717243200"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("1.5")]
    public void UnusableSourceDateEpochFallsBackToToday(string epoch)
    {
        Assert.Equal(new DateOnly(2026, 11, 27), NotesDate.From(Now, epoch));
    }

    [Fact]
    public void DateIsFormattedAsIsoDay()
    {
        Assert.Equal("2024-06-01", NotesDate.Format(new DateOnly(2024, 6, 1)));
    }
}
