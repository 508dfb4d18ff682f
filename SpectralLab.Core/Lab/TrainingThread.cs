using SpectralLab.Core.Runtime;

namespace SpectralLab.Core.Lab;

/// <summary>
/// The dedicated thread a run (or a sweep) trains on, and the one token that asks it to stop. The token belongs to
/// this object alone and is disposed only once the thread has ended, so asking to stop can never meet a disposed token.
/// </summary>
sealed class TrainingThread
{
    readonly CancellationTokenSource stop = new();
    readonly Thread thread;
    readonly Lock gate = new();
    bool disposed;

    /// <param name="pin">Keep the thread on one core: with one torch thread, what the tabs cost runs beside it.</param>
    public TrainingThread(Action<CancellationToken> work, bool pin, Action<int> pinned)
    {
        var token = stop.Token;
        thread = new Thread(() =>
        {
            if (pin && CorePinning.PinCurrentThread() is { } core) pinned(core);
            work(token);
        }) { IsBackground = true, Name = "training" };
        thread.Start();
    }

    public bool IsAlive => thread.IsAlive;

    public void RequestStop()
    {
        lock (gate)
            if (!disposed) stop.Cancel();
    }

    /// <summary>Waits for the thread to end; true when it has.</summary>
    public bool Join(TimeSpan timeout) => thread.Join(timeout);

    /// <summary>Releases the token if the thread has ended; a thread still running keeps it (and is a background thread).</summary>
    public void Release()
    {
        lock (gate)
        {
            if (disposed || thread.IsAlive) return;
            disposed = true;
            stop.Dispose();
        }
    }
}
