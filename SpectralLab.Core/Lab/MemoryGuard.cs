using SpectralLab.Core.Runtime;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// Ends the run after any step that leaves the process's resident memory over its budget: a run that outgrows the
/// machine fails with a reason instead of the kernel killing the lab with every tab in it.
/// </summary>
public sealed class MemoryGuard(ITrainingObserver inner, MemoryBudget budget, CancellationToken stop)
    : StepGuard(inner, () => budget.Exceeded(ResidentMemory.Bytes), stop);
