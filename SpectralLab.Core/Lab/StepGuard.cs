using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// Passes a run's records on, and after each step asks <paramref name="stopReason"/> whether the run must end: a reason
/// ends it after that step (the trainer sees <see cref="Token"/> cancelled before the next one).
/// </summary>
public class StepGuard(ITrainingObserver inner, Func<string?> stopReason, CancellationToken stop) : ITrainingObserver, IDisposable
{
    readonly CancellationTokenSource ended = CancellationTokenSource.CreateLinkedTokenSource(stop);

    /// <summary>Cancelled by <paramref name="stop"/> or by a reason.</summary>
    public CancellationToken Token => ended.Token;

    /// <summary>Why the guard ended the run, if it did.</summary>
    public string? Reason { get; private set; }

    public void OnStep(StepRecord step)
    {
        inner.OnStep(step);
        if (Reason is null && stopReason() is { } reason)
        {
            Reason = reason;
            ended.Cancel();
        }
    }

    public void OnEpoch(EpochRecord epoch) => inner.OnEpoch(epoch);

    public void OnInitialValidation(double loss) => inner.OnInitialValidation(loss);

    public void Dispose()
    {
        ended.Dispose();
        GC.SuppressFinalize(this);
    }
}
