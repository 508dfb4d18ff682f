using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>Which of a run's kept checkpoints: the newest (what a resume continues from) or the best epoch's.</summary>
public enum CheckpointChoice { Latest, Best }

/// <summary>
/// A run's kept checkpoints, wherever they live (files beside an embedded database, rows of a shared one): the newest and
/// the one it replaced, so a newest one found damaged still leaves the epoch before to resume from; the best epoch's;
/// and the last few epochs' own.
/// </summary>
public interface IRunCheckpoints : ICheckpointStorage
{
    /// <summary>Where the newest one is kept, as a user would look for it (a file's path, or the run's rows).</summary>
    string Location { get; }

    /// <summary>Whether there is a checkpoint to resume from; a run stopped before its first epoch ended has none.</summary>
    bool Exists { get; }

    /// <summary>Whether the newest one is there (a damaged newest one may have been set aside).</summary>
    bool NewestExists { get; }

    /// <summary>What messages call the newest one.</summary>
    string NewestName { get; }

    /// <summary>The ones a resume may load, newest first.</summary>
    IReadOnlyList<CheckpointCandidate> Candidates { get; }

    /// <summary>The checkpoint behind <paramref name="which"/>, or null when the run has none.</summary>
    CheckpointCandidate? Find(CheckpointChoice which);

    /// <summary>The epochs whose own checkpoint is kept, oldest first.</summary>
    IReadOnlyList<int> KeptEpochs { get; }

    /// <summary>The previous checkpoint becomes the newest again, once the newest proved unusable (it is kept aside as damaged).</summary>
    void FallBack();

    void Delete();
}
