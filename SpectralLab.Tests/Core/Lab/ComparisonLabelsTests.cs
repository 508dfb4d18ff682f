using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Core.Lab;

public sealed class ComparisonLabelsTests
{
    internal static StoredRun Run(long id, TrainingOptions options, int trainImages = 60_000, int testImages = 10_000, string dataset = "MNIST", int epochsDone = 1) =>
        new(id, options, 1, dataset, trainImages, testImages, (trainImages + options.BatchSize - 1) / options.BatchSize, TrainingState.Completed, null,
            DateTimeOffset.UtcNow, null, epochsDone, 0.1, 0.1, 3);

    [Fact]
    public void Of_TwoRunsDifferingOnlyInLearningRate_NamesEachByNumberModelAndRate()
    {
        var options = new TrainingOptions { Model = "spatial", Epochs = 1 };

        var labels = ComparisonLabels.Of([Run(3, options with { LearningRate = 100 }), Run(4, options)]);

        Assert.Equal("run 3 · spatial · lr 100", labels[3]);
        Assert.Equal("run 4 · spatial · lr 0.001", labels[4]);
    }

    [Fact]
    public void Of_RunsDifferingInModelOnly_AddsNoSetting()
    {
        var labels = ComparisonLabels.Of([Run(1, new TrainingOptions { Model = "spatial" }), Run(2, new TrainingOptions { Model = "spectral-gaussian" })]);

        Assert.Equal(["run 1 · spatial", "run 2 · spectral-gaussian"], labels.Values.Order());
    }

    [Fact]
    public void Of_SeveralSettingsDiffer_NamesEveryOneInTheSameOrder()
    {
        var options = new TrainingOptions { Model = "spatial" };

        var labels = ComparisonLabels.Of([Run(1, options with { Epochs = 1, Seed = 2 }, trainImages: 2_048), Run(2, options with { Epochs = 50, BatchSize = 64 })]);

        Assert.Equal("run 1 · spatial · batch 128 · seed 2 · 1 epoch · 2,048 images", labels[1]);
        Assert.Equal("run 2 · spatial · batch 64 · seed 1 · 50 epochs · 60,000 images", labels[2]);
    }

    [Fact]
    public void Of_OneRun_IsItsNumberAndModel() =>
        Assert.Equal("run 7 · spatial", ComparisonLabels.Of([Run(7, new TrainingOptions { Model = "spatial", LearningRate = 5 })])[7]);
}
