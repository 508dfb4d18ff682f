using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpectralLab.Core.Data;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Training;

[Collection(TorchCollection.Name)]
public sealed class TrainingServiceTests : IAsyncLifetime
{
    TempDirectory data = null!;
    readonly LiveHub hub = new();
    TrainingService service = null!;
    RunStore store = null!;

    public async Task InitializeAsync() => await StartServiceAsync(imageSize: 28);

    async Task StartServiceAsync(int imageSize)
    {
        data = new TempDirectory();
        IdxFiles.WriteDataset(data.Path, train: 256, test: 32, height: imageSize, width: imageSize);
        var options = Options.Create(new LabOptions { TorchThreads = Environment.ProcessorCount, SnapshotSeconds = 0.2, StateDirectory = data.File("state") });
        store = new RunStore(data.File("state/runs.db"));
        service = new TrainingService(hub, new LabDataset(data.Path), store, options, NullLogger<TrainingService>.Instance);
        await service.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await service.StopAsync(CancellationToken.None);
        service.Dispose();
        data.Dispose();
    }

    static TrainingOptions Small(int epochs = 1, string model = "spectral-gaussian") =>
        new() { Model = model, Epochs = epochs, BatchSize = 32 };

    async Task<LabHistory> WaitForAsync(Func<LabHistory, bool> condition, int seconds = 60)
    {
        for (var until = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < until; await Task.Delay(20))
            if (hub.History() is var history && condition(history)) return history;
        throw new TimeoutException($"The lab never got there; it is {hub.State}: {hub.History().Reason}");
    }

    [Fact]
    public async Task Start_SmallRun_GoesFromIdleThroughTrainingToCompleted()
    {
        Assert.Equal(TrainingState.Idle, hub.State);

        var reply = await service.StartRunAsync(Small(epochs: 2));

        Assert.True(reply.Accepted, reply.Message);
        var history = await WaitForAsync(h => !h.State.IsActive());
        Assert.Equal(TrainingState.Completed, history.State);
        Assert.Equal(16, history.Steps.Count);
        Assert.Equal(2, history.Epochs.Count);
        Assert.Equal(19_553, history.Run!.Parameters);
        Assert.Contains(history.Snapshots, s => s.EpochEnd && s.Layers.Count == 2 && s.Layers.All(l => l.Filters.Count == 32));
    }

    [Fact]
    public async Task Start_WhileARunIsActive_IsRefusedWithAReason()
    {
        Assert.True((await service.StartRunAsync(Small(epochs: 1000))).Accepted);
        await WaitForAsync(h => h.Steps.Count > 0);

        var second = await service.StartRunAsync(Small());

        Assert.False(second.Accepted);
        Assert.Contains("already in progress", second.Message);
        await service.StopRunAsync();
    }

    [Fact]
    public async Task Stop_DuringARun_EndsItStoppedWithinAStep()
    {
        Assert.True((await service.StartRunAsync(Small(epochs: 1000))).Accepted);
        await WaitForAsync(h => h.Steps.Count >= 3);

        var reply = await service.StopRunAsync();
        int stepsAtStop = hub.History().Steps.Count;

        Assert.True(reply.Accepted);
        var history = await WaitForAsync(h => !h.State.IsActive());
        Assert.Equal(TrainingState.Stopped, history.State);
        Assert.InRange(history.Steps.Count, stepsAtStop, stepsAtStop + 1); // the step in flight may finish, no more
    }

    [Fact]
    public async Task Stop_WithNoRun_IsRefused()
    {
        var reply = await service.StopRunAsync();

        Assert.False(reply.Accepted);
        Assert.Equal(TrainingState.Idle, hub.State);
    }

    [Fact]
    public async Task Start_HugeLearningRate_EndsDivergedWithTheStep()
    {
        Assert.True((await service.StartRunAsync(Small(epochs: 20, model: "spatial") with { LearningRate = 1e8 })).Accepted);

        var history = await WaitForAsync(h => !h.State.IsActive());

        Assert.True(history.State == TrainingState.Diverged, $"{history.State}: {history.Reason}");
        Assert.Matches(@"at step \d+", history.Reason);
    }

    [Fact]
    public async Task Start_InvalidOptions_IsRefusedAndNothingStarts()
    {
        var reply = await service.StartRunAsync(Small() with { BatchSize = 10_000 });

        Assert.False(reply.Accepted);
        Assert.Contains("larger than the 256 training images", reply.Message);
        Assert.Equal(TrainingState.Idle, hub.State);
    }

    [Fact]
    public async Task Start_RunThatThrows_EndsFailedAndTheServiceCarriesOn()
    {
        await DisposeAsync();
        await StartServiceAsync(imageSize: 3); // two 2×2 poolings of a 3×3 image leave nothing: torch throws

        Assert.True((await service.StartRunAsync(Small(model: "spatial"))).Accepted);
        var history = await WaitForAsync(h => !h.State.IsActive());

        Assert.Equal(TrainingState.Failed, history.State);
        Assert.StartsWith("The run failed:", history.Reason);
        Assert.True((await service.StartRunAsync(Small(model: "spatial"))).Accepted, "the service takes commands after a failure");
        await WaitForAsync(h => !h.State.IsActive());
    }
}
