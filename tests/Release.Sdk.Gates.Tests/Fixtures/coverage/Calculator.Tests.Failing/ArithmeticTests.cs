using Xunit;

namespace Calculator.Tests;

public class ArithmeticTests
{
    [Fact] public void Adds() => Assert.Equal(5, Arithmetic.Add(2, 3));

    // Deliberately wrong: the failing sample of the coverage gate.
    [Fact] public void Clamps_to_the_maximum() => Assert.Equal(11, Arithmetic.Clamp(12, 0, 10));

    [Theory]
    [InlineData(0, "zero")]
    [InlineData(3, "small positive")]
    [InlineData(-2000, "large negative")]
    public void Describes(int value, string expected) => Assert.Equal(expected, Arithmetic.Describe(value));
}
