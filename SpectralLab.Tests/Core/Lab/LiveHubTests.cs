using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab;

public sealed class LiveHubTests
{
    static RunInfo Run() => new(1, new TrainingOptions(), "Spatial baseline", 28_353, "MNIST", 100, 10, 4, DateTimeOffset.UtcNow);

    static StepRecord Step(int n) => new(1, n, n, 1000, 0.7 - n * 1e-5, 10);

    static Snapshot Shot(int step, bool epochEnd) => new(step, 1, epochEnd, DateTimeOffset.UtcNow, [1], []);

    [Fact]
    public async Task Subscribe_MidRun_ReceivesTheHistoryFirstThenLiveEvents()
    {
        var hub = new LiveHub();
        hub.Publish(new RunStarted(Run()));
        for (int i = 1; i <= 3; i++) hub.Publish(new StepRecorded(Step(i)));

        using var subscription = hub.Subscribe();
        hub.Publish(new StepRecorded(Step(4)));

        var history = Assert.IsType<LabHistory>(await subscription.Events.ReadAsync());
        Assert.Equal(TrainingState.Training, history.State);
        Assert.Equal([1, 2, 3], history.Steps.Select(s => s.Step));
        var live = Assert.IsType<StepRecorded>(await subscription.Events.ReadAsync());
        Assert.Equal(4, live.Step.Step);
    }

    [Fact]
    public async Task Publish_OneSubscriberStalled_NeverBlocksAndTheOtherGetsEverything()
    {
        var hub = new LiveHub(subscriberCapacity: 16);
        using var stalled = hub.Subscribe(); // never read
        using var reader = hub.Subscribe();
        var received = new List<int>();
        int receivedCount = 0;
        var reading = Task.Run(async () =>
        {
            await foreach (var labEvent in reader.Events.ReadAllAsync())
                if (labEvent is StepRecorded recorded)
                {
                    received.Add(recorded.Step.Step);
                    Interlocked.Increment(ref receivedCount);
                }
        });

        var publishing = Task.Run(() =>
        {
            for (int i = 1; i <= 20_000; i++)
            {
                hub.Publish(new StepRecorded(Step(i)));
                if (i % 8 == 0) Thread.Yield(); // give the reader a chance, as a training loop would
            }
        });
        await Eventually.WaitUntilAsync(() => publishing.IsCompleted, TimeSpan.FromSeconds(30),
            () => $"{hub.History().Steps.Count} steps published, the stalled subscriber dropped {stalled.Dropped}, the reader has {Volatile.Read(ref receivedCount)}",
            "20,000 publishes beside a stalled subscriber");
        await publishing;

        Assert.True(stalled.Dropped >= 20_000 - 16, $"the stalled queue dropped {stalled.Dropped}");
        reader.Dispose();
        await reading;
        Assert.Equal(20_000, hub.History().Steps.TotalSteps); // every step reaches the curve, folded into its bounded buckets
        Assert.True(received.SequenceEqual(received.Order()), "events arrive in order");
    }

    [Fact]
    public void Dispose_Subscription_StopsDelivery()
    {
        var hub = new LiveHub();
        var subscription = hub.Subscribe();
        Assert.Equal(1, hub.SubscriberCount);

        subscription.Dispose();
        hub.Publish(new StepRecorded(Step(1)));

        Assert.Equal(0, hub.SubscriberCount);
        Assert.True(subscription.Events.Completion.IsCompleted || subscription.Events.TryRead(out _));
    }

    [Fact]
    public void Publish_ManySnapshots_KeepsTheFirstTheNewestAndABoundedSpreadOverTheRun()
    {
        var hub = new LiveHub(new RunStateLimits(Snapshots: 16));
        hub.Publish(new RunStarted(Run()));
        for (int step = 0; step <= 1000; step++)
            hub.Publish(new SnapshotTaken(Shot(step, epochEnd: step % 100 == 0)));

        var kept = hub.History().Snapshots.Select(s => s.Step).ToList();

        Assert.InRange(kept.Count, 8, 16);
        Assert.Equal((0, 1000), (kept[0], kept[^1]));
        Assert.True(kept.SequenceEqual(kept.Order()), "oldest first");
        // Spread: no gap between kept snapshots is more than four times the even spacing.
        int widest = kept.Zip(kept.Skip(1), (a, b) => b - a).Max();
        Assert.True(widest <= 4 * 1000 / (kept.Count - 1), $"widest gap {widest} steps among {kept.Count} kept");
    }

    [Fact]
    public void RunStarted_AfterAnEndedRun_ClearsTheOldHistory()
    {
        var hub = new LiveHub();
        hub.Publish(new RunStarted(Run()));
        hub.Publish(new StepRecorded(Step(1)));
        hub.Publish(new StateChanged(TrainingState.Completed, "done"));

        hub.Publish(new RunStarted(Run() with { Number = 2 }));

        var history = hub.History();
        Assert.Equal((2, TrainingState.Training, 0), (history.Run!.Number, history.State, history.Steps.Count));
    }
}
