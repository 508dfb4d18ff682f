using Hangfire;
using Microsoft.Extensions.Logging;
using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using static TorchSharp.torch;

namespace SpectralLab.Core.Lab.Workers;

/// <summary>What a worker needs to know to train: its name and the lab's settings for runs.</summary>
public sealed record WorkerSettings(string Name, TimeSpan SnapshotInterval, int KeptEpochCheckpoints, MemoryBudget MemoryBudget);

/// <summary>
/// The job a training worker runs for one queued run, on Hangfire's worker thread, synchronously from first to last step
/// (dispose scopes and grad mode are per thread). It takes the run, starts it or resumes it from its newest whole checkpoint
/// (a run another worker left when it died), records it as the lab records its own, reads the run's stop request after
/// every step, and records how it ended. A worker shutting down puts the run back in the queue.
/// </summary>
public sealed class WorkerTraining(IRunStore store, LabDataset dataset, WorkerSettings settings, ILogger logger)
{
    /// <summary>The run this worker trains now, or null (its heartbeat reports it).</summary>
    public long? Current { get; private set; }

    /// <param name="shutdown">The worker's shutdown (Hangfire passes its own token).</param>
    [AutomaticRetry(Attempts = 0)] // a run that failed is recorded as Failed; a crash is retried by the takeover instead
    public void Train(long run, CancellationToken shutdown)
    {
        if (store.Find(run) is not { } stored || !Takes(stored.Status))
        {
            logger.LogInformation("Run {Run} is no longer waiting for a worker; nothing to do", run);
            return;
        }
        if (store.StopRequested(run))
        {
            store.SetStatus(run, TrainingState.Stopped, "Stopped before a worker took it.");
            return;
        }
        store.Claim(run, settings.Name);
        Current = run;
        try
        {
            var (ending, reason) = TrainClaimed(stored, shutdown);
            store.SetStatus(run, ending, reason);
            logger.LogInformation("Run {Run}: {Ending}, {Reason}", run, ending, reason);
        }
        catch (OperationCanceledException)
        {
            throw; // the worker shuts down: Hangfire puts the job back in the queue
        }
        catch (Exception e) when (e is not RunStoreException)
        {
            logger.LogError(e, "Run {Run} failed", run);
            store.SetStatus(run, TrainingState.Failed, $"The run failed on worker {settings.Name}: {e.Message}");
        }
        finally { Current = null; }
    }

    static bool Takes(TrainingState status) => status is TrainingState.Queued or TrainingState.Training or TrainingState.Stopping or TrainingState.Interrupted;

    (TrainingState Ending, string Reason) TrainClaimed(StoredRun stored, CancellationToken shutdown)
    {
        if (dataset.Data is not { } data) return (TrainingState.Failed, dataset.Problem!);
        if (ModelCatalog.Find(stored.Model) is not { } descriptor) return (TrainingState.Failed, $"This worker has no model '{stored.Model}'.");
        long run = stored.Id;
        manual_seed(stored.Options.Seed);
        using var model = descriptor.Create();
        store.SetParameters(run, model.ParameterCount);
        var checkpoints = store.CheckpointOf(run, settings.KeptEpochCheckpoints);
        using var snapshotter = new Snapshotter(model, data.Test);
        var recorder = new RunRecorder(snapshotter, settings.SnapshotInterval, store, run, _ => { });
        ResumeFrom? resume = null;
        if (checkpoints.Exists)
            resume = (m, optimizer) =>
            {
                var (reached, newestProblem) = CheckpointRestore.NewestWhole(checkpoints, m, optimizer);
                if (newestProblem is not null) checkpoints.FallBack();
                store.TruncateAfter(run, reached.Epoch, reached.Step); // what a dead worker recorded after it is trained again, not counted twice
                logger.LogInformation("Run {Run} resumes after epoch {Epoch}", run, reached.Epoch);
                return reached;
            };
        else
        {
            store.TruncateAfter(run, 0, 0); // a dead worker's steps of an epoch that never ended
            recorder.TakeInitial();
        }
        using var stopRequest = new StepGuard(recorder, () => store.StopRequested(run) ? "stop requested" : null, shutdown);
        using var memory = new MemoryGuard(stopRequest, settings.MemoryBudget, stopRequest.Token);
        var result = new Trainer(model, data, stored.Options, checkpoints).Run(memory, memory.Token, resume);
        recorder.Flush();
        if (shutdown.IsCancellationRequested && stopRequest.Reason is null && memory.Reason is null)
        {
            store.SetStatus(run, TrainingState.Queued, $"Worker {settings.Name} shut down; the next worker resumes the run from its last checkpoint.");
            shutdown.ThrowIfCancellationRequested();
        }
        return memory.Reason is { } overBudget ? (TrainingState.Failed, overBudget) : (result.Outcome.Ending(), result.Reason);
    }
}
