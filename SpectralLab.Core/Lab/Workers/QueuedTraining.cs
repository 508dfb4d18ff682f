using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Workers;

/// <summary>
/// How the `train` and `sweep` verbs train with a shared store: each run is queued for the training workers (a sweep's
/// runs all at once, so that every free worker takes one), then followed in the store until it ends, its steps and epochs
/// passed to the verb's observer as they land, so the verb prints what it prints when it trains itself. A stop (Ctrl+C)
/// becomes a stop request for each of the verb's runs.
/// </summary>
public sealed class QueuedTraining(IRunStore store, TrainingQueue queue, bool asSweep, Action<LabEvent> publish, TimeSpan poll) : IRunTrainer
{
    readonly Queue<(TrainingOptions Options, long Run)> queued = new();
    readonly List<long> mine = [];
    long? sweep;

    public void Prepare(IReadOnlyList<TrainingOptions> runs, Dataset data)
    {
        foreach (var options in runs) queued.Enqueue((options, Enqueue(options, data)));
    }

    public TrainingResult Train(Autoencoder model, Dataset data, TrainingOptions options, ITrainingObserver observer, CancellationToken cancellation)
    {
        long run = queued.TryPeek(out var next) && next.Options == options ? queued.Dequeue().Run : Enqueue(options, data);
        return Follow(run, observer, cancellation);
    }

    long Enqueue(TrainingOptions options, Dataset data)
    {
        var info = RunInfo.Starting(options, ModelCatalog.Find(options.Model)!.DisplayName, data);
        long run = store.CreateRun(info, asSweep ? sweep ??= store.NextSweep() : null, TrainingState.Queued);
        queue.Enqueue(run);
        mine.Add(run);
        publish(new RunStarted(info with { Number = (int)run }));
        return run;
    }

    /// <summary>Passes the run's records on as the worker writes them, until the run ends.</summary>
    TrainingResult Follow(long run, ITrainingObserver observer, CancellationToken cancellation)
    {
        var tail = new StoredRunTail(store, run);
        bool stopAsked = false;
        while (true)
        {
            if (cancellation.IsCancellationRequested && !stopAsked)
            {
                foreach (long id in mine) store.RequestStop(id);
                stopAsked = true;
            }
            var stored = store.Find(run) ?? throw new RunStoreException($"Run {run} was deleted from {store.Location} while it waited for a worker.");
            foreach (var step in tail.NewSteps(stored.StepsPerEpoch)) observer.OnStep(step);
            foreach (var epoch in tail.NewEpochs()) observer.OnEpoch(epoch);
            if (stored.Status.IsEnded())
            {
                var outcome = stored.Status switch { TrainingState.Completed => TrainingOutcome.Completed, TrainingState.Diverged => TrainingOutcome.Diverged, _ => TrainingOutcome.Stopped };
                return new TrainingResult(outcome, stored.Reason ?? stored.Status.ToString(), tail.LastStep, stored.EpochsDone);
            }
            Thread.Sleep(poll);
        }
    }
}
