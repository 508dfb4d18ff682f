using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Reproduction;

/// <summary>One variant's stored run as the report shows it: how it ended, its epochs, and its verdict.</summary>
public sealed record ReportedRun(string Model, string DisplayName, long RunId, TrainingState Status, string? Reason,
    IReadOnlyList<EpochRecord> Epochs, VariantVerdict Verdict)
{
    public static ReportedRun Of(ReproductionVariant variant, StoredRun run, IReadOnlyList<EpochRecord> epochs) =>
        new(variant.Model, LabModels.All.FirstOrDefault(m => m.Name == variant.Model)?.DisplayName ?? variant.Model, run.Id, run.Status,
            run.Reason, epochs, PublishedVerdict.Judge(variant.Model, variant.Published, epochs));
}

/// <summary>What one reproduction trained, how, and what it found; written as report.json beside report.md.</summary>
/// <param name="PublishedSettings">Whether the runs were trained as published, so that the verdicts speak for the publication.</param>
public sealed record ReproductionReport(DateTimeOffset Written, TrainingOptions Settings, string Dataset, int TrainImages, int TestImages,
    bool PublishedSettings, IReadOnlyList<ReportedRun> Runs, IReadOnlyList<Correspondence> Correspondences)
{
    public static ReproductionReport Of(TrainingOptions settings, string dataset, int trainImages, int testImages, IReadOnlyList<ReportedRun> runs) =>
        new(DateTimeOffset.UtcNow, settings, dataset, trainImages, testImages, ReproductionPlan.ArePublished(settings, dataset, trainImages, testImages),
            runs, PublishedVerdict.Correspondences(runs.Select(r => r.Verdict).ToList(), PublishedResults.Curves));
}

/// <summary>A report found in the state directory, and the folder it is in.</summary>
public sealed record StoredReport(string Folder, ReproductionReport Report);
