using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Charts;

namespace SpectralLab.Web.Components.Runs;

/// <summary>The figures the comparison table and charts show for a set of runs, read once from the store.</summary>
public sealed class RunComparison
{
    public static readonly int[] MilestoneEpochs = [1, 5, 10, 20, 30, 50];

    public RunComparison(RunStore store, IEnumerable<StoredRun> runs)
    {
        Rows = runs.Select(run => (Run: run, Epochs: store.Epochs(run.Id))).ToList();
    }

    public IReadOnlyList<(StoredRun Run, IReadOnlyList<EpochRecord> Epochs)> Rows { get; }

    public IReadOnlyList<EpochChart.EpochSeries> ValidationCurves =>
        Rows.Select(r => new EpochChart.EpochSeries($"run {r.Run.Id} · {r.Run.Model}",
            r.Epochs.Select(e => ((double)e.Epoch, e.ValidationLoss)).ToList())).ToList();

    public static double? At(IReadOnlyList<EpochRecord> epochs, int epoch) =>
        epochs.FirstOrDefault(e => e.Epoch == epoch)?.ValidationLoss;

    /// <summary>Each published curve beside the lab's best completed run of the same model (lowest final validation loss).</summary>
    public static IReadOnlyList<(PublishedCurve Published, StoredRun? Best)> Published(IReadOnlyList<StoredRun> runs) =>
        PublishedResults.Curves.Select(curve => (curve, runs
            .Where(r => r.Model == curve.Model && r.Status == TrainingState.Completed && r.FinalValidationLoss is not null)
            .MinBy(r => r.FinalValidationLoss))).ToList();
}
