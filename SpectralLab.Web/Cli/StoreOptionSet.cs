using System.CommandLine;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Lab.Workers;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>
/// `--state` and `--no-store`: a training verb keeps its runs in the lab's run store, in the state directory the lab uses
/// (<see cref="LabSettings"/>), so they appear in /runs with every other run; `--no-store` keeps nothing. With a shared
/// store (SpectralLab__Store) the runs are queued for the training workers and followed until they end.
/// </summary>
sealed class StoreOptionSet
{
    public Option<string> State { get; } = StateOption();

    public Option<bool> NoStore { get; } = new("--no-store") { Description = "Keep the runs out of the lab's run store (they then appear nowhere but here)." };

    public static Option<string> StateOption() => new("--state")
    {
        Description = "The lab's state directory, where the run database and checkpoints are (default: $SpectralLab__StateDirectory, else the lab's default).",
        DefaultValueFactory = _ => LabSettings.FromEnvironment().StateDirectory,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(State);
        command.Options.Add(NoStore);
    }

    /// <summary>How the verb trains: plainly with --no-store, otherwise into the store; or the sentence saying why the store cannot be used.</summary>
    /// <param name="publish">Each stored run's events (run started, its end, …) on the training thread.</param>
    public (IRunTrainer? Runs, string? Problem) Open(ParseResult result, bool asSweep, Action<LabEvent> publish)
    {
        if (result.GetValue(NoStore)) return (PlainTraining.Instance, null);
        var settings = LabSettings.For(result.GetValue(State)!);
        if (LabSettings.Problem(settings) is { } problem) return (null, problem);
        try
        {
            var store = settings.OpenStore();
            return settings.SharesStore
                ? (new QueuedTraining(store, settings.OpenQueue(), asSweep, publish, TimeSpan.FromSeconds(1)), null) // the workers train
                : (new StoredTraining(store, settings.KeptEpochCheckpoints, asSweep, publish), null);
        }
        catch (RunStoreException e) { return (null, $"{e.Message.TrimEnd('.')} (or pass --no-store to keep nothing)."); }
    }
}
