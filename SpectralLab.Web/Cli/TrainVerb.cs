using System.CommandLine;
using System.Diagnostics;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Models;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>`train`: one run in the foreground, a line per epoch (JSON lines with --json). Ctrl+C stops after the current step.</summary>
static class TrainVerb
{
    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = $"The model to train: {ModelCatalog.Names}.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training set.", Required = true };
        var training = new TrainingOptionSet(epochs, model);
        var json = new Option<bool>("--json") { Description = "JSON lines instead of text." };
        var store = new StoreOptionSet();
        var command = new Command("train", "Train one model in the foreground, stored as a run of the lab.");
        training.AddTo(command);
        store.AddTo(command);
        command.Options.Add(json);
        command.SetAction((result, cancellation) =>
        {
            var options = training.Read(result);
            bool asJson = result.GetValue(json);
            return Task.FromResult(TrainingStart.Run(console, training, result, options, store, asSweep: false, labEvent => Announce(console, asJson, labEvent),
                (data, runs) => Run(console, runs, options, data, result.GetValue(training.Threads), asJson, cancellation)));
        });
        return command;
    }

    /// <summary>Says where a stored run went, so it can be found in /runs.</summary>
    static void Announce(CliConsole console, bool json, LabEvent labEvent)
    {
        if (labEvent is not RunStarted { Run.Number: var run }) return;
        if (json) console.WriteJson(new { type = "run", run });
        else console.Out.WriteLine($"stored as run {run} (/runs/{run} in the lab)");
    }

    // The whole run happens on this thread: no await between here and the end of training.
    static int Run(CliConsole console, IRunTrainer runs, TrainingOptions options, Dataset data, int threads, bool json, CancellationToken cancellation)
    {
        TorchSharp.torch.manual_seed(options.Seed);
        using var model = ModelCatalog.Find(options.Model)!.Create();
        var report = new Report(console, json, options.Epochs);
        if (!json)
            console.Out.WriteLine($"{options.Model}: {model.ParameterCount:N0} parameters, {data.Name} {options.TrainLimit ?? data.Train.Count:N0} training / {data.Test.Count:N0} test images, {threads} thread(s)");
        var clock = Stopwatch.StartNew();
        var result = runs.Train(model, data, options, report, cancellation);
        report.Finish(result, model.ParameterCount, clock.Elapsed.TotalSeconds);
        return result.Outcome == TrainingOutcome.Diverged ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>Writes epochs as they end, progress while they run, and a closing summary.</summary>
    sealed class Report(CliConsole console, bool json, int epochs) : ITrainingObserver
    {
        readonly ProgressLine progress = new(console, epochs);
        double? firstStepLoss;
        EpochRecord? last;

        public void OnStep(StepRecord step)
        {
            firstStepLoss ??= step.Loss;
            progress.Show(step);
        }

        public void OnEpoch(EpochRecord epoch)
        {
            last = epoch;
            progress.Clear();
            if (json)
                console.WriteJson(new { type = "epoch", epoch = epoch.Epoch, trainLoss = epoch.TrainLoss, valLoss = epoch.ValidationLoss, seconds = epoch.Seconds, rssMegabytes = RssMegabytes });
            else
                console.Out.WriteLine($"epoch {epoch.Epoch,3}/{epochs}  train {epoch.TrainLoss:F4}  val {epoch.ValidationLoss:F4}  {epoch.Seconds:F1} s  RSS {RssMegabytes} MB");
        }

        /// <summary>The process's resident memory now, so a long run shows whether it holds steady.</summary>
        static long RssMegabytes => Environment.WorkingSet >> 20;

        public void Finish(TrainingResult result, long parameters, double seconds)
        {
            if (json)
                console.WriteJson(new
                {
                    type = "result", outcome = result.Outcome.ToString(), reason = result.Reason, steps = result.Steps,
                    epochs = result.Epochs, parameters, firstStepLoss, finalValLoss = last?.ValidationLoss, seconds,
                });
            else
                console.Out.WriteLine($"{result.Outcome}: {result.Reason} First step's loss {firstStepLoss:F4}, final validation loss {last?.ValidationLoss:F4}, {seconds:F1} s.");
        }
    }
}
