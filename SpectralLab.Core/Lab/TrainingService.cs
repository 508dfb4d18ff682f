using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Runtime;
using SpectralLab.Core.Training;
using static TorchSharp.torch;

namespace SpectralLab.Core.Lab;

/// <summary>
/// Owns at most one run at a time. Start and stop arrive on a channel and are handled one after another, so no two
/// commands race. A run executes on a dedicated thread (torch's dispose scopes and grad mode are per thread), never
/// awaiting inside a step; its records go to the <see cref="LiveHub"/>. A run that throws ends as Failed with the
/// reason; the host carries on. Every run is written to the <see cref="IRunStore"/> as it goes, with a checkpoint at
/// each epoch end, so a stopped or interrupted run can be resumed. With a shared store (<paramref name="workers"/>) the
/// service trains nothing itself: runs, sweeps and resumes are queued for the training workers, and a stop is a request
/// the run's worker reads after its next step (<see cref="Workers.WorkerRunsFollower"/> brings their records to the hub).
/// </summary>
public sealed class TrainingService(LiveHub hub, LabDataset dataset, IRunStore store, IOptions<LabOptions> options, ILogger<TrainingService> logger,
    Workers.TrainingQueue? workers = null)
    : BackgroundService, ITrainingControl
{
    abstract record Command(TaskCompletionSource<CommandResult> Reply);
    sealed record Start(IReadOnlyList<TrainingOptions> Queue, bool Sweep, TaskCompletionSource<CommandResult> Reply) : Command(Reply);
    sealed record Stop(TaskCompletionSource<CommandResult> Reply) : Command(Reply);
    sealed record Resume(long Run, TaskCompletionSource<CommandResult> Reply) : Command(Reply);
    sealed record Delete(long Run, TaskCompletionSource<CommandResult> Reply) : Command(Reply);

    static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    readonly Channel<Command> commands = Channel.CreateUnbounded<Command>(new UnboundedChannelOptions { SingleReader = false }); // the loop, and the shutdown refusing what it left
    readonly Lock gate = new();
    TrainingThread? current; // the thread of the run or sweep in progress, or of the last one
    bool disposed;

    public Task<CommandResult> StartRunAsync(TrainingOptions trainingOptions) => Send(reply => new Start([trainingOptions], Sweep: false, reply));

    public Task<CommandResult> StartSweepAsync(IReadOnlyList<TrainingOptions> runs) => Send(reply => new Start(runs, Sweep: true, reply));

    public Task<CommandResult> StopRunAsync() => Send(reply => new Stop(reply));

    public Task<CommandResult> ResumeRunAsync(long run) => Send(reply => new Resume(run, reply));

    public Task<CommandResult> DeleteRunAsync(long run) => Send(reply => new Delete(run, reply));

    /// <summary>Where run <paramref name="run"/> keeps its newest checkpoint.</summary>
    public string CheckpointPath(long run) => store.CheckpointOf(run).Location;

    Task<CommandResult> Send(Func<TaskCompletionSource<CommandResult>, Command> command)
    {
        var reply = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!commands.Writer.TryWrite(command(reply))) reply.SetResult(CommandResult.Refused("The lab is shutting down."));
        return reply.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TorchThreads.Configure(options.Value.TorchThreads);
        if (workers is null) MarkInterrupted(); // a shared store's runs belong to workers, which the queue's takeover looks after
        await foreach (var command in commands.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                command.Reply.TrySetResult(command switch
                {
                    Start start => Begin(start.Queue, start.Sweep),
                    Stop => RequestStop(),
                    Resume resume => await BeginResumeAsync(resume.Run),
                    Delete delete => DeleteRun(delete.Run),
                    _ => CommandResult.Refused("Unknown command."),
                });
            }
            catch (Exception e)
            {
                logger.LogError(e, "Training command {Command} failed", command.GetType().Name);
                command.Reply.TrySetResult(CommandResult.Refused($"The command failed: {e.Message}"));
            }
        }
    }

    /// <summary>
    /// Closes the command channel and refuses what is still in it, once the loop is asked to end: no caller waits for an
    /// answer that will not come (a loop stopped before it began never runs at all).
    /// </summary>
    void RefuseCommandsFromNowOn()
    {
        commands.Writer.TryComplete();
        while (commands.Reader.TryRead(out var late)) late.Reply.TrySetResult(CommandResult.Refused("The lab is shutting down."));
    }

    void MarkInterrupted()
    {
        try
        {
            if (store.MarkInterrupted() is > 0 and var interrupted)
                logger.LogWarning("{Count} run(s) were left training by a previous lab process; they are marked Interrupted", interrupted);
        }
        catch (RunStoreException e) { logger.LogError(e, "Cannot mark the runs a previous lab process left training"); } // the lab still serves what it can read
    }

    /// <summary>True while a run (or a sweep, between its runs too) owns the training thread.</summary>
    bool Busy => hub.State.IsActive() || current is { IsAlive: true };

    CommandResult Begin(IReadOnlyList<TrainingOptions> queue, bool sweep)
    {
        if (Busy && workers is null)
            return CommandResult.Refused("A run is already in progress; stop it before starting another.");
        if (queue.Count == 0)
            return CommandResult.Refused("Choose at least one model.");
        if (dataset.Data is not { } data)
            return CommandResult.Refused(dataset.Problem!);
        foreach (var trainingOptions in queue)
            foreach (var (_, message) in trainingOptions.Validate(data.Train.Count, options.Value.MemoryBudget))
                return CommandResult.Refused(sweep ? $"{trainingOptions.Model}: {message}" : message);

        long? sweepId = sweep ? store.NextSweep() : null;
        if (workers is not null) return Enqueue(queue, data, sweepId);
        var first = NewRun(queue[0], data, sweepId);
        StartTrainingThread(token =>
        {
            // The first run is announced already: it runs even when stopped at once, so that it ends Stopped.
            for (int i = 0; i < queue.Count && (i == 0 || !token.IsCancellationRequested); i++)
                Run(i == 0 ? first : NewRun(queue[i], data, sweepId), data, resumption: null, token);
        });
        return new CommandResult(true, sweep ? $"Started sweep {sweepId} of {queue.Count} runs." : $"Started run {first.Number}: {first.ModelDisplayName}.") { Sweep = sweepId };
    }

    /// <summary>Records each run as Queued and puts it in the workers' queue; the first worker free takes it.</summary>
    CommandResult Enqueue(IReadOnlyList<TrainingOptions> queue, Dataset data, long? sweep)
    {
        var runs = queue.Select(trainingOptions =>
        {
            long id = store.CreateRun(RunInfo.Starting(trainingOptions, ModelCatalog.Find(trainingOptions.Model)!.DisplayName, data), sweep, TrainingState.Queued);
            workers!.Enqueue(id);
            return id;
        }).ToList();
        return new CommandResult(true, sweep is null
            ? $"Queued run {runs[0]} for the training workers."
            : $"Queued sweep {sweep} of {runs.Count} runs for the training workers.") { Sweep = sweep };
    }

    /// <summary>Records a new run in the store and announces it.</summary>
    RunInfo NewRun(TrainingOptions trainingOptions, Dataset data, long? sweep)
    {
        var info = RunInfo.Starting(trainingOptions, ModelCatalog.Find(trainingOptions.Model)!.DisplayName, data);
        info = info with { Number = (int)store.CreateRun(info, sweep) };
        hub.Publish(new RunStarted(info));
        return info;
    }

    /// <summary>
    /// Checks what can be checked here, then hands the run to a training thread, which loads its checkpoint (tensors are
    /// touched on that thread only) and answers; a refused resume's thread ends before the next command is read.
    /// </summary>
    async Task<CommandResult> BeginResumeAsync(long id)
    {
        if (Busy && workers is null)
            return CommandResult.Refused("A run is already in progress; stop it before resuming another.");
        if (store.Find(id) is not { } stored)
            return CommandResult.Refused($"There is no run {id}.");
        if (!stored.Status.CanResume())
            return CommandResult.Refused($"Run {id} is {stored.Status}; only Stopped or Interrupted runs can be resumed.");
        if (dataset.Data is not { } data)
            return CommandResult.Refused(dataset.Problem!);
        if (ModelCatalog.Find(stored.Model) is not { } descriptor)
            return CommandResult.Refused($"Run {id} used model '{stored.Model}', which this lab no longer has.");
        if (!stored.HasCheckpoint)
            return CommandResult.Refused($"Run {id} has no checkpoint to resume from: it stopped before its first epoch ended; start it again with its settings instead.");

        if (workers is not null)
        {
            store.SetStatus(id, TrainingState.Queued, "Waiting for a training worker to resume it.");
            workers.Enqueue(id);
            return new CommandResult(true, $"Queued run {id} for a training worker, which resumes it from its last checkpoint.");
        }

        var resumption = new Resumption(stored, stored.ToRunInfo(descriptor.DisplayName), store, hub);
        var thread = StartTrainingThread(token =>
        {
            try { Run(resumption.Info, data, resumption, token); }
            finally { resumption.Refuse("the training thread ended before loading the checkpoint"); } // never leaves the command waiting
        });
        var reply = await resumption.Reply;
        if (!reply.Accepted) await Task.Run(() => thread.Join(StopWait));
        return reply;
    }

    CommandResult DeleteRun(long id)
    {
        if (store.Find(id) is not { } stored)
            return CommandResult.Refused($"There is no run {id}.");
        if (stored.Status.IsActive()) // here, in a verb's process or on a worker: whoever trains it still writes to it
            return CommandResult.Refused($"Run {id} is training; stop it before deleting it.");
        store.Delete(id);
        store.CheckpointOf(id).Delete();
        return new CommandResult(true, $"Deleted run {id}.");
    }

    CommandResult RequestStop()
    {
        if (workers is not null && hub.State == TrainingState.Training && hub.History().Run is { } remote)
        {
            store.RequestStop(remote.Number);
            hub.Publish(new StateChanged(TrainingState.Stopping, "Stopping after the worker's current step."));
            return new CommandResult(true, "Stopping after the worker's current step.");
        }
        if (hub.State != TrainingState.Training || current is null)
            return CommandResult.Refused("No run is in progress.");
        hub.Publish(new StateChanged(TrainingState.Stopping, "Stopping after the current step."));
        current.RequestStop();
        return new CommandResult(true, "Stopping after the current step.");
    }

    /// <summary>
    /// Starts the thread that runs <paramref name="work"/>; the previous run's thread has ended (see <see cref="Busy"/>).
    /// The run is already announced, so a start that raced the service's disposal still runs, asked to stop at once: it
    /// ends Stopped in the hub and the store rather than staying Training with no thread.
    /// </summary>
    TrainingThread StartTrainingThread(Action<CancellationToken> work)
    {
        lock (gate)
        {
            current?.Release();
            current = new TrainingThread(work, pin: options.Value.TorchThreads == 1,
                core => logger.LogInformation("Training on CPU {Core}, with the other cores left to serving", core));
            if (disposed) current.RequestStop();
            return current;
        }
    }

    /// <summary>
    /// The whole run, on its own thread: every torch call of the run happens here. A resume that fails before the run is
    /// announced is refused, and the stored run keeps its status.
    /// </summary>
    void Run(RunInfo info, Dataset data, Resumption? resumption, CancellationToken token)
    {
        var descriptor = ModelCatalog.Find(info.Options.Model)!;
        TrainingState ending;
        string reason;
        LiveObserver? observer = null;
        try
        {
            manual_seed(info.Options.Seed);
            using var model = descriptor.Create();
            store.SetParameters(info.Number, model.ParameterCount);
            if (resumption is null) hub.Publish(new RunStarted(info with { Parameters = model.ParameterCount })); // a resumed run's count is stored
            using var snapshotter = new Snapshotter(model, data.Test);
            observer = new LiveObserver(hub, snapshotter, TimeSpan.FromSeconds(options.Value.SnapshotSeconds), store, info.Number);
            if (resumption is null) observer.TakeInitial();
            using var guard = new MemoryGuard(observer, options.Value.MemoryBudget, token);
            var result = new Trainer(model, data, info.Options, store.CheckpointOf(info.Number, options.Value.KeptEpochCheckpoints)).Run(guard, guard.Token, resumption is null ? null : resumption.Restore);
            observer.Flush();
            (ending, reason) = guard.Reason is { } overBudget ? (TrainingState.Failed, overBudget) : (result.Outcome.Ending(), result.Reason);
        }
        catch (Exception e) when (resumption is { Announced: false })
        {
            logger.LogWarning(e, "Run {Run} could not be resumed", info.Number);
            resumption.Refuse(e.Message);
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Training run {Run} failed", info.Number);
            (ending, reason) = (TrainingState.Failed, $"The run failed: {e.Message}");
            try { observer?.Flush(); } catch (RunStoreException) { } // keep what can still be written
        }
        try { store.SetStatus(info.Number, ending, reason); }
        catch (RunStoreException e) { logger.LogError(e, "Cannot record how run {Run} ended", info.Number); }
        hub.Publish(new StateChanged(ending, reason));
    }

    /// <summary>
    /// Ends the command loop, then asks the run to stop after its current step and waits for its thread; safe at any
    /// moment, more than once. The loop ends first so that no command can start a thread this has not seen.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        RefuseCommandsFromNowOn();
        TrainingThread? running;
        lock (gate) running = current;
        if (running is null) return;
        running.RequestStop();
        if (!await Task.Run(() => running.Join(StopWait), CancellationToken.None))
            logger.LogWarning("The training thread did not stop within {Seconds} s; the lab exits without it", StopWait.TotalSeconds);
        running.Release();
    }

    public override void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            current?.RequestStop();
            current?.Release();
        }
        base.Dispose();
        RefuseCommandsFromNowOn();
    }
}
