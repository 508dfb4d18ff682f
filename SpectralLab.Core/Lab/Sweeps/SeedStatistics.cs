using System.Globalization;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Sweeps;

/// <summary>A run's settings and its validation loss after each epoch (index 0 is epoch 1).</summary>
public sealed record SeedRun(TrainingOptions Options, IReadOnlyList<double> ValidationLoss)
{
    public static SeedRun Of(RunEpochs run) => new(run.Run.Options, run.Epochs.OrderBy(e => e.Epoch).Select(e => e.ValidationLoss).ToList());
}

/// <summary>The validation loss of a group's runs after one epoch: how many reached it, their mean and sample standard deviation (NaN for one run).</summary>
public sealed record EpochSpread(int Epoch, int Count, double Mean, double StandardDeviation)
{
    /// <summary>"0.0712 ± 0.0013", or "0.0712 ± —" for one run.</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"{Mean:F4} ± {(double.IsNaN(StandardDeviation) ? "—" : StandardDeviation.ToString("F4", CultureInfo.InvariantCulture))}");
}

/// <summary>A band to draw around a mean curve: mean − std to mean + std per epoch (the mean itself where std is undefined).</summary>
public sealed record SeedBand(string Label, IReadOnlyList<int> Epochs, IReadOnlyList<double> Mean, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);

/// <summary>Runs that differ only in their seed, and the spread of their validation loss per epoch.</summary>
/// <param name="Settings">The runs' shared settings, with the seed of the first.</param>
public sealed record SeedGroup(TrainingOptions Settings, IReadOnlyList<int> Seeds, IReadOnlyList<EpochSpread> Epochs)
{
    public string Label => SweepGrid.Describe(Settings);

    /// <summary>The spread at the last epoch every run of the group reached, or null when one reached none.</summary>
    public EpochSpread? Final => Epochs.LastOrDefault(e => e.Count == Seeds.Count);

    public EpochSpread? At(int epoch) => Epochs.FirstOrDefault(e => e.Epoch == epoch);

    public SeedBand Band => new(Label, Epochs.Select(e => e.Epoch).ToList(), Epochs.Select(e => e.Mean).ToList(),
        Epochs.Select(e => Bound(e, -1)).ToList(), Epochs.Select(e => Bound(e, +1)).ToList());

    static double Bound(EpochSpread e, int side) => double.IsNaN(e.StandardDeviation) ? e.Mean : e.Mean + side * e.StandardDeviation;
}

/// <summary>
/// Groups runs by everything but the seed and gives, per epoch, the mean and sample standard deviation (n − 1) of
/// their validation loss: how much of a difference between settings is more than the noise of initialisation and
/// shuffling. A loss that is not finite (a diverged run) is left out of its epoch's figures, and counted out of n.
/// </summary>
public static class SeedStatistics
{
    public static IReadOnlyList<SeedGroup> Group(IEnumerable<SeedRun> runs) =>
        runs.GroupBy(run => run.Options with { Seed = 0 })
            .Select(group => new SeedGroup(group.First().Options, group.Select(r => r.Options.Seed).ToList(), Spreads(group.ToList())))
            .ToList();

    static List<EpochSpread> Spreads(IReadOnlyList<SeedRun> runs)
    {
        int epochs = runs.Max(r => r.ValidationLoss.Count);
        var spreads = new List<EpochSpread>(epochs);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var losses = runs.Where(r => r.ValidationLoss.Count >= epoch).Select(r => r.ValidationLoss[epoch - 1]).Where(double.IsFinite).ToList();
            if (losses.Count > 0) spreads.Add(Spread(epoch, losses));
        }
        return spreads;
    }

    // Two passes (mean, then squared deviations): exact enough for losses of similar size, and no cancellation as in Σx² − n·mean².
    static EpochSpread Spread(int epoch, IReadOnlyList<double> losses)
    {
        double mean = losses.Average();
        double deviation = losses.Count < 2 ? double.NaN : Math.Sqrt(losses.Sum(x => (x - mean) * (x - mean)) / (losses.Count - 1));
        return new EpochSpread(epoch, losses.Count, mean, deviation);
    }
}
