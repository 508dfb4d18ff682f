using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Lab.Workers;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Runtime;

namespace SpectralLab.Web.Cli;

/// <summary>
/// `worker`: trains the runs queued in the shared store (SpectralLab:Store), one at a time, until stopped (Ctrl+C or
/// SIGTERM puts the run in hand back in the queue). It says it is alive every few seconds, with the run it trains, so the
/// lab can show its workers; while the database cannot be reached it retries and says so in one line each time.
/// </summary>
static class WorkerVerb
{
    static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(3), Retry = TimeSpan.FromSeconds(5);

    public static Command Create(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "The worker's name, as the lab shows it (default: host and process id).", DefaultValueFactory = _ => $"{Environment.MachineName}-{Environment.ProcessId}" };
        var threads = TrainingOptionSet.ThreadsOption();
        var data = new Option<string?>("--data") { Description = "A folder with the four IDX files (default: $SPECTRALLAB_DATA, else the packaged MNIST)." };
        var command = new Command("worker", "Train the runs queued in the shared run store (SpectralLab:Store), one at a time, until stopped.") { name, threads, data };
        command.SetAction((result, cancellation) => Task.FromResult(Serve(console, result.GetValue(name)!, result.GetValue(threads), result.GetValue(data), cancellation)));
        return command;
    }

    static int Serve(CliConsole console, string name, int threads, string? dataDirectory, CancellationToken cancellation)
    {
        var settings = LabSettings.FromEnvironment();
        if (!settings.SharesStore)
            return console.Fail("worker needs a shared run store: set SpectralLab__Store to a PostgreSQL connection string (the lab's own SpectralLab:Store).");
        if (LabSettings.Problem(settings) is { } problem) return console.Fail(problem);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) return console.Fail("--name must be 1 to 100 characters.");
        var dataset = new LabDataset(dataDirectory);
        if (dataset.Problem is { } noData) return console.Fail(noData, ExitCodes.Failure);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
        if (Connect(console, settings, stop.Token) is not var (store, queue)) return ExitCodes.Success; // stopped while waiting
        TorchThreads.Configure(threads);
        using var logs = LoggerFactory.Create(logging => logging.AddSimpleConsole(format => format.SingleLine = true).SetMinimumLevel(LogLevel.Information)
            .AddFilter("Hangfire", LogLevel.Warning));
        var training = new WorkerTraining(store, dataset, new WorkerSettings(name, TimeSpan.FromSeconds(settings.SnapshotSeconds), settings.KeptEpochCheckpoints,
            settings.MemoryBudget), logs.CreateLogger("SpectralLab.Worker"));
        console.Out.WriteLine($"worker {name}: serving the training queue of {store.Location} with {threads} torch thread(s); Ctrl+C to stop");
        using (queue.Serve(name, training))
        {
            while (!stop.Token.WaitHandle.WaitOne(Heartbeat))
            {
                try { store.ReportWorker(name, training.Current); }
                catch (RunStoreException e) { console.Error.WriteLine($"worker {name}: {e.Message}"); }
            }
            console.Out.WriteLine($"worker {name}: stopping; a run in hand goes back to the queue");
        }
        try { store.ReportWorker(name, null); } catch (RunStoreException) { } // best effort: the lab also ages silent workers out
        return ExitCodes.Success;
    }

    /// <summary>Opens the shared store and its queue, retrying while the database cannot be reached; null once stopped.</summary>
    static (IRunStore, TrainingQueue)? Connect(CliConsole console, LabOptions settings, CancellationToken stop)
    {
        while (true)
        {
            try { return (settings.OpenStore(), settings.OpenQueue()); }
            catch (RunStoreException e) { console.Error.WriteLine($"worker: {e.Message.TrimEnd('.')}; retrying in {Retry.TotalSeconds:0} s."); }
            if (stop.WaitHandle.WaitOne(Retry)) return null;
        }
    }
}
