using Xunit;

namespace Calculator.Tests;

// Leaves Describe untested: line coverage about 60 %, below the default threshold of 85 %.
public class ArithmeticTests
{
    [Fact] public void Adds() => Assert.Equal(5, Arithmetic.Add(2, 3));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(11, 10)]
    [InlineData(5, 5)]
    public void Clamps(int value, int expected) => Assert.Equal(expected, Arithmetic.Clamp(value, 0, 10));
}
