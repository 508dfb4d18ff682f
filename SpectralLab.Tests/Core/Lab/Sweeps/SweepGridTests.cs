using SpectralLab.Core.Lab.Sweeps;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Core.Lab.Sweeps;

public sealed class SweepGridTests
{
    const int Images = 60_000;

    static SweepGrid Grid(string[]? models = null, double[]? rates = null, int[]? batches = null, int[]? seeds = null, int epochs = 1, int? limit = null) =>
        new(models ?? ["spatial", "spectral-gaussian"], rates ?? [0.001], batches ?? [128], seeds ?? [1], epochs, limit);

    [Fact]
    public void Expand_TwoOfEach_EveryCombinationOnceWithSeedsInnermost()
    {
        var grid = Grid(rates: [0.001, 0.01], batches: [64, 128], seeds: [1, 2], epochs: 3, limit: 4096);

        var runs = grid.Expand();

        Assert.Equal(16, grid.Count);
        Assert.Equal(16, runs.Count);
        Assert.Equal(16, runs.Distinct().Count());
        Assert.All(runs, run => Assert.Equal((3, (int?)4096), (run.Epochs, run.TrainLimit)));
        Assert.Equal(new TrainingOptions { Model = "spatial", LearningRate = 0.001, BatchSize = 64, Seed = 1, Epochs = 3, TrainLimit = 4096 }, runs[0]);
        Assert.Equal([1, 2], runs.Take(2).Select(r => r.Seed)); // repeats of one setting queue together
        Assert.Equal(runs[0] with { Seed = 2 }, runs[1]);
        Assert.Equal(["spatial"], runs.Take(8).Select(r => r.Model).Distinct());
    }

    [Fact]
    public void Validate_GoodGrid_NoErrors() =>
        Assert.Empty(Grid(rates: [0.001, 0.0003], seeds: [1, 2, 3]).Validate(Images));

    [Fact]
    public void Validate_SixtyFiveRuns_OneSentenceNamingTheBound()
    {
        var grid = Grid(seeds: Enumerable.Range(1, 33).ToArray()); // 2 × 33 = 66

        var errors = grid.Validate(Images);

        var message = Assert.Single(errors).Value;
        Assert.Contains("66 runs", message);
        Assert.Contains($"at most {SweepGrid.MostRuns}", message);
        Assert.Equal(nameof(SweepGrid.Count), Assert.Single(errors).Key);
    }

    [Fact]
    public void Validate_SixtyFourRuns_Accepted() =>
        Assert.Empty(Grid(seeds: Enumerable.Range(1, 32).ToArray()).Validate(Images));

    [Fact]
    public void Validate_ListsFarTooLong_RefusedWithoutExpanding()
    {
        var many = Enumerable.Range(1, 100_000).ToArray();

        var errors = Grid(batches: many, seeds: many).Validate(Images);

        Assert.Contains("20,000,000,000 runs", errors[nameof(SweepGrid.Count)]);
    }

    [Theory]
    [InlineData(nameof(SweepGrid.LearningRates), "learning rate")]
    [InlineData(nameof(SweepGrid.BatchSizes), "batch size")]
    public void Validate_OneBadValueInAList_KeyedByTheListWithTheOptionsOwnSentence(string field, string words)
    {
        var grid = field == nameof(SweepGrid.LearningRates) ? Grid(rates: [0.001, -1]) : Grid(batches: [128, 0]);

        var errors = grid.Validate(Images);

        Assert.Equal([field], errors.Keys);
        Assert.Contains(words, errors[field]);
    }

    [Fact]
    public void Validate_BatchLargerThanTheTrainingSet_KeyedByBatchSizes()
    {
        var errors = Grid(batches: [32, 512], limit: 256).Validate(Images);

        Assert.Contains("512", errors[nameof(SweepGrid.BatchSizes)]);
    }

    [Fact]
    public void Validate_EmptyListsAndUnknownModel_OneSentenceEach()
    {
        Assert.Equal("Choose at least one model.", Grid(models: []).Validate(Images)[nameof(SweepGrid.Models)]);
        Assert.Contains("at least one seed", Grid(seeds: []).Validate(Images)[nameof(SweepGrid.Seeds)]);
        Assert.Contains("Unknown model 'nope'", Grid(models: ["spatial", "nope"]).Validate(Images)[nameof(SweepGrid.Models)]);
        Assert.Contains("Epochs must be from 1", Grid(epochs: 0).Validate(Images)[nameof(SweepGrid.Epochs)]);
    }

    [Fact]
    public void Validate_BatchOverTheMemoryBudget_KeyedByBatchSizes()
    {
        var budget = new MemoryBudget(1L << 30, "a test's budget");

        var errors = Grid(batches: [128, 4096]).Validate(Images, budget);

        Assert.Contains("memory budget", errors[nameof(SweepGrid.BatchSizes)]);
    }
}
