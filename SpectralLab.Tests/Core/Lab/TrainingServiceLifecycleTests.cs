using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab;

/// <summary>
/// The host stops and disposes the training service at any moment, in any order, more than once: while idle, while a
/// start command is on its way, mid-run, and as a run ends. Each moment is repeated, the orders taken in turn, over 8×8
/// images so that a run is a few steps.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingServiceLifecycleTests : IDisposable
{
    const int Repetitions = 51; // each order 17 times a moment
    const int TrainImages = 32, BatchSize = 16; // two steps an epoch
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    readonly TempDirectory folder = new();

    public TrainingServiceLifecycleTests() => IdxFiles.WriteDataset(folder.Path, train: TrainImages, test: 8, height: 8, width: 8);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    public enum Moment { Idle, StartInFlight, MidRun, RunEnding }

    enum Order { StopThenDispose, DisposeThenStop, StopTwiceThenDispose }

    /// <summary>What the run-ending case reacts to, taken in turn: each is published moments before the training thread ends.</summary>
    enum Ending { LastStep, EpochEnd, EndState }

    [Theory]
    [InlineData(Moment.Idle)]
    [InlineData(Moment.StartInFlight)]
    [InlineData(Moment.MidRun)]
    [InlineData(Moment.RunEnding)]
    public async Task StopAndDispose_InAnyOrderAtTheMoment_ThrowsNothingLeavesNoRunTrainingAndRefusesLaterCommands(Moment moment)
    {
        for (int repetition = 0; repetition < Repetitions; repetition++)
        {
            // Arrange: a fresh service, brought to the moment.
            var order = (Order)(repetition % 3);
            var hub = new LiveHub();
            var store = new SqliteRunStore(folder.File($"{moment}-{repetition}/runs.db"));
            var service = await StartServiceAsync(hub, store, folder.File($"{moment}-{repetition}"));
            using var subscription = hub.Subscribe();
            Task<CommandResult>? start = null;
            if (moment == Moment.StartInFlight)
            {
                Assert.False((await service.StopRunAsync()).Accepted); // answered: the command loop is running
                start = service.StartRunAsync(Tiny(epochs: 1000)); // not awaited: the host stops while the command is on its way
            }
            else if (moment == Moment.MidRun)
            {
                Assert.True((await service.StartRunAsync(Tiny(epochs: 1000))).Accepted);
                if (repetition % 2 == 1) // otherwise while the run is still setting up
                    await ReadUntilAsync(subscription, e => e is StepRecorded, () => LabState.Describe(hub, store), "the run's first step");
            }
            else if (moment == Moment.RunEnding)
            {
                var ending = (Ending)(repetition / 3 % 3); // every ending meets every order
                Assert.True((await service.StartRunAsync(Tiny(epochs: 1))).Accepted);
                await ReadUntilAsync(subscription, ending switch
                {
                    Ending.LastStep => e => e is StepRecorded { Step.Step: TrainImages / BatchSize },
                    Ending.EpochEnd => e => e is EpochRecorded,
                    _ => e => e is StateChanged { State: var state } && !state.IsActive(),
                }, () => LabState.Describe(hub, store), $"the run's {ending}");
            }

            // Act: stop and dispose as the host might.
            await ShutDownAsync(service, order);

            // Assert: the training thread has ended, and the run's end is what the hub and the store both say.
            string where = $"repetition {repetition}, {order}: {LabState.Describe(hub, store)}";
            if (start is not null)
            {
                await Eventually.WaitUntilAsync(() => start.IsCompleted, Patience, () => where, "an answer to the start command");
                Assert.Equal((await start).Accepted ? 1 : 0, store.List().Count); // accepted or refused, as long as it is answered
            }
            Assert.False(hub.State.IsActive(), where);
            var expected = moment switch { Moment.Idle => TrainingState.Idle, Moment.MidRun => TrainingState.Stopped, _ => hub.State };
            Assert.True(hub.State == expected, $"expected {expected}; {where}");
            Assert.All(store.List(), run => Assert.True(run.Status == hub.State, where));
            if (moment != Moment.StartInFlight)
                Assert.Equal(moment == Moment.Idle ? 0 : 1, store.List().Count);
            var late = service.StartRunAsync(Tiny(epochs: 1));
            await Eventually.WaitUntilAsync(() => late.IsCompleted, Patience, () => where, "an answer to a start sent after the shutdown");
            Assert.False((await late).Accepted, where);
            SqliteConnection.ClearAllPools();
        }
    }

    static async Task ShutDownAsync(TrainingService service, Order order)
    {
        switch (order)
        {
            case Order.StopThenDispose:
                await service.StopAsync(CancellationToken.None);
                service.Dispose();
                break;
            case Order.DisposeThenStop:
                service.Dispose();
                await service.StopAsync(CancellationToken.None);
                break;
            case Order.StopTwiceThenDispose:
                await service.StopAsync(CancellationToken.None);
                await service.StopAsync(CancellationToken.None);
                service.Dispose();
                break;
        }
    }

    async Task<TrainingService> StartServiceAsync(LiveHub hub, SqliteRunStore store, string stateDirectory)
    {
        var options = Options.Create(new LabOptions { TorchThreads = Environment.ProcessorCount, SnapshotSeconds = 0.2, StateDirectory = stateDirectory });
        var service = new TrainingService(hub, new LabDataset(folder.Path), store, options, NullLogger<TrainingService>.Instance);
        await service.StartAsync(CancellationToken.None);
        return service;
    }

    static TrainingOptions Tiny(int epochs) => new() { Model = "spatial", Epochs = epochs, BatchSize = BatchSize };

    /// <summary>Reads the subscription until an event meets <paramref name="wanted"/>: the test reacts the moment the hub publishes it.</summary>
    static async Task ReadUntilAsync(ILiveSubscription subscription, Func<LabEvent, bool> wanted, Func<string> describeState, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (!wanted(await subscription.Events.ReadAsync(timeout.Token))) { }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}, in vain. The lab: {describeState()}");
        }
    }
}
