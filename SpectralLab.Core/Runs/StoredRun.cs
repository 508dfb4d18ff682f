using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>A run as the store keeps it, with the figures the runs table shows.</summary>
/// <param name="HasCheckpoint">Whether a checkpoint is there to resume from (a run stopped before its first epoch ended has none).</param>
public sealed record StoredRun(
    long Id, TrainingOptions Options, long Parameters, string Dataset, int TrainImages, int TestImages, int StepsPerEpoch,
    TrainingState Status, string? Reason, DateTimeOffset Started, DateTimeOffset? Ended,
    int EpochsDone, double? FinalTrainLoss, double? FinalValidationLoss, double? SecondsPerEpoch, long? Sweep = null, bool HasCheckpoint = false)
{
    public string Model => Options.Model;

    /// <summary>Free text the researcher wrote about the run (see <see cref="RunLabels"/>).</summary>
    public string Notes { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The training worker that took the run last (a shared store's), or null for a run trained by a lab or a verb.</summary>
    public string? Worker { get; init; }

    /// <summary>The validation loss of the model as initialised, before the first step; null for runs stored before it was measured.</summary>
    public double? InitialValidationLoss { get; init; }

    /// <summary>Trained, yet worse than untrained: the last validation loss is above the one at initialisation.</summary>
    public bool EndedAboveInitial => LossRise.Above(InitialValidationLoss, FinalValidationLoss);

    /// <summary>A Stopped or Interrupted run with a checkpoint to go on from.</summary>
    public bool CanResume => Status.CanResume() && HasCheckpoint;

    public RunInfo ToRunInfo(string displayName) =>
        new((int)Id, Options, displayName, Parameters, Dataset, TrainImages, TestImages, StepsPerEpoch, Started);
}
