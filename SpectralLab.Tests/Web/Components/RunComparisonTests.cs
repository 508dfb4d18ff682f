using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Runs;
using static SpectralLab.Tests.Core.Lab.ComparisonLabelsTests;

namespace SpectralLab.Tests.Web.Components;

public sealed class RunComparisonTests
{
    static RunEpochs Epochs(long id, int count) => new(Run(id, new TrainingOptions { Model = "spatial" }, epochsDone: count),
        Enumerable.Range(1, count).Select(e => new EpochRecord(e, 0.2 / e, 0.1 / e, 3)).ToList());

    [Fact]
    public void Final_ThreeEpochRun_IsItsThirdEpoch()
    {
        var final = RunComparison.Final(Epochs(1, 3).Epochs);

        Assert.Equal((3, 0.2 / 3, 0.1 / 3), (final!.Epoch, final.TrainLoss, final.ValidationLoss));
    }

    [Fact]
    public void Final_NoEpochYet_IsNull() => Assert.Null(RunComparison.Final([]));

    [Fact]
    public void MilestonesReached_ThreeAndTwelveEpochRuns_OneFiveAndTen() =>
        Assert.Equal([1, 5, 10], RunComparison.MilestonesReached([Epochs(1, 3), Epochs(2, 12)]));

    [Fact]
    public void CommonEpochs_ThreeAndFiveEpochRuns_TheFirstThree() =>
        Assert.Equal([1, 2, 3], RunComparison.CommonEpochs(Epochs(1, 5), Epochs(2, 3)));

    [Fact]
    public void TrainAndValidationCurves_OneRun_TrainDashedValidationSolidBothNamedByTheLabel()
    {
        var curves = RunComparison.TrainAndValidationCurves([Epochs(4, 2)], new Dictionary<long, string> { [4] = "run 4 · spatial · lr 100" });

        Assert.Equal(("run 4 · spatial · lr 100 · train", true, 0.1), (curves[0].Label, curves[0].Dashed, curves[0].Points[1].Y));
        Assert.Equal(("run 4 · spatial · lr 100 · validation", false, 0.05), (curves[1].Label, curves[1].Dashed, curves[1].Points[1].Y));
    }

    [Fact]
    public void StepCurves_23000StepsOfConstantLoss_AtMost200PointsPlacedByEpochAtThatLoss()
    {
        const int stepsPerEpoch = 469, steps = 23_000;
        var series = new StepSeries(RunStateLimits.Default.LossPoints);
        series.AddRange(Enumerable.Range(1, steps).Select(s => new StepRecord((s - 1) / stepsPerEpoch + 1, s, (s - 1) % stepsPerEpoch + 1, stepsPerEpoch, 0.07, 100)));

        var curve = Assert.Single(RunComparison.StepCurves([new RunStepCurve(9, stepsPerEpoch, series)], new Dictionary<long, string> { [9] = "run 9" }));

        Assert.Equal("run 9 · per step", curve.Label);
        Assert.InRange(curve.Points.Count, 100, RunComparison.StepCurvePoints);
        Assert.Equal((double)steps / stepsPerEpoch, curve.Points[^1].X, 1e-9);
        Assert.All(curve.Points, p => Assert.Equal(0.07, p.Y, 1e-9)); // each group's mean of a constant is that constant
    }

    [Fact]
    public void ElapsedSeconds_ThreeEpochs_SumsTheirTimesToEachEpochsEnd()
    {
        EpochRecord[] epochs = [new(1, 0.3, 0.2, 30.5), new(2, 0.2, 0.15, 20), new(3, 0.1, 0.1, 25)];

        Assert.Equal([30.5, 50.5, 75.5], RunComparison.ElapsedSeconds(epochs));
    }
}
