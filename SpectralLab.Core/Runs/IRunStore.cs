using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>A training worker as the shared store last heard of it.</summary>
/// <param name="Run">The run it trains, or null while it waits for one.</param>
public sealed record WorkerInfo(string Name, long? Run, DateTimeOffset Seen);

/// <summary>
/// Run history: runs, their steps, epochs and snapshots, their checkpoints, and (in a shared store) the training workers.
/// <see cref="SqliteRunStore"/> is the embedded default; <see cref="PostgresRunStore"/> is shared by a lab and its workers.
/// Every fault of the store is a <see cref="RunStoreException"/> saying what to do.
/// </summary>
public interface IRunStore
{
    /// <summary>What messages call the store: the database file, or the server's host, port and database (never its credentials).</summary>
    string Location { get; }

    /// <summary>Whether other processes train into this store: runs are queued for workers instead of trained in the lab.</summary>
    bool Shared { get; }

    int SchemaVersion { get; }

    /// <summary>Run <paramref name="run"/>'s checkpoints; its best epoch is judged by the stored epochs.</summary>
    /// <param name="keptEpochs">How many of the newest epochs' own checkpoints a training run keeps.</param>
    IRunCheckpoints CheckpointOf(long run, int keptEpochs = 0);

    /// <param name="sweep">The sweep the run belongs to, if any (see <see cref="NextSweep"/>).</param>
    /// <param name="status">Training for a run this process trains now; Queued for one a worker is to take.</param>
    long CreateRun(RunInfo run, long? sweep = null, TrainingState status = TrainingState.Training);

    /// <summary>A number no sweep has used yet.</summary>
    long NextSweep();

    void SetParameters(long run, long parameters);

    /// <summary>An active status makes this process the run's owner (a resumed run is trained by whoever resumed it).</summary>
    void SetStatus(long run, TrainingState status, string? reason);

    /// <summary>The validation loss of the run's model as initialised, measured before its first step.</summary>
    void SetInitialValidationLoss(long run, double loss);

    /// <summary>Replaces the run's notes and tags (checked by <see cref="RunLabels"/> before they come here); false when there is no such run.</summary>
    bool SetLabels(long run, string notes, IReadOnlyList<string> tags);

    /// <summary>The options of the newest run, or null when there is none: the settings the form offers next.</summary>
    TrainingOptions? LatestOptions();

    /// <summary>Steps, and at an epoch end the epoch and its snapshot, in one transaction: all of it lands or none.</summary>
    void Append(long run, IReadOnlyList<StepRecord> steps, EpochRecord? epoch = null, Snapshot? snapshot = null);

    /// <summary>Forgets what came after a checkpoint, so a resumed run's curves continue from it.</summary>
    void TruncateAfter(long run, int epoch, int step);

    /// <summary>Runs left in Training or Stopping by a process of this machine that is gone become Interrupted; returns how many.</summary>
    int MarkInterrupted();

    void Delete(long run);

    IReadOnlyList<StoredRun> List();

    StoredRun? Find(long run);

    /// <summary>The newest run that is training or stopping, or null: one query however many runs the store holds.</summary>
    StoredRun? NewestActive();

    /// <param name="after">Only the steps after this one, for reading a long run page by page.</param>
    /// <param name="limit">At most this many steps; all of them when null.</param>
    IReadOnlyList<StepRecord> Steps(long run, int stepsPerEpoch, int after = 0, int? limit = null);

    IReadOnlyList<EpochRecord> Epochs(long run);

    IReadOnlyList<Snapshot> Snapshots(long run);

    /// <summary>The steps at which the run has a stored snapshot, oldest first; nothing is decoded.</summary>
    IReadOnlyList<int> SnapshotSteps(long run);

    /// <summary>The snapshot stored at <paramref name="step"/>, or the newest when null; null when there is none.</summary>
    Snapshot? SnapshotAt(long run, int? step);

    /// <summary>The snapshot taken at the end of <paramref name="epoch"/>, or null when that epoch never ended.</summary>
    Snapshot? EpochEndSnapshot(long run, int epoch);

    /// <summary>A worker takes a queued (or abandoned) run: it becomes the run's worker and owner, and the run Training.</summary>
    void Claim(long run, string worker);

    /// <summary>Asks whoever trains the run to stop after its current step (a worker reads it between steps).</summary>
    void RequestStop(long run);

    bool StopRequested(long run);

    /// <summary>
    /// A worker says it is alive, and which run it trains (null: none). Workers not heard from for
    /// <see cref="SqlRunStore.WorkerForgottenAfter"/> are forgotten then, so a default name per process never piles up.
    /// </summary>
    void ReportWorker(string worker, long? run);

    /// <summary>The workers heard from lately, newest first.</summary>
    IReadOnlyList<WorkerInfo> Workers();
}
