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
/// Keeps the run's state (through the one <see cref="RunState"/> reducer, so bounded like every tab's) and fans each
/// event out to every subscriber. A subscriber gets the history, then every later event, in order. Each has its own
/// bounded queue that drops its oldest entries when full, so a slow reader never slows the publisher (the training
/// thread): publishing never blocks.
/// </summary>
public sealed class LiveHub(RunStateLimits? limits = null, int subscriberCapacity = 4096) : ILiveFeed
{
    readonly Lock gate = new();
    readonly List<Subscription> subscribers = [];
    readonly RunState state = new(limits ?? RunStateLimits.Default);

    public RunStateLimits Limits => state.Limits;

    public TrainingState State { get { lock (gate) return state.State; } }

    public LabHistory History()
    {
        lock (gate) return state.ToHistory();
    }

    public ILiveSubscription Subscribe()
    {
        var subscription = new Subscription(this, subscriberCapacity);
        lock (gate)
        {
            subscription.Offer(state.ToHistory());
            subscribers.Add(subscription);
        }
        return subscription;
    }

    /// <summary>Records the event in the run's state and offers it to every subscriber.</summary>
    public void Publish(LabEvent labEvent)
    {
        lock (gate)
        {
            state.Apply(labEvent);
            foreach (var subscriber in subscribers) subscriber.Offer(labEvent);
        }
    }

    public int SubscriberCount { get { lock (gate) return subscribers.Count; } }

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
