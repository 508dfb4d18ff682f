using System.Globalization;
using SpectralLab.Core.Runs;

namespace SpectralLab.Core.Lab;

/// <summary>
/// Names runs shown together by what tells them apart: each run's number and model, then every setting the compared runs
/// do not all share ("run 3 · spatial · lr 100"). Settings they share would only lengthen every legend entry alike.
/// </summary>
public static class ComparisonLabels
{
    /// <summary>The settings a compared run is told apart by, each written as its label writes it.</summary>
    static readonly Func<StoredRun, string>[] Settings =
    [
        run => LearningRate(run.Options.LearningRate),
        run => BatchSize(run.Options.BatchSize),
        run => $"seed {run.Options.Seed}",
        run => Epochs(run.Options.Epochs),
        run => Images(run.TrainImages),
        run => TestImages(run.TestImages),
        run => run.Dataset,
    ];

    /// <summary>Each run's label among <paramref name="runs"/>, by run number.</summary>
    public static IReadOnlyDictionary<long, string> Of(IReadOnlyCollection<StoredRun> runs)
    {
        var differing = Settings.Where(setting => runs.Select(setting).Distinct().Count() > 1).ToList();
        return runs.DistinctBy(run => run.Id).ToDictionary(run => run.Id,
            run => string.Join(" · ", new[] { $"run {run.Id}", run.Model }.Concat(differing.Select(setting => setting(run)))));
    }

    public static string LearningRate(double rate) => $"lr {rate.ToString("G4", CultureInfo.InvariantCulture)}";

    public static string BatchSize(int size) => $"batch {size}";

    public static string Epochs(int epochs) => epochs == 1 ? "1 epoch" : $"{Count(epochs)} epochs";

    public static string Images(int images) => images == 1 ? "1 image" : $"{Count(images)} images";

    public static string TestImages(int images) => images == 1 ? "1 test image" : $"{Count(images)} test images";

    static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
