using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// One resume, carried out on the training thread before the run is announced: it loads the newest checkpoint that is
/// whole (the previous epoch's when the newest is damaged), rewinds the stored run to it, announces the run and answers
/// the command. When no checkpoint loads it answers why, and the run keeps its status, so it can be resumed once a good
/// file is back.
/// </summary>
sealed class Resumption(StoredRun stored, RunInfo info, IRunStore store, LiveHub hub)
{
    readonly TaskCompletionSource<CommandResult> reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly IRunCheckpoints checkpoints = store.CheckpointOf(stored.Id);

    public RunInfo Info => info;

    /// <summary>The command's answer: accepted once the run is announced, refused with the reason otherwise.</summary>
    public Task<CommandResult> Reply => reply.Task;

    /// <summary>Whether the run was announced: from then on it ends like any run, with its outcome recorded.</summary>
    public bool Announced { get; private set; }

    /// <summary>The run's <see cref="ResumeFrom"/>: throws, with the reason, when no checkpoint loads.</summary>
    public CheckpointInfo Restore(Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        var (reached, newestProblem) = CheckpointRestore.NewestWhole(checkpoints, model, optimizer);
        if (newestProblem is not null) checkpoints.FallBack();
        store.TruncateAfter(stored.Id, reached.Epoch, reached.Step);
        store.SetStatus(stored.Id, TrainingState.Training, null);
        hub.Publish(new RunResumed(info, StoredHistory.Load(store, stored, hub.Limits)));
        Announced = true;
        reply.TrySetResult(new CommandResult(true, newestProblem is null
            ? $"Resumed run {stored.Id} after epoch {reached.Epoch}."
            : $"Resumed run {stored.Id} after epoch {reached.Epoch}, from its previous checkpoint: {newestProblem}."));
        return reached;
    }

    /// <summary>The run could not begin: answers why; its stored status is left as it was.</summary>
    public void Refuse(string why) => reply.TrySetResult(CommandResult.Refused($"Run {stored.Id} cannot be resumed: {why.TrimEnd('.')}."));
}
