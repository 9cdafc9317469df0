namespace Calculator;

public static class Arithmetic
{
    public static int Add(int a, int b) => a + b;

    public static int Clamp(int value, int min, int max)
    {
        if (value < min)
        {
            return min;
        }

        if (value > max)
        {
            return max;
        }

        return value;
    }

    public static string Describe(int value)
    {
        if (value == 0)
        {
            return "zero";
        }

        var sign = value > 0 ? "positive" : "negative";
        var size = System.Math.Abs(value) >= 1000 ? "large" : "small";
        return $"{size} {sign}";
    }
}
