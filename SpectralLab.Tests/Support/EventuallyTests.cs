namespace SpectralLab.Tests.Support;

public sealed class EventuallyTests
{
    [Fact]
    public async Task WaitUntil_ConditionNeverHolds_ThrowsNamingWhatWasAwaitedAndTheState()
    {
        int asked = 0;

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.WaitUntilAsync(
            () => ++asked < 0, TimeSpan.FromMilliseconds(100), () => $"asked {asked} times", "a condition that never holds"));

        Assert.Contains("a condition that never holds", error.Message);
        Assert.Contains($"asked {asked} times", error.Message);
        Assert.True(asked >= 2, $"asked {asked} times");
    }

    [Fact]
    public async Task WaitUntil_AsyncConditionHoldsOnTheThirdAsk_ReturnsThen()
    {
        int asked = 0;

        await Eventually.WaitUntilAsync(async () => { await Task.Yield(); return ++asked == 3; },
            TimeSpan.FromSeconds(30), () => $"asked {asked} times", "the third ask");

        Assert.Equal(3, asked);
    }
}
