using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Core.Training;
using static SpectralLab.Tests.Core.Lab.ComparisonLabelsTests;

namespace SpectralLab.Tests.Core.Lab.Reproduction;

public sealed class PublishedComparabilityTests
{
    static readonly TrainingOptions Spatial = new() { Model = "spatial" };

    [Fact]
    public void IsComparable_FullMnistPublishedBatchAndRateStoppedAfter10Epochs_IsAndSaysHowFarItWent()
    {
        var run = Run(1, Spatial, epochsDone: 10);

        Assert.True(PublishedComparability.IsComparable(run));
        Assert.Equal("10 epochs", PublishedComparability.Description(run));
    }

    [Fact]
    public void Description_PublishedSettingsAllFiftyEpochs_IsEmpty() =>
        Assert.Equal("", PublishedComparability.Description(Run(1, new TrainingOptions { Model = "spectral-gaussian" }, epochsDone: 50)));

    [Fact]
    public void Description_ThreeEpochsOn2048Images_NamesBoth()
    {
        var run = Run(1, Spatial with { Epochs = 3 }, trainImages: 2_048, epochsDone: 3);

        Assert.False(PublishedComparability.IsComparable(run));
        Assert.Equal("2,048 images, 3 epochs", PublishedComparability.Description(run));
    }

    [Fact]
    public void Differences_OtherBatchRateTestSetAndDataset_NamesEach() =>
        Assert.Equal(["dataset FashionMNIST", "1,000 test images", "batch 64", "lr 0.01"],
            PublishedComparability.Differences(Run(1, Spatial with { BatchSize = 64, LearningRate = 0.01 }, testImages: 1_000, dataset: "FashionMNIST")));

    [Fact]
    public void Differences_ModelWithoutAPublishedCurve_SaysSoEvenWithThePublishedSettings() =>
        Assert.Equal(["no published curve for spectral-gaussian-prefix-bug"], PublishedComparability.Differences(Run(1, new TrainingOptions { Model = "spectral-gaussian-prefix-bug" })));

    [Theory]
    [InlineData(50, 60_000, true)]
    [InlineData(10, 60_000, false)] // a report on 10 epochs does not speak for the publication's 50
    [InlineData(50, 2_048, false)]
    public void ArePublished_EpochsAndData_OnlyTheWholePublishedRun(int epochs, int trainImages, bool published) =>
        Assert.Equal(published, ReproductionPlan.ArePublished(new TrainingOptions { Epochs = epochs }, "MNIST", trainImages, 10_000));
}
