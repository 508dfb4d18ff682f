using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Reproduction;

/// <summary>A model the reproduction trains, and the published curve it is held against.</summary>
public sealed record ReproductionVariant(string Model, PublishedCurve Published);

/// <summary>What "reproduce the publication" trains: the published pair, the pre-fix ablation beside them, the published settings.</summary>
public static class ReproductionPlan
{
    public static IReadOnlyList<ReproductionVariant> Variants { get; } =
    [
        new("spatial", Curve("spatial")),
        new("spectral-gaussian", Curve("spectral-gaussian")),
        new("spectral-gaussian-prefix-bug", Curve("spectral-gaussian")), // the ablation, held against the curve it might have made
    ];

    /// <summary>The publication's settings: 50 epochs, batch 128, Adam at 0.001, every training and test image (the trainer's defaults).</summary>
    public static TrainingOptions Published { get; } = new();

    /// <summary>One run per variant with <paramref name="settings"/>.</summary>
    public static IReadOnlyList<TrainingOptions> Runs(TrainingOptions settings) =>
        Variants.Select(variant => settings with { Model = variant.Model }).ToList();

    /// <summary>Whether runs with these settings on this data were trained as published, so their verdicts speak for the publication.</summary>
    public static bool ArePublished(TrainingOptions settings, string dataset, int trainImages, int testImages) =>
        settings.Epochs == Published.Epochs && PublishedComparability.Differences(settings, dataset, trainImages, testImages).Count == 0;

    static PublishedCurve Curve(string model) => PublishedResults.Curves.Single(curve => curve.Model == model);
}
