using SpectralLab.Web.Components.Charts;

namespace SpectralLab.Tests.Web.Components.Charts;

public sealed class SmoothingTests
{
    /// <summary>The debiased average written out: the points so far weighted w^(t−k), divided by the weights' sum.</summary>
    static double WeightedMean(IReadOnlyList<double> xs, int t, double w)
    {
        double sum = 0, weights = 0;
        for (int k = 1; k <= t; k++)
        {
            sum += Math.Pow(w, t - k) * xs[k - 1];
            weights += Math.Pow(w, t - k);
        }
        return sum / weights;
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void DebiasedEma_NoisySeries_MatchesTheDirectWeightedSum(double weight)
    {
        var random = new Random(7);
        var xs = Enumerable.Range(0, 80).Select(i => 0.7 / Math.Sqrt(i + 1) + 0.1 * random.NextDouble()).ToArray();

        var smoothed = Smoothing.DebiasedEma(xs, weight);

        Assert.Equal(xs.Length, smoothed.Length);
        for (int t = 1; t <= xs.Length; t++) Assert.Equal(WeightedMean(xs, t, weight), smoothed[t - 1], 1e-12);
    }

    [Fact]
    public void DebiasedEma_ConstantSeries_IsThatConstantFromTheFirstPoint()
    {
        var smoothed = Smoothing.DebiasedEma(Enumerable.Repeat(0.41, 50).ToArray(), 0.98);

        // Without the correction the first point would be 0.02 × 0.41 and the 48th still 0.26.
        Assert.All(smoothed, value => Assert.Equal(0.41, value, 1e-12));
    }

    [Fact]
    public void DebiasedEma_ZeroWeight_ReturnsTheSeriesItself()
    {
        double[] xs = [0.5, 0.2, 0.9, 0.1];

        Assert.Equal(xs, Smoothing.DebiasedEma(xs, 0));
    }

    [Fact]
    public void DebiasedEma_ANonFiniteLoss_ShowsItAndLeavesTheAverageAlone()
    {
        var smoothed = Smoothing.DebiasedEma([1.0, double.NaN, 3.0], 0.5);

        Assert.Equal(1.0, smoothed[0]);
        Assert.True(double.IsNaN(smoothed[1]));
        Assert.Equal(WeightedMean([1.0, 3.0], 2, 0.5), smoothed[2], 1e-12);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.0)]
    public void DebiasedEma_WeightOutsideTheSlider_Throws(double weight) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Smoothing.DebiasedEma([1.0], weight));
}
