using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Core.Lab.Reproduction;

/// <summary>Verdicts against hand-computed cases: the lab's measured curves (seed 1, full MNIST) and small made-up ones.</summary>
public sealed class PublishedVerdictTests
{
    static readonly PublishedCurve Spatial = PublishedResults.Curves.Single(c => c.Model == "spatial");
    static readonly PublishedCurve Spectral = PublishedResults.Curves.Single(c => c.Model == "spectral-gaussian");

    /// <summary>A curve with epochs 1, 5 and 10 published at 1.0, 0.5 and 0.4.</summary>
    static readonly PublishedCurve Small = new("small", "Small (published)", 1, [(1, 1.1, 1.0), (5, 0.6, 0.5), (10, 0.45, 0.4)]);

    static List<EpochRecord> Epochs(params (int Epoch, double Validation)[] points) =>
        points.Select(p => new EpochRecord(p.Epoch, p.Validation + 0.01, p.Validation, 30)).ToList();

    static readonly List<EpochRecord> SpatialMeasured = Epochs((1, .0733), (10, .0647), (20, .0632), (30, .0626), (50, .0620));
    static readonly List<EpochRecord> PreFixMeasured = Epochs((1, .1692), (10, .1059), (20, .0992), (30, .0962), (50, .0919));
    static readonly List<EpochRecord> TrueProductMeasured = Epochs((1, .1227), (10, .0906));

    [Fact]
    public void Judge_SpatialAsMeasured_ReproducesThoughEpochOneIsTenPercentOff()
    {
        var verdict = PublishedVerdict.Judge("spatial", Spatial, SpatialMeasured);

        Assert.Equal(ReproductionOutcome.Reproduces, verdict.Outcome);
        Assert.Equal([10, 20, 30, 50], verdict.Judged.Select(e => e.Epoch)); // 5 was not reached; 1 is before the judged epochs
        Assert.Equal((0.0733 - 0.0669) / 0.0669, verdict.Epochs[0].RelativeError!.Value, 12);
        Assert.Equal(0.022607, verdict.MeanRelativeError!.Value, 5);          // over epochs 1, 10, 20, 30, 50
        Assert.Contains("largest difference 0.8% at epoch 10", verdict.Sentence);
        Assert.StartsWith("spatial reproduces the published curve", verdict.Sentence);
    }

    [Fact]
    public void Judge_PreFixProductAsMeasured_DoesNotReproduceThePublishedSpectralCurve()
    {
        var verdict = PublishedVerdict.Judge("spectral-gaussian-prefix-bug", Spectral, PreFixMeasured);

        Assert.Equal(ReproductionOutcome.DoesNotReproduce, verdict.Outcome);
        Assert.Equal(0.202096, verdict.MeanRelativeError!.Value, 5);
        Assert.Contains("4 of 4 published epochs from 5 on are more than 3% off", verdict.Sentence);
        Assert.Contains("largest difference 18.7% at epoch 10", verdict.Sentence);
    }

    [Theory]
    [InlineData(0.5149, 0.4116, ReproductionOutcome.Reproduces)]       // +2.98%, +2.9%
    [InlineData(0.5, 0.4124, ReproductionOutcome.DoesNotReproduce)]    // exact, then +3.1%
    [InlineData(0.4845, 0.4, ReproductionOutcome.DoesNotReproduce)]    // −3.1%: below counts as much as above
    public void Judge_OneJudgedEpochEitherSideOfThreePercent_DecidesTheVerdict(double atFive, double atTen, ReproductionOutcome expected)
    {
        var verdict = PublishedVerdict.Judge("m", Small, Epochs((1, 1.5), (5, atFive), (10, atTen)));

        Assert.Equal(expected, verdict.Outcome);
    }

    [Fact]
    public void Judge_RunThatStoppedBeforeEpochFive_IsTooShortToJudgeHoweverFarOff()
    {
        var verdict = PublishedVerdict.Judge("m", Small, Epochs((1, 1.0), (2, 0.9), (3, 0.8), (4, 0.7)));

        Assert.Equal(ReproductionOutcome.TooShortToJudge, verdict.Outcome);
        Assert.Equal(4, verdict.EpochsReached);
        Assert.Equal(0.0, verdict.MeanRelativeError); // epoch 1 matches exactly; 2–4 are not published
        Assert.Equal("m: too short to judge: the run reached epoch 4, and the verdict needs the published epochs from 5 on (5, 10).", verdict.Sentence);
    }

    [Fact]
    public void Judge_RunThatEndedBetweenPublishedEpochs_JudgesWhatItReachedAndSaysWhereItEnded()
    {
        var verdict = PublishedVerdict.Judge("spectral-gaussian", Spectral, TrueProductMeasured);

        Assert.Equal(ReproductionOutcome.Reproduces, verdict.Outcome);
        Assert.Equal([10], verdict.Judged.Select(e => e.Epoch));
        Assert.Contains("The run ended at epoch 10; the published curve goes on to epoch 50.", verdict.Sentence);
    }

    [Fact]
    public void Judge_NoEpochAtAll_TooShortWithNoMeanError()
    {
        var verdict = PublishedVerdict.Judge("m", Small, []);

        Assert.Equal((ReproductionOutcome.TooShortToJudge, 0, (double?)null), (verdict.Outcome, verdict.EpochsReached, verdict.MeanRelativeError));
    }

    [Fact]
    public void Correspondences_LabMeasurements_PublishedSpectralNumbersAreTheTrueProducts()
    {
        var verdicts = new[]
        {
            PublishedVerdict.Judge("spatial", Spatial, SpatialMeasured),
            PublishedVerdict.Judge("spectral-gaussian", Spectral, TrueProductMeasured),
            PublishedVerdict.Judge("spectral-gaussian-prefix-bug", Spectral, PreFixMeasured),
        };

        var correspondence = Assert.Single(PublishedVerdict.Correspondences(verdicts, PublishedResults.Curves)); // spatial has no rival

        Assert.Equal(("spectral-gaussian", "spectral-gaussian", CorrespondenceBasis.Reproduces), (correspondence.PublishedModel, correspondence.Model, correspondence.Basis));
        Assert.Equal(0.012290, correspondence.MeanRelativeError, 5);
        Assert.Contains("corresponds to spectral-gaussian: it reproduces it", correspondence.Sentence);
    }

    [Fact]
    public void Correspondences_BothReproduce_TheCloserByMeanError()
    {
        var verdicts = new[]
        {
            PublishedVerdict.Judge("a", Small, Epochs((1, 1.2), (5, 0.51), (10, 0.404))), // errors 20%, 2%, 1%: mean 7.67%
            PublishedVerdict.Judge("b", Small, Epochs((1, 1.0), (5, 0.51), (10, 0.41))),  // errors 0, 2%, 2.5%: mean 1.5%
        };

        var correspondence = Assert.Single(PublishedVerdict.Correspondences(verdicts, [Small]));

        Assert.Equal(("b", CorrespondenceBasis.Reproduces), (correspondence.Model, correspondence.Basis));
        Assert.Equal(0.015, correspondence.MeanRelativeError, 9);
    }

    [Fact]
    public void Correspondences_NoneReproduces_TheClosestAndSaysNoneDoes()
    {
        var verdicts = new[]
        {
            PublishedVerdict.Judge("a", Small, Epochs((1, 1.0), (5, 0.6), (10, 0.4))),   // errors 0, 20%, 0: mean 6.67%
            PublishedVerdict.Judge("b", Small, Epochs((1, 1.1), (5, 0.55), (10, 0.44))), // errors 10% each: mean 10%
        };

        var correspondence = Assert.Single(PublishedVerdict.Correspondences(verdicts, [Small]));

        Assert.Equal(("a", CorrespondenceBasis.Closest), (correspondence.Model, correspondence.Basis));
        Assert.Equal(0.2 / 3, correspondence.MeanRelativeError, 9);
        Assert.StartsWith("No variant reproduces the published curve \"Small (published)\"; the closest is a (mean relative error 6.7%", correspondence.Sentence);
    }

    [Fact]
    public void Correspondences_AllTooShort_TheClosestSoFarAndSaysItIsTooEarly()
    {
        var verdicts = new[]
        {
            PublishedVerdict.Judge("a", Small, Epochs((1, 1.3))),
            PublishedVerdict.Judge("b", Small, Epochs((1, 0.9))),
            PublishedVerdict.Judge("c", Small, []),
        };

        var correspondence = Assert.Single(PublishedVerdict.Correspondences(verdicts, [Small]));

        Assert.Equal(("b", CorrespondenceBasis.ClosestSoFar), (correspondence.Model, correspondence.Basis));
        Assert.StartsWith("The runs are too short to say", correspondence.Sentence);
    }
}
