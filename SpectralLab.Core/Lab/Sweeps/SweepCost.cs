using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Sweeps;

/// <summary>Where an estimate of a model's time per epoch comes from.</summary>
public enum PaceSource { PastRuns, Benchmark }

/// <summary>A model's estimated seconds per epoch at a sweep's size, and what it rests on.</summary>
/// <param name="Runs">How many past runs it rests on (0 for the benchmark).</param>
public sealed record ModelPace(string Model, double SecondsPerEpoch, PaceSource Source, int Runs)
{
    public string SourceText => Source == PaceSource.PastRuns ? $"from {Runs} past run{(Runs == 1 ? "" : "s")}" : "from bench";
}

/// <summary>
/// What a sweep will cost before it starts. An epoch is training on the training images plus evaluating the test
/// images; past completed runs of a model give its training time per image (their time per epoch less the evaluation
/// the benchmark predicts for their test set, median over runs), else <see cref="MeasuredPace"/> does; either is
/// scaled to the sweep's training-set size.
/// </summary>
public static class SweepCost
{
    public static ModelPace Pace(string model, int trainImages, int testImages, IEnumerable<StoredRun> past)
    {
        var measured = MeasuredPace.Of(model);
        double evaluation = testImages / measured.EvalImagesPerSecond;
        var perImage = past
            .Where(r => r.Model == model && r.Status == TrainingState.Completed && r.SecondsPerEpoch is > 0 && r.TrainImages > 0)
            .Select(r => Math.Max(0, r.SecondsPerEpoch!.Value - r.TestImages / measured.EvalImagesPerSecond) / r.TrainImages)
            .Order().ToList();
        return perImage.Count == 0
            ? new ModelPace(model, trainImages / measured.TrainImagesPerSecond + evaluation, PaceSource.Benchmark, 0)
            : new ModelPace(model, Median(perImage) * trainImages + evaluation, PaceSource.PastRuns, perImage.Count);
    }

    /// <summary>The whole sweep: each run's epochs at its model's pace.</summary>
    public static TimeSpan Total(IEnumerable<TrainingOptions> runs, IReadOnlyDictionary<string, ModelPace> paces) =>
        TimeSpan.FromSeconds(runs.Sum(run => run.Epochs * paces[run.Model].SecondsPerEpoch));

    static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
