using System.Collections.Concurrent;
using static TorchSharp.torch;

namespace SpectralLab.Core.Lab;

/// <summary>Why the worker refused a request: its queue is full. The message says to try again.</summary>
public sealed class WorkerBusyException(string message) : Exception(message);

/// <summary>
/// One dedicated thread for the tensor work screens ask for (activation maps, the filter playground), apart from the
/// training thread. Each request runs synchronously on it, inside its own dispose scope and without gradients, and
/// must return plain values; tensors never leave the thread. The queue is bounded: a request beyond it is refused at
/// once rather than piling up behind slow ones.
/// </summary>
public sealed class TorchWorker : IDisposable
{
    /// <summary>Requests that may wait; a few tabs' worth, each a fraction of a second of work.</summary>
    public const int DefaultCapacity = 16;

    readonly BlockingCollection<Action> queue;
    readonly Thread thread;

    public TorchWorker(int capacity = DefaultCapacity)
    {
        queue = new BlockingCollection<Action>(capacity);
        thread = new Thread(() =>
        {
            foreach (var work in queue.GetConsumingEnumerable()) work();
        }) { IsBackground = true, Name = "SpectralLab torch worker" };
        thread.Start();
    }

    public Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Run()
        {
            try
            {
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                done.SetResult(work());
            }
            catch (Exception e) { done.SetException(e); }
        }
        try
        {
            if (queue.TryAdd(Run)) return done.Task;
        }
        catch (InvalidOperationException) { } // completed: the lab is shutting down
        return Task.FromException<T>(new WorkerBusyException("The lab is busy drawing other pictures; try again in a moment."));
    }

    public void Dispose()
    {
        queue.CompleteAdding();
        if (thread.Join(TimeSpan.FromSeconds(5))) queue.Dispose(); // else the request in hand still needs it
    }
}
