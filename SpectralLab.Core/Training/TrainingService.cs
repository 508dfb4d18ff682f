using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using static TorchSharp.torch;

namespace SpectralLab.Core.Training;

/// <summary>The answer to a command: accepted, or refused with one sentence saying why.</summary>
public sealed record CommandResult(bool Accepted, string Message)
{
    public static CommandResult Refused(string why) => new(false, why);
}

/// <summary>What screens use to start and stop the lab's run.</summary>
public interface ITrainingControl
{
    Task<CommandResult> StartRunAsync(TrainingOptions options);

    Task<CommandResult> StopRunAsync();
}

/// <summary>
/// Owns at most one run at a time. Start and stop arrive on a channel and are handled one after another, so no two
/// commands race. A run executes on a dedicated thread (torch's dispose scopes and grad mode are per thread), never
/// awaiting inside a step; its records go to the <see cref="LiveHub"/>. A run that throws ends as Failed with the
/// reason; the host carries on.
/// </summary>
public sealed class TrainingService(LiveHub hub, LabDataset dataset, IOptions<LabOptions> options, ILogger<TrainingService> logger)
    : BackgroundService, ITrainingControl
{
    abstract record Command(TaskCompletionSource<CommandResult> Reply);
    sealed record Start(TrainingOptions Options, TaskCompletionSource<CommandResult> Reply) : Command(Reply);
    sealed record Stop(TaskCompletionSource<CommandResult> Reply) : Command(Reply);

    readonly Channel<Command> commands = Channel.CreateUnbounded<Command>(new UnboundedChannelOptions { SingleReader = true });
    CancellationTokenSource? running;
    Thread? thread;
    int runNumber;

    public Task<CommandResult> StartRunAsync(TrainingOptions trainingOptions) => Send(reply => new Start(trainingOptions, reply));

    public Task<CommandResult> StopRunAsync() => Send(reply => new Stop(reply));

    Task<CommandResult> Send(Func<TaskCompletionSource<CommandResult>, Command> command)
    {
        var reply = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!commands.Writer.TryWrite(command(reply))) reply.SetResult(CommandResult.Refused("The lab is shutting down."));
        return reply.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TorchThreads.Configure(options.Value.TorchThreads);
        await foreach (var command in commands.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                command.Reply.TrySetResult(command switch
                {
                    Start start => Begin(start.Options),
                    Stop => RequestStop(),
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

    CommandResult Begin(TrainingOptions trainingOptions)
    {
        if (hub.State.IsActive())
            return CommandResult.Refused("A run is already in progress; stop it before starting another.");
        if (dataset.Data is not { } data)
            return CommandResult.Refused(dataset.Problem!);
        foreach (var (_, message) in trainingOptions.Validate(data.Train.Count))
            return CommandResult.Refused(message);

        var descriptor = ModelCatalog.Find(trainingOptions.Model)!;
        int trainImages = Math.Min(trainingOptions.TrainLimit ?? data.Train.Count, data.Train.Count);
        int testImages = Math.Min(trainingOptions.ValidationLimit ?? data.Test.Count, data.Test.Count);
        var info = new RunInfo(++runNumber, trainingOptions, descriptor.DisplayName, Parameters: 0, data.Name, trainImages, testImages,
            StepsPerEpoch: (trainImages + trainingOptions.BatchSize - 1) / trainingOptions.BatchSize, DateTimeOffset.UtcNow);
        running = new CancellationTokenSource();
        var token = running.Token;
        thread = new Thread(() => Run(info, descriptor, data, token)) { IsBackground = true, Name = $"training run {info.Number}" };
        hub.Publish(new RunStarted(info));
        thread.Start();
        return new CommandResult(true, $"Started {descriptor.DisplayName}.");
    }

    CommandResult RequestStop()
    {
        if (hub.State != TrainingState.Training || running is null)
            return CommandResult.Refused("No run is in progress.");
        hub.Publish(new StateChanged(TrainingState.Stopping, "Stopping after the current step."));
        running.Cancel();
        return new CommandResult(true, "Stopping after the current step.");
    }

    /// <summary>The whole run, on its own thread: every torch call of the run happens here.</summary>
    void Run(RunInfo info, ModelDescriptor descriptor, Dataset data, CancellationToken token)
    {
        try
        {
            manual_seed(info.Options.Seed);
            using var model = descriptor.Create();
            hub.Publish(new RunStarted(info with { Parameters = model.ParameterCount }));
            using var snapshotter = new Snapshotter(model, data.Test);
            var observer = new LiveObserver(hub, snapshotter, TimeSpan.FromSeconds(options.Value.SnapshotSeconds));
            observer.TakeInitial();
            var result = new Trainer(model, data, info.Options).Run(observer, token);
            hub.Publish(new StateChanged(result.Outcome switch
            {
                TrainingOutcome.Completed => TrainingState.Completed,
                TrainingOutcome.Stopped => TrainingState.Stopped,
                _ => TrainingState.Diverged,
            }, result.Reason));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Training run {Run} failed", info.Number);
            hub.Publish(new StateChanged(TrainingState.Failed, $"The run failed: {e.Message}"));
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        running?.Cancel(); // the run ends after its current step
        await base.StopAsync(cancellationToken);
        thread?.Join(TimeSpan.FromSeconds(10));
    }

    public override void Dispose()
    {
        running?.Dispose();
        base.Dispose();
    }
}
