using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Charts;

namespace SpectralLab.Web.Components.Runs;

/// <summary>The figures the comparison tables and charts show for a set of runs.</summary>
public static class RunComparison
{
    public static readonly int[] MilestoneEpochs = [1, 5, 10, 20, 30, 50];

    public static IReadOnlyList<EpochChart.EpochSeries> ValidationCurves(IEnumerable<RunEpochs> rows) =>
        rows.Select(r => new EpochChart.EpochSeries($"run {r.Run.Id} · {r.Run.Model}",
            r.Epochs.Select(e => ((double)e.Epoch, e.ValidationLoss)).ToList(), Seconds: ElapsedSeconds(r.Epochs))).ToList();

    /// <summary>The seconds of training from the run's start to each epoch's end: the epochs' own times summed, so a pause
    /// between an interruption and a resume does not count.</summary>
    public static IReadOnlyList<double> ElapsedSeconds(IReadOnlyList<EpochRecord> epochs)
    {
        var elapsed = new double[epochs.Count];
        for (int i = 0; i < epochs.Count; i++) elapsed[i] = (i > 0 ? elapsed[i - 1] : 0) + epochs[i].Seconds;
        return elapsed;
    }

    public static double? At(IReadOnlyList<EpochRecord> epochs, int epoch) =>
        epochs.FirstOrDefault(e => e.Epoch == epoch)?.ValidationLoss;
}
