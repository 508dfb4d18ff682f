using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Charts;
using SpectralLab.Web.Components.Lab;

namespace SpectralLab.Web.Components.Runs;

/// <summary>The figures the comparison tables and charts show for a set of runs.</summary>
public static class RunComparison
{
    public static readonly int[] MilestoneEpochs = [1, 5, 10, 20, 30, 50];

    /// <summary>Runs compared at once: each keeps a colour of its own and the charts stay readable.</summary>
    public const int MostRuns = 8;

    /// <summary>Points of each run's smoothed per-step curve, however long the run.</summary>
    public const int StepCurvePoints = 200;

    public static string TooMany => $"Compare at most {MostRuns} runs at once; untick one first.";

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

    /// <summary>Each run's training loss (dashed) and validation loss (solid) by epoch in one colour, named by <paramref name="labels"/>.</summary>
    public static IReadOnlyList<EpochChart.EpochSeries> TrainAndValidationCurves(IEnumerable<RunEpochs> rows, IReadOnlyDictionary<long, string> labels) =>
        rows.SelectMany((r, i) => new[]
        {
            new EpochChart.EpochSeries($"{Label(labels, r.Run.Id)} · train", r.Epochs.Select(e => ((double)e.Epoch, e.TrainLoss)).ToList(), Dashed: true,
                Seconds: ElapsedSeconds(r.Epochs), Group: i),
            new EpochChart.EpochSeries($"{Label(labels, r.Run.Id)} · validation", r.Epochs.Select(e => ((double)e.Epoch, e.ValidationLoss)).ToList(),
                Seconds: ElapsedSeconds(r.Epochs), Group: i),
        }).ToList();

    /// <summary>
    /// Each run's per-step loss as at most <paramref name="points"/> group means a run (the chart's slider smooths them),
    /// placed by how far through its epochs each step was (step ÷ steps per epoch), so runs of different batch or
    /// training-set sizes line up.
    /// </summary>
    public static IReadOnlyList<EpochChart.EpochSeries> StepCurves(IEnumerable<RunStepCurve> curves, IReadOnlyDictionary<long, string> labels, int points = StepCurvePoints) =>
        curves.Select((c, i) => new EpochChart.EpochSeries($"{Label(labels, c.Run)} · per step",
            LossSeries.Means(c.Steps, points).Select(p => (p.Step / Math.Max(1, c.StepsPerEpoch), p.Loss)).ToList(), Group: i)).ToList();

    /// <summary>The run's name among the compared runs; its number alone for a run read after the labels were made.</summary>
    public static string Label(IReadOnlyDictionary<long, string> labels, long run) => labels.GetValueOrDefault(run, $"run {run}");

    /// <summary>The milestone epochs at least one of the runs reached: the columns worth a table's width.</summary>
    public static IReadOnlyList<int> MilestonesReached(IEnumerable<RunEpochs> rows)
    {
        int furthest = rows.Select(r => r.Epochs.Count == 0 ? 0 : r.Epochs.Max(e => e.Epoch)).DefaultIfEmpty(0).Max();
        return MilestoneEpochs.Where(e => e <= furthest).ToList();
    }

    public static double? At(IReadOnlyList<EpochRecord> epochs, int epoch) =>
        epochs.FirstOrDefault(e => e.Epoch == epoch)?.ValidationLoss;

    /// <summary>The run's last epoch, whichever it is; null before its first ended.</summary>
    public static EpochRecord? Final(IReadOnlyList<EpochRecord> epochs) => epochs.MaxBy(e => e.Epoch);

    /// <summary>The epochs both runs ended, oldest first: those whose pictures can be put side by side.</summary>
    public static IReadOnlyList<int> CommonEpochs(RunEpochs first, RunEpochs second) =>
        first.Epochs.Select(e => e.Epoch).Intersect(second.Epochs.Select(e => e.Epoch)).Order().ToList();
}
