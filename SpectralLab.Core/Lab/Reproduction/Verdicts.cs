using System.Globalization;

namespace SpectralLab.Core.Lab.Reproduction;

/// <summary>One published epoch and the run's validation loss there; null when the run did not reach it.</summary>
public sealed record PublishedEpoch(int Epoch, double Published, double? Measured)
{
    /// <summary>|measured − published| / published; null when the run did not reach the epoch.</summary>
    public double? RelativeError => Measured is { } measured ? Math.Abs(measured - Published) / Published : null;

    /// <summary>How far above (+) or below (−) the published value the run was, in percent; empty when it did not reach the epoch.</summary>
    public string Difference => Measured is { } measured
        ? ((measured - Published) / Published * 100).ToString("+0.0;−0.0", CultureInfo.InvariantCulture) + "%"
        : "";
}

public enum ReproductionOutcome { Reproduces, DoesNotReproduce, TooShortToJudge }

/// <summary>
/// A variant's run held against a published curve (see <see cref="PublishedVerdict"/> for the rule).
/// <paramref name="MeanRelativeError"/> is over every published epoch the run reached; null when it reached none.
/// </summary>
public sealed record VariantVerdict(
    string Model, string PublishedModel, int EpochsReached, int PublishedLastEpoch, IReadOnlyList<PublishedEpoch> Epochs,
    ReproductionOutcome Outcome, double? MeanRelativeError)
{
    /// <summary>The published epochs the verdict rests on: from <see cref="PublishedVerdict.FirstJudgedEpoch"/> on, reached by the run.</summary>
    public IReadOnlyList<PublishedEpoch> Judged => Epochs.Where(PublishedVerdict.IsJudged).ToList();

    public string Sentence => Outcome switch
    {
        ReproductionOutcome.TooShortToJudge =>
            $"{Model}: too short to judge: the run reached epoch {EpochsReached}, and the verdict needs the published epochs from " +
            $"{PublishedVerdict.FirstJudgedEpoch} on ({List(Epochs.Where(e => e.Epoch >= PublishedVerdict.FirstJudgedEpoch))}).",
        ReproductionOutcome.Reproduces =>
            $"{Model} reproduces the published curve: within {Percent(PublishedVerdict.Tolerance)} at every published epoch from " +
            $"{PublishedVerdict.FirstJudgedEpoch} on that it reached ({List(Judged)}); {Largest}.{Unfinished}",
        _ =>
            $"{Model} does not reproduce the published curve: {Judged.Count(e => !PublishedVerdict.IsWithin(e))} of {Judged.Count} published " +
            $"epochs from {PublishedVerdict.FirstJudgedEpoch} on are more than {Percent(PublishedVerdict.Tolerance)} off; {Largest}.{Unfinished}",
    };

    string Largest => Judged.MaxBy(e => e.RelativeError) is { } worst
        ? $"largest difference {Percent(worst.RelativeError!.Value)} at epoch {worst.Epoch}"
        : "";

    string Unfinished => EpochsReached < PublishedLastEpoch
        ? $" The run ended at epoch {EpochsReached}; the published curve goes on to epoch {PublishedLastEpoch}."
        : "";

    static string List(IEnumerable<PublishedEpoch> epochs) => string.Join(", ", epochs.Select(e => e.Epoch));

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}

public enum CorrespondenceBasis
{
    /// <summary>The variant reproduces the curve (the closest of those that do).</summary>
    Reproduces,

    /// <summary>No variant reproduces it; this one is the closest.</summary>
    Closest,

    /// <summary>Every run was too short to judge; this one is the closest so far.</summary>
    ClosestSoFar,
}

/// <summary>Which of the variants held against one published curve that curve's numbers correspond to.</summary>
public sealed record Correspondence(string PublishedModel, string PublishedLabel, string Model, CorrespondenceBasis Basis, double MeanRelativeError)
{
    public string Sentence => Basis switch
    {
        CorrespondenceBasis.Reproduces =>
            $"The published curve \"{PublishedLabel}\" corresponds to {Model}: it reproduces it ({Mean}).",
        CorrespondenceBasis.Closest =>
            $"No variant reproduces the published curve \"{PublishedLabel}\"; the closest is {Model} ({Mean}).",
        _ =>
            $"The runs are too short to say which variant the published curve \"{PublishedLabel}\" corresponds to; the closest so far is {Model} ({Mean}).",
    };

    string Mean => $"mean relative error {VariantVerdict.Percent(MeanRelativeError)} over the published epochs reached";
}
