using SpectralLab.Core.Runtime;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// Passes a run's records on, and ends the run after any step that leaves the lab's resident memory over its budget:
/// a run that outgrows the machine fails with a reason instead of the kernel killing the lab with every tab in it.
/// </summary>
public sealed class MemoryGuard(ITrainingObserver inner, MemoryBudget budget, CancellationToken stop) : ITrainingObserver, IDisposable
{
    readonly CancellationTokenSource ended = CancellationTokenSource.CreateLinkedTokenSource(stop);

    /// <summary>Cancelled by a stop request or by the budget.</summary>
    public CancellationToken Token => ended.Token;

    /// <summary>Why the budget ended the run, if it did.</summary>
    public string? Reason { get; private set; }

    public void OnStep(StepRecord step)
    {
        inner.OnStep(step);
        if (Reason is null && budget.Exceeded(ResidentMemory.Bytes) is { } reason)
        {
            Reason = reason;
            ended.Cancel();
        }
    }

    public void OnEpoch(EpochRecord epoch) => inner.OnEpoch(epoch);

    public void OnInitialValidation(double loss) => inner.OnInitialValidation(loss);

    public void Dispose() => ended.Dispose();
}
