using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Core.Training;

public sealed class MemoryBudgetTests
{
    static readonly MemoryBudget OneGigabyte = new(1L << 30, "a test budget");

    [Fact]
    public void LargestBatch_OneGigabyte_LeavesTheLabItsShareAndDividesTheRest()
    {
        // (1,073,741,824 − 600 MB) / (1,430 KB per spectral-gaussian image) = 444,596,224 / 1,464,320 = 303.6
        Assert.Equal(303, OneGigabyte.LargestBatch("spectral-gaussian"));
        Assert.Null(OneGigabyte.Refusal("spectral-gaussian", 303));
    }

    [Fact]
    public void Refusal_BatchOverTheBudget_SaysTheNeedTheLimitAndTheFix()
    {
        var message = OneGigabyte.Refusal("spectral-gaussian", 8192);

        Assert.NotNull(message);
        Assert.Contains("A batch of 8,192 images needs about 11.8 GB", message); // 600 MB + 8,192 × 1,430 KB
        Assert.Contains("memory budget of 1.0 GB (a test budget)", message);
        Assert.Contains("at most 303", message);
    }

    [Fact]
    public void Refusal_UnmeasuredModel_AssumesTheCostliestMeasuredOne()
    {
        Assert.Equal(MemoryBudget.BytesPerImage("spectral-end-to-end"), MemoryBudget.BytesPerImage("no-such-model"));
        Assert.True(MemoryBudget.BytesPerImage("spatial") < MemoryBudget.BytesPerImage("spectral-end-to-end"));
    }

    [Fact]
    public void Exceeded_ResidentMemoryOverTheBudget_GivesTheReason()
    {
        Assert.Null(OneGigabyte.Exceeded(1L << 29));
        Assert.Contains("reached 1.5 GB, over its budget of 1.0 GB", OneGigabyte.Exceeded(3L << 29));
    }

    [Fact]
    public void For_NoSetting_TakesASharedOfTheMachineOrItsLimit()
    {
        long machine = long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

        var budget = MemoryBudget.For(configuredMegabytes: null);

        Assert.InRange(budget.Bytes, 1, (long)(machine * 0.6) + 1);
        Assert.Equal((long)(512.0 * 1048576), MemoryBudget.For(512).Bytes);
        Assert.Equal(MemoryBudget.Setting, MemoryBudget.For(512).Source);
    }

    [Fact]
    public void Validate_BatchOverTheBudget_RefusesTheBatchSizeField()
    {
        var errors = new TrainingOptions { BatchSize = 1024 }.Validate(60_000, OneGigabyte);

        Assert.Contains("memory budget", errors[nameof(TrainingOptions.BatchSize)]);
        Assert.Empty(new TrainingOptions { BatchSize = 128 }.Validate(60_000, OneGigabyte));
    }
}
