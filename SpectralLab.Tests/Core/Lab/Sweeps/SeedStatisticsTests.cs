using SpectralLab.Core.Lab.Sweeps;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Core.Lab.Sweeps;

public sealed class SeedStatisticsTests
{
    static SeedRun Run(string model, int seed, params double[] losses) =>
        new(new TrainingOptions { Model = model, Seed = seed, Epochs = 3 }, losses);

    [Fact]
    public void Group_ThreeSeedsOfOneSetting_ClosedFormMeanAndSampleStd()
    {
        // Epoch 1: 0.10, 0.12, 0.14 → mean 0.12; deviations ±0.02 and 0 → Σ = 0.0008, /(n − 1) = 0.0004, √ = 0.02.
        var group = Assert.Single(SeedStatistics.Group([Run("spatial", 1, 0.10), Run("spatial", 2, 0.12), Run("spatial", 3, 0.14)]));

        var epoch = Assert.Single(group.Epochs);
        Assert.Equal([1, 2, 3], group.Seeds);
        Assert.Equal(3, epoch.Count);
        Assert.Equal(0.12, epoch.Mean, 12);
        Assert.Equal(0.02, epoch.StandardDeviation, 12);
        Assert.Equal("0.1200 ± 0.0200", epoch.Text);
    }

    [Fact]
    public void Group_RandomLosses_MatchADirectComputationInDecimal()
    {
        var random = new Random(7);
        var runs = Enumerable.Range(1, 5).Select(seed => Run("spectral-gaussian", seed,
            Enumerable.Range(0, 4).Select(_ => 0.08 + 0.05 * random.NextDouble()).ToArray())).ToList();

        var group = Assert.Single(SeedStatistics.Group(runs));

        for (int e = 0; e < 4; e++)
        {
            var xs = runs.Select(r => (decimal)r.ValidationLoss[e]).ToList();
            decimal mean = xs.Sum() / xs.Count;
            decimal sumSquares = xs.Sum(x => x * x) - xs.Count * mean * mean; // the textbook one-pass form, exact enough in decimal
            double std = Math.Sqrt((double)(sumSquares / (xs.Count - 1)));
            Assert.Equal((double)mean, group.Epochs[e].Mean, 12);
            Assert.Equal(std, group.Epochs[e].StandardDeviation, 10);
        }
    }

    [Fact]
    public void Group_SettingsDifferingBeyondTheSeed_SeparateGroups()
    {
        var other = Run("spatial", 2, 0.2) with { Options = new TrainingOptions { Model = "spatial", Seed = 2, Epochs = 3, LearningRate = 0.01 } };

        var groups = SeedStatistics.Group([Run("spatial", 1, 0.1), Run("spectral-gaussian", 1, 0.3), Run("spatial", 2, 0.2), other]);

        Assert.Equal([2, 1, 1], groups.Select(g => g.Seeds.Count));
        Assert.Equal(0.15, groups[0].Epochs[0].Mean, 12);
        Assert.Equal("spatial · lr 0.001 · batch 128", groups[0].Label);
    }

    [Fact]
    public void Group_RunsOfDifferentLengthsAndADivergedEpoch_CountsWhatEachEpochHas()
    {
        var group = Assert.Single(SeedStatistics.Group([Run("spatial", 1, 0.3, 0.2, 0.1), Run("spatial", 2, 0.5, double.NaN), Run("spatial", 3, 0.4)]));

        Assert.Equal([3, 1, 1], group.Epochs.Select(e => e.Count));
        Assert.Equal(0.4, group.Epochs[0].Mean, 12);
        Assert.Equal(0.1, group.Epochs[0].StandardDeviation, 12);
        Assert.True(double.IsNaN(group.Epochs[1].StandardDeviation)); // one finite loss has no sample std
        Assert.Equal(1, group.Final!.Epoch); // the last epoch all three runs reached
    }

    [Fact]
    public void Band_MeanPlusMinusStd_TheMeanWhereStdIsUndefined()
    {
        var group = Assert.Single(SeedStatistics.Group([Run("spatial", 1, 0.10, 0.08), Run("spatial", 2, 0.14)]));

        var band = group.Band;

        Assert.Equal([1, 2], band.Epochs);
        Assert.Equal([0.12, 0.08], band.Mean.Select(m => Math.Round(m, 12)));
        double std = Math.Sqrt(0.0008); // deviations ±0.02 over n − 1 = 1
        Assert.Equal([Math.Round(0.12 - std, 12), 0.08], band.Lower.Select(v => Math.Round(v, 12)));
        Assert.Equal([Math.Round(0.12 + std, 12), 0.08], band.Upper.Select(v => Math.Round(v, 12)));
        Assert.Equal(group.Label, band.Label);
    }
}
