using SpectralLab.Core.Lab.Sweeps;
using SpectralLab.Core.Training;
using SpectralLab.Web.Cli;

namespace SpectralLab.Tests.Web.Cli;

public sealed class SweepTableTests
{
    static SweepRow Row(double learningRate, int seed, params double[] validation) =>
        new(new TrainingOptions { Model = "spatial", LearningRate = learningRate, Seed = seed, BatchSize = 32, Epochs = 2 }, 28_353, TrainingOutcome.Completed, "done", validation, 1.5);

    [Fact]
    public void Write_TwoRatesTwoSeeds_ARowPerRunThenMeanAndStdPerRate()
    {
        var rows = new[] { Row(0.001, 1, 0.20, 0.10), Row(0.001, 2, 0.22, 0.14), Row(0.01, 1, 0.3, 0.3), Row(0.01, 2, 0.3, 0.3) };
        var repeated = SeedStatistics.Group(rows.Select(r => new SeedRun(r.Options, r.ValidationLoss))).ToList();
        var output = new StringWriter();

        SweepTable.Write(output, rows, repeated, epochs: 2);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Count(l => l.StartsWith("spatial  ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("0.001") && l.Contains("    2") && l.Contains("0.1400")); // lr, seed and val@2 of the second run
        Assert.StartsWith("mean ± std over seeds", lines[5]);
        var first = lines[6];
        Assert.StartsWith("spatial · lr 0.001 · batch 32", first);
        Assert.Contains("0.2100 ± 0.0141", first); // epoch 1: mean 0.21, |0.20 − 0.22| / √2 = 0.01414
        Assert.Contains("0.1200 ± 0.0283", first); // epoch 2: mean 0.12, 0.04 / √2 = 0.02828
        Assert.Contains("0.3000 ± 0.0000", lines[7]);
    }
}
