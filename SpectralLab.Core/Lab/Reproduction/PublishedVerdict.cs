using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Reproduction;

/// <summary>
/// Whether a run reproduces a published curve: its validation loss is within <see cref="Tolerance"/> of the published
/// value at every published epoch from <see cref="FirstJudgedEpoch"/> on that the run reached. A run that reached
/// none of them is too short to judge.
/// </summary>
public static class PublishedVerdict
{
    /// <summary>The first epochs say more about the initialisation's luck than about the model.</summary>
    public const int FirstJudgedEpoch = 5;

    public const double Tolerance = 0.03;

    public static VariantVerdict Judge(string model, PublishedCurve published, IReadOnlyList<EpochRecord> epochs)
    {
        var points = published.Points
            .Select(point => new PublishedEpoch(point.Epoch, point.ValidationLoss, epochs.FirstOrDefault(e => e.Epoch == point.Epoch)?.ValidationLoss))
            .ToList();
        var judged = points.Where(IsJudged).ToList();
        var outcome = judged.Count == 0 ? ReproductionOutcome.TooShortToJudge
            : judged.All(IsWithin) ? ReproductionOutcome.Reproduces : ReproductionOutcome.DoesNotReproduce;
        var reached = points.Where(p => p.RelativeError is not null).ToList();
        return new VariantVerdict(model, published.Model, epochs.Count == 0 ? 0 : epochs.Max(e => e.Epoch), published.Points.Max(p => p.Epoch),
            points, outcome, reached.Count == 0 ? null : reached.Average(p => p.RelativeError!.Value));
    }

    public static bool IsJudged(PublishedEpoch epoch) => epoch.Epoch >= FirstJudgedEpoch && epoch.Measured is not null;

    public static bool IsWithin(PublishedEpoch epoch) => epoch.RelativeError <= Tolerance;

    /// <summary>
    /// For each published curve held against more than one variant: the variant that reproduces it (the closest if
    /// several do), else the closest by mean relative error. Curves none of whose runs reached a published epoch are left out.
    /// </summary>
    public static IReadOnlyList<Correspondence> Correspondences(IReadOnlyList<VariantVerdict> verdicts, IReadOnlyList<PublishedCurve> curves) =>
        curves.Select(curve => CorrespondsTo(curve, verdicts.Where(v => v.PublishedModel == curve.Model).ToList()))
            .OfType<Correspondence>().ToList();

    static Correspondence? CorrespondsTo(PublishedCurve curve, IReadOnlyList<VariantVerdict> held)
    {
        var candidates = held.Where(v => v.MeanRelativeError is not null).ToList();
        if (held.Count < 2 || candidates.Count == 0) return null;
        var reproducing = candidates.Where(v => v.Outcome == ReproductionOutcome.Reproduces).ToList();
        var closest = (reproducing.Count > 0 ? reproducing : candidates).MinBy(v => v.MeanRelativeError)!;
        var basis = reproducing.Count > 0 ? CorrespondenceBasis.Reproduces
            : candidates.All(v => v.Outcome == ReproductionOutcome.TooShortToJudge) ? CorrespondenceBasis.ClosestSoFar
            : CorrespondenceBasis.Closest;
        return new Correspondence(curve.Model, curve.Label, closest.Model, basis, closest.MeanRelativeError!.Value);
    }
}
