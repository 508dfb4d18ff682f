using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Reproduction;

/// <summary>
/// Whether a lab run can honestly stand beside a published curve: the same model, trained on all of MNIST with the
/// publication's batch size and learning rate. Epochs do not decide it: a shorter run is compared over the epochs it
/// reached. Anything else is named, so a run that is not comparable says why.
/// </summary>
public static class PublishedComparability
{
    public const string Dataset = "MNIST";
    public const int TrainImages = 60_000, TestImages = 10_000;

    /// <summary>What differs from the publication's data and settings, in words; empty when nothing does.</summary>
    public static IReadOnlyList<string> Differences(TrainingOptions settings, string dataset, int trainImages, int testImages)
    {
        var published = ReproductionPlan.Published;
        var differences = new List<string>();
        if (dataset != Dataset) differences.Add($"dataset {dataset}");
        if (trainImages != TrainImages) differences.Add(ComparisonLabels.Images(trainImages));
        if (testImages != TestImages) differences.Add(ComparisonLabels.TestImages(testImages));
        if (settings.BatchSize != published.BatchSize) differences.Add(ComparisonLabels.BatchSize(settings.BatchSize));
        if (settings.LearningRate != published.LearningRate) differences.Add(ComparisonLabels.LearningRate(settings.LearningRate));
        return differences;
    }

    /// <summary>What keeps the run from standing beside its model's published curve; empty when it is comparable.</summary>
    public static IReadOnlyList<string> Differences(StoredRun run) =>
    [
        .. PublishedResults.Curves.Any(curve => curve.Model == run.Model) ? [] : new[] { $"no published curve for {run.Model}" },
        .. Differences(run.Options, run.Dataset, run.TrainImages, run.TestImages),
    ];

    public static bool IsComparable(StoredRun run) => Differences(run).Count == 0;

    /// <summary>
    /// What the run's row says beside the published results: what differs, then how far it went when that is not the
    /// published length ("2,048 images, 3 epochs"); empty for a comparable run of the published length.
    /// </summary>
    public static string Description(StoredRun run) => string.Join(", ", run.EpochsDone == ReproductionPlan.Published.Epochs
        ? Differences(run) : [.. Differences(run), ComparisonLabels.Epochs(run.EpochsDone)]);
}
