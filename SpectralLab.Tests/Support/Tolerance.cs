namespace SpectralLab.Tests.Support;

/// <summary>How far a result may stand from its reference: |actual − expected| ≤ Absolute + Relative·|expected|.</summary>
public readonly record struct Tolerance(double Relative, double Absolute)
{
    /// <summary>Float32 results against float64 references: relative 2e-6, absolute 1e-6 (float32's epsilon is 1.2e-7; the worst seen, 1.6e-7).</summary>
    public static readonly Tolerance Float32 = new(Relative: 2e-6, Absolute: 1e-6);

    public bool Accepts(double expected, double actual) => Math.Abs(actual - expected) <= Absolute + Relative * Math.Abs(expected);

    /// <summary>
    /// Asserts that every actual value is within this tolerance of its reference; on failure names how many are not,
    /// and the worst of them by <paramref name="where"/> (given the flat index).
    /// </summary>
    public void AssertAll(IReadOnlyList<double> expected, IReadOnlyList<double> actual, Func<int, string> where)
    {
        Assert.Equal(expected.Count, actual.Count);
        int failing = 0, worst = -1;
        double worstRatio = 0;
        for (int k = 0; k < expected.Count; k++)
        {
            if (Accepts(expected[k], actual[k])) continue;
            failing++;
            double ratio = Math.Abs(actual[k] - expected[k]) / (Absolute + Relative * Math.Abs(expected[k]));
            if (worst < 0 || double.IsNaN(ratio) || ratio > worstRatio) (worst, worstRatio) = (k, ratio);
        }
        if (failing > 0)
            Assert.Fail($"{failing} of {expected.Count} values are off by more than {this}; the worst, {where(worst)}: " +
                $"expected {expected[worst]:R}, got {actual[worst]:R}, off by {Math.Abs(actual[worst] - expected[worst]):G3} " +
                $"where {Absolute + Relative * Math.Abs(expected[worst]):G3} is allowed");
    }

    /// <summary>The same for two matrices, naming the worst point as <paramref name="what"/>[row, column].</summary>
    public void AssertAll(double[,] expected, double[,] actual, string what)
    {
        Assert.Equal((expected.GetLength(0), expected.GetLength(1)), (actual.GetLength(0), actual.GetLength(1)));
        int columns = expected.GetLength(1);
        AssertAll(expected.Cast<double>().ToArray(), actual.Cast<double>().ToArray(), k => $"{what}[{k / columns}, {k % columns}]");
    }
}
