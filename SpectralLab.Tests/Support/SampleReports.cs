using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Support;

/// <summary>Reproduction reports built by hand, for tests that read or show one without training.</summary>
public static class SampleReports
{
    /// <summary>The lab's measurements (seed 1, full MNIST) as a 50-epoch reproduction's report; the true product's run ended at epoch 10.</summary>
    public static ReproductionReport Measured() => ReproductionReport.Of(new TrainingOptions(), "MNIST", 60_000, 10_000,
    [
        Run("spatial", 11, (1, .0733), (10, .0647), (20, .0632), (30, .0626), (50, .0620)),
        Run("spectral-gaussian", 12, (1, .1227), (10, .0906)),
        Run("spectral-gaussian-prefix-bug", 13, (1, .1692), (10, .1059), (20, .0992), (30, .0962), (50, .0919)),
    ]);

    static ReportedRun Run(string model, long id, params (int Epoch, double Validation)[] points)
    {
        var epochs = points.Select(p => new EpochRecord(p.Epoch, p.Validation + 0.001, p.Validation, 30)).ToList();
        var variant = ReproductionPlan.Variants.Single(v => v.Model == model);
        return new ReportedRun(model, model, id, TrainingState.Completed, $"Completed {epochs[^1].Epoch} epochs.", epochs,
            PublishedVerdict.Judge(model, variant.Published, epochs));
    }
}
