using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Workers;

/// <summary>
/// With a shared store, brings what the training workers write to the lab's hub, so the dashboard and the run pages
/// follow a worker's run through the same reducer and charts as a run of the lab's own: every <paramref name="poll"/> it
/// reads the followed run's new steps, epochs, snapshots and status from the store. It follows the run that trains (the
/// newest when several do, keeping the one it follows while that one trains).
/// </summary>
public sealed class WorkerRunsFollower(LiveHub hub, IRunStore store, TimeSpan poll, ILogger<WorkerRunsFollower> logger) : BackgroundService
{
    StoredRunTail? followed;
    TrainingState lastStatus;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(poll);
        do
        {
            try { Follow(); }
            catch (RunStoreException e) { logger.LogWarning("Cannot read the workers' runs: {Problem}", e.Message); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One look at the store: switch to the run that trains, or pass on what the followed one added.</summary>
    public void Follow()
    {
        var current = followed is { } tail ? store.Find(tail.Run) : null;
        if (current is null || !current.Status.IsActive())
        {
            if (current is not null && current.Status != lastStatus) Catch(current); // its last records and its end first
            if (store.NewestActive() is { } training && training.Id != followed?.Run)
                Switch(training);
            return;
        }
        Catch(current);
    }

    void Switch(StoredRun run)
    {
        var info = run.ToRunInfo(ModelCatalog.Find(run.Model)?.DisplayName ?? run.Model);
        hub.Publish(new RunResumed(info, StoredHistory.Load(store, run, hub.Limits)));
        followed = new StoredRunTail(store, run.Id, store.Steps(run.Id, run.StepsPerEpoch).LastOrDefault()?.Step ?? 0, run.EpochsDone,
            store.SnapshotSteps(run.Id).LastOrDefault(-1));
        lastStatus = TrainingState.Training;
        if (run.Status != TrainingState.Training) Catch(run);
    }

    void Catch(StoredRun run)
    {
        foreach (var step in followed!.NewSteps(run.StepsPerEpoch)) hub.Publish(new StepRecorded(step));
        foreach (var snapshot in followed.NewSnapshots()) hub.Publish(new SnapshotTaken(snapshot));
        foreach (var epoch in followed.NewEpochs()) hub.Publish(new EpochRecorded(epoch));
        if (run.Status == lastStatus) return;
        lastStatus = run.Status;
        if (run.Status != TrainingState.Queued) hub.Publish(new StateChanged(run.Status, run.Reason));
    }
}
