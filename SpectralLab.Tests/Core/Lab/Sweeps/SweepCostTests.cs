using SpectralLab.Core.Lab.Sweeps;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Core.Lab.Sweeps;

public sealed class SweepCostTests
{
    // bench's figures for spatial (docs/performance.md): 2,237 training and 8,424 evaluation images a second.
    const double Train = 2_237, Eval = 8_424;

    static StoredRun Past(string model, double secondsPerEpoch, int trainImages, int testImages, TrainingState status = TrainingState.Completed) =>
        new(1, new TrainingOptions { Model = model }, 1, "MNIST", trainImages, testImages, 1, status, null, DateTimeOffset.UtcNow, null, 1, 0.1, 0.1, secondsPerEpoch);

    [Fact]
    public void Pace_NoPastRun_BenchFiguresScaledToTheSweep()
    {
        var pace = SweepCost.Pace("spatial", trainImages: (int)(2 * Train), testImages: (int)Eval, past: []);

        Assert.Equal(3.0, pace.SecondsPerEpoch, 9); // 2 s training + 1 s evaluating
        Assert.Equal(PaceSource.Benchmark, pace.Source);
        Assert.Equal("from bench", pace.SourceText);
    }

    [Fact]
    public void Pace_PastRuns_TheirMedianTrainingTimePerImagePlusEvaluation()
    {
        // Each past run evaluated 8,424 images (1 s); what is left is training: 9, 19 and 49 s for 4,000 images.
        var past = new[] { Past("spatial", 10, 4000, (int)Eval), Past("spatial", 20, 4000, (int)Eval), Past("spatial", 50, 4000, (int)Eval) };

        var pace = SweepCost.Pace("spatial", trainImages: 2000, testImages: (int)(2 * Eval), past);

        Assert.Equal(19.0 / 4000 * 2000 + 2, pace.SecondsPerEpoch, 9);
        Assert.Equal((PaceSource.PastRuns, 3), (pace.Source, pace.Runs));
        Assert.Equal("from 3 past runs", pace.SourceText);
    }

    [Fact]
    public void Pace_PastRunsOfOtherModelsOrUnfinished_Ignored()
    {
        var past = new[] { Past("spectral-gaussian", 100, 4000, 100), Past("spatial", 100, 4000, 100, TrainingState.Failed), Past("spatial", 100, 4000, 100, TrainingState.Stopped) };

        Assert.Equal(PaceSource.Benchmark, SweepCost.Pace("spatial", 4000, 100, past).Source);
    }

    [Fact]
    public void Total_EachRunsEpochsAtItsModelsPace()
    {
        var paces = new Dictionary<string, ModelPace>
        {
            ["spatial"] = new("spatial", 2, PaceSource.Benchmark, 0),
            ["spectral-end-to-end"] = new("spectral-end-to-end", 9, PaceSource.Benchmark, 0),
        };
        var runs = new SweepGrid(["spatial", "spectral-end-to-end"], [0.001], [128], [1, 2], Epochs: 3).Expand();

        Assert.Equal(TimeSpan.FromSeconds(2 * 3 * (2 + 9)), SweepCost.Total(runs, paces));
    }

    [Fact]
    public void MeasuredPace_EndToEnd_AboutFourTimesSlowerThanSpatialToTrain() =>
        Assert.InRange(MeasuredPace.Of("spatial").TrainImagesPerSecond / MeasuredPace.Of("spectral-end-to-end").TrainImagesPerSecond, 4.0, 4.5);
}
