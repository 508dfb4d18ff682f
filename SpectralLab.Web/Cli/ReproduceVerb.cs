using System.CommandLine;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>
/// `reproduce`: trains the published pair and the pre-fix ablation with the published settings, one after another in
/// this process, each stored as a run in the lab's database (so /runs shows them), then writes the report folder.
/// </summary>
static class ReproduceVerb
{
    public static Command Create(CliConsole console)
    {
        var epochs = new Option<int>("--epochs") { Description = "Epochs per variant (published: 50).", DefaultValueFactory = _ => ReproductionPlan.Published.Epochs };
        var training = new TrainingOptionSet(epochs);
        var state = StoreOptionSet.StateOption();
        var output = new Option<string?>("--out") { Description = "The report folder (default: reports/reproduce-<time> in the state directory, where /runs looks)." };
        var command = new Command("reproduce", "Train the published models and the pre-fix ablation as published, store the runs and write a report.");
        training.AddTo(command);
        command.Options.Add(state);
        command.Options.Add(output);
        command.SetAction((result, cancellation) =>
        {
            var settings = training.Read(result);
            return Task.FromResult(TrainingStart.Run(console, training, result, settings,
                data => Run(console, data, settings, result.GetValue(state)!, result.GetValue(output), result.GetValue(training.Threads), cancellation)));
        });
        return command;
    }

    // The whole reproduction happens on this thread: no await between here and the end of training.
    static int Run(CliConsole console, Dataset data, TrainingOptions settings, string state, string? output, int threads, CancellationToken cancellation)
    {
        Reproducer reproducer;
        string folder;
        try
        {
            reproducer = new Reproducer(state);
            folder = output is null ? ReportFolder.Create(state, DateTimeOffset.UtcNow) : Directory.CreateDirectory(output).FullName;
        }
        catch (Exception e) when (e is RunStoreException or IOException or UnauthorizedAccessException)
        {
            return console.Fail(e.Message, ExitCodes.Failure);
        }
        var resolved = RunInfo.Starting(settings, "", data);
        console.Out.WriteLine($"reproduce: {string.Join(", ", ReproductionPlan.Variants.Select(v => v.Model))}; {settings.Epochs} epoch(s) each, batch {settings.BatchSize}, " +
            $"lr {settings.LearningRate}, seed {settings.Seed}, {resolved.TrainImages:N0} of {data.Train.Count:N0} {data.Name} training images, {threads} thread(s)");
        console.Out.WriteLine($"runs: {reproducer.DatabasePath}");

        var progress = new ProgressLine(console, settings.Epochs);
        ReproductionReport report;
        try
        {
            report = reproducer.Run(data, settings, folder, (model, labEvent) => Show(console, progress, settings.Epochs, model, labEvent), cancellation);
        }
        catch (Exception e) when (e is RunStoreException or IOException or UnauthorizedAccessException)
        {
            progress.Clear();
            return console.Fail(e.Message, ExitCodes.Failure);
        }
        foreach (var run in report.Runs) console.Out.WriteLine(run.Verdict.Sentence);
        foreach (var correspondence in report.Correspondences) console.Out.WriteLine(correspondence.Sentence);
        console.Out.WriteLine($"report: {Path.Combine(folder, ReportFolder.Markdown)}");
        return report.Runs.Any(r => r.Status == TrainingState.Diverged) ? ExitCodes.Failure : ExitCodes.Success;
    }

    static void Show(CliConsole console, ProgressLine progress, int epochs, string model, LabEvent labEvent)
    {
        switch (labEvent)
        {
            case RunStarted started:
                console.Out.WriteLine($"{model}: run {started.Run.Number}, {started.Run.Parameters:N0} parameters");
                break;
            case StepRecorded step:
                progress.Show(step.Step, model);
                break;
            case EpochRecorded { Epoch: var epoch }:
                progress.Clear();
                console.Out.WriteLine($"{model}: epoch {epoch.Epoch,3}/{epochs}  train {epoch.TrainLoss:F4}  val {epoch.ValidationLoss:F4}  {epoch.Seconds:F1} s");
                break;
            case StateChanged ended:
                progress.Clear();
                console.Out.WriteLine($"{model}: {ended.State}: {ended.Reason}");
                break;
        }
    }
}
