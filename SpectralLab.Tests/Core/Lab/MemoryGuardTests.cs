using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Core.Lab;

public sealed class MemoryGuardTests
{
    sealed class Recorder : ITrainingObserver
    {
        public int Steps, Epochs;
        public void OnStep(StepRecord step) => Steps++;
        public void OnEpoch(EpochRecord epoch) => Epochs++;
    }

    static StepRecord Step(int n) => new(1, n, n, 10, 0.5, 1);

    [Fact]
    public void OnStep_ResidentMemoryOverTheBudget_EndsTheRunWithTheReason()
    {
        var inner = new Recorder();
        using var guard = new MemoryGuard(inner, new MemoryBudget(1, "a budget no process fits in"), CancellationToken.None);

        guard.OnStep(Step(1));

        Assert.Equal(1, inner.Steps); // the step itself is still recorded
        Assert.True(guard.Token.IsCancellationRequested);
        Assert.Contains("over its budget", guard.Reason);
    }

    [Fact]
    public void OnStep_WithinTheBudget_PassesEverythingOnAndFollowsStopRequests()
    {
        var inner = new Recorder();
        using var stop = new CancellationTokenSource();
        using var guard = new MemoryGuard(inner, new MemoryBudget(long.MaxValue, "all of it"), stop.Token);

        guard.OnStep(Step(1));
        guard.OnEpoch(new EpochRecord(1, 0.5, 0.4, 1));
        Assert.False(guard.Token.IsCancellationRequested);
        stop.Cancel();

        Assert.Equal((1, 1), (inner.Steps, inner.Epochs));
        Assert.True(guard.Token.IsCancellationRequested);
        Assert.Null(guard.Reason);
    }
}
