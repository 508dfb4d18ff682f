using System.CommandLine;
using System.Diagnostics;
using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runtime;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>`train`: one run in the foreground, a line per epoch (JSON lines with --json). Ctrl+C stops after the current step.</summary>
static class TrainVerb
{
    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = $"The model to train: {ModelCatalog.Names}.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training set.", Required = true };
        var batch = new Option<int>("--batch") { Description = "Images per step.", DefaultValueFactory = _ => 128 };
        var lr = new Option<double>("--lr") { Description = "Adam's learning rate.", DefaultValueFactory = _ => 0.001 };
        var seed = new Option<int>("--seed") { Description = "Seeds initialisation and shuffling.", DefaultValueFactory = _ => 1 };
        var limit = new Option<int?>("--limit") { Description = "Train on only the first N training images." };
        var threads = new Option<int>("--threads") { Description = "Torch threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var data = new Option<string?>("--data") { Description = $"Folder with the four IDX files (default: ${DatasetLoader.DirectoryVariable}, else the packaged MNIST)." };
        var json = new Option<bool>("--json") { Description = "JSON lines instead of text." };
        var command = new Command("train", "Train one model in the foreground.") { model, epochs, batch, lr, seed, limit, threads, data, json };
        command.SetAction((result, cancellation) => Task.FromResult(Run(console, new TrainingOptions
        {
            Model = result.GetValue(model)!,
            Epochs = result.GetValue(epochs),
            BatchSize = result.GetValue(batch),
            LearningRate = result.GetValue(lr),
            Seed = result.GetValue(seed),
            TrainLimit = result.GetValue(limit),
        }, result.GetValue(threads), result.GetValue(data), result.GetValue(json), cancellation)));
        return command;
    }

    static int Run(CliConsole console, TrainingOptions options, int threads, string? dataDirectory, bool json, CancellationToken cancellation)
    {
        if (threads < 1) return console.Fail($"--threads must be at least 1 (got {threads}).");
        Dataset data;
        try { data = DatasetLoader.Load(dataDirectory); }
        catch (Exception e) when (e is DataNotFoundException or DataFileException) { return console.Fail(e.Message, ExitCodes.Failure); }
        foreach (var (field, message) in options.Validate(data.Train.Count))
            return console.Fail($"{TrainingOptionNames.Of(field)}: {message}");

        // The whole run happens on this thread: no await between here and the end of training.
        TorchThreads.Configure(threads);
        TorchSharp.torch.manual_seed(options.Seed);
        using var model = ModelCatalog.Find(options.Model)!.Create();
        var report = new Report(console, json, options.Epochs);
        if (!json)
            console.Out.WriteLine($"{options.Model}: {model.ParameterCount:N0} parameters, {data.Name} {options.TrainLimit ?? data.Train.Count:N0} training / {data.Test.Count:N0} test images, {threads} thread(s)");
        var clock = Stopwatch.StartNew();
        var result = new Trainer(model, data, options).Run(report, cancellation);
        report.Finish(result, model.ParameterCount, clock.Elapsed.TotalSeconds);
        return result.Outcome == TrainingOutcome.Diverged ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>Writes epochs as they end, progress while they run, and a closing summary.</summary>
    sealed class Report(CliConsole console, bool json, int epochs) : ITrainingObserver
    {
        double? firstStepLoss;
        EpochRecord? last;
        long lastProgress;

        public void OnStep(StepRecord step)
        {
            firstStepLoss ??= step.Loss;
            if (!console.ShowsProgress || Environment.TickCount64 - lastProgress < 500) return;
            lastProgress = Environment.TickCount64;
            console.Error.Write($"\r  epoch {step.Epoch}/{epochs}  step {step.StepInEpoch}/{step.StepsPerEpoch}  loss {step.Loss:F4}  {step.Milliseconds:F0} ms/step   ");
        }

        public void OnEpoch(EpochRecord epoch)
        {
            last = epoch;
            if (console.ShowsProgress) console.Error.Write("\r" + new string(' ', 72) + "\r");
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
