using System.Threading.Channels;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>A subscriber's view of the hub: its own bounded queue of events, history first.</summary>
public interface ILiveSubscription : IDisposable
{
    ChannelReader<LabEvent> Events { get; }

    /// <summary>How many events this subscriber's full queue has dropped; a reader that falls behind resyncs from <see cref="ILiveFeed.History"/>.</summary>
    long Dropped { get; }
}

/// <summary>The read side of the hub, what screens depend on.</summary>
public interface ILiveFeed
{
    LabHistory History();

    ILiveSubscription Subscribe();
}

/// <summary>
/// Keeps the run's history and fans each event out to every subscriber. A subscriber gets the history, then every
/// later event, in order. Each has its own bounded queue that drops its oldest entries when full, so a slow reader
/// never slows the publisher (the training thread): publishing never blocks.
/// </summary>
public sealed class LiveHub(int subscriberCapacity = 4096) : ILiveFeed
{
    const int KeptIntervalSnapshots = 64; // epoch-end snapshots are all kept; between them, a thinning sample

    readonly Lock gate = new();
    readonly List<Subscription> subscribers = [];
    readonly List<StepRecord> steps = [];
    readonly List<EpochRecord> epochs = [];
    readonly List<Snapshot> snapshots = [];
    RunInfo? run;
    TrainingState state = TrainingState.Idle;
    string? reason;
    DateTimeOffset stateSince = DateTimeOffset.UtcNow;

    public TrainingState State { get { lock (gate) return state; } }

    public LabHistory History()
    {
        lock (gate) return Copy();
    }

    public ILiveSubscription Subscribe()
    {
        var subscription = new Subscription(this, subscriberCapacity);
        lock (gate)
        {
            subscription.Offer(Copy());
            subscribers.Add(subscription);
        }
        return subscription;
    }

    /// <summary>Records the event in the history and offers it to every subscriber.</summary>
    public void Publish(LabEvent labEvent)
    {
        lock (gate)
        {
            Apply(labEvent);
            foreach (var subscriber in subscribers) subscriber.Offer(labEvent);
        }
    }

    public int SubscriberCount { get { lock (gate) return subscribers.Count; } }

    LabHistory Copy() => new(run, state, reason, stateSince, [.. steps], [.. epochs], [.. snapshots]);

    void Apply(LabEvent labEvent)
    {
        switch (labEvent)
        {
            case RunStarted started:
                (run, state, reason, stateSince) = (started.Run, TrainingState.Training, null, started.Run.Started);
                steps.Clear();
                epochs.Clear();
                snapshots.Clear();
                break;
            case RunResumed resumed:
                (run, state, reason, stateSince) = (resumed.Run, TrainingState.Training, null, DateTimeOffset.UtcNow);
                steps.Clear();
                steps.AddRange(resumed.Steps);
                epochs.Clear();
                epochs.AddRange(resumed.Epochs);
                snapshots.Clear();
                snapshots.AddRange(resumed.Snapshots);
                break;
            case StepRecorded recorded: steps.Add(recorded.Step); break;
            case EpochRecorded recorded: epochs.Add(recorded.Epoch); break;
            case SnapshotTaken taken: Keep(taken.Snapshot); break;
            case StateChanged changed: (state, reason, stateSince) = (changed.State, changed.Reason, changed.At); break;
        }
    }

    void Keep(Snapshot snapshot)
    {
        snapshots.Add(snapshot);
        var between = snapshots.Where(s => !s.EpochEnd).ToList();
        if (between.Count <= KeptIntervalSnapshots) return;
        // Drop every other interval snapshot, keeping the first and the newest, so the kept ones stay spread over the run.
        for (int i = 1; i < between.Count - 1; i += 2) snapshots.Remove(between[i]);
    }

    void Remove(Subscription subscription)
    {
        lock (gate) subscribers.Remove(subscription);
    }

    sealed class Subscription : ILiveSubscription
    {
        readonly LiveHub hub;
        readonly Channel<LabEvent> channel;
        long dropped;

        public Subscription(LiveHub hub, int capacity)
        {
            this.hub = hub;
            channel = Channel.CreateBounded<LabEvent>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref dropped));
        }

        public ChannelReader<LabEvent> Events => channel.Reader;

        public long Dropped => Interlocked.Read(ref dropped);

        public void Offer(LabEvent labEvent) => channel.Writer.TryWrite(labEvent);

        public void Dispose()
        {
            hub.Remove(this);
            channel.Writer.TryComplete();
        }
    }
}
