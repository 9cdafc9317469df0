using Xunit;

namespace Calculator.Tests;

public class ArithmeticTests
{
    [Fact] public void Adds() => Assert.Equal(5, Arithmetic.Add(2, 3));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(11, 10)]
    [InlineData(5, 5)]
    public void Clamps(int value, int expected) => Assert.Equal(expected, Arithmetic.Clamp(value, 0, 10));

    [Theory]
    [InlineData(0, "zero")]
    [InlineData(3, "small positive")]
    [InlineData(-2000, "large negative")]
    public void Describes(int value, string expected) => Assert.Equal(expected, Arithmetic.Describe(value));
}
