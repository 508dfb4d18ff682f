using System.CommandLine;
using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runtime;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>`sweep`: train several models the same way and print one table: parameters, validation loss per epoch, time per epoch.</summary>
static class SweepVerb
{
    public static Command Create(CliConsole console)
    {
        var models = new Option<string[]>("--models") { Description = $"Models to train, separated by commas or spaces (default: all of {ModelCatalog.Names}).", AllowMultipleArgumentsPerToken = true };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per model.", DefaultValueFactory = _ => 1 };
        var limit = new Option<int?>("--limit") { Description = "Train on only the first N training images." };
        var batch = new Option<int>("--batch") { Description = "Images per step.", DefaultValueFactory = _ => 128 };
        var lr = new Option<double>("--lr") { Description = "Adam's learning rate.", DefaultValueFactory = _ => 0.001 };
        var seed = new Option<int>("--seed") { Description = "Seeds every model's initialisation and shuffling alike.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Torch threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var data = new Option<string?>("--data") { Description = "Folder with the four IDX files." };
        var json = new Option<bool>("--json") { Description = "One JSON object per model instead of a table." };
        var command = new Command("sweep", "Train several models the same way and compare them in one table.") { models, epochs, limit, batch, lr, seed, threads, data, json };
        command.SetAction((result, cancellation) => Task.FromResult(Run(console, result.GetValue(models), new TrainingOptions
        {
            Epochs = result.GetValue(epochs), TrainLimit = result.GetValue(limit), BatchSize = result.GetValue(batch),
            LearningRate = result.GetValue(lr), Seed = result.GetValue(seed),
        }, result.GetValue(threads), result.GetValue(data), result.GetValue(json), cancellation)));
        return command;
    }

    static int Run(CliConsole console, string[]? names, TrainingOptions options, int threads, string? dataDirectory, bool json, CancellationToken cancellation)
    {
        if (threads < 1) return console.Fail($"--threads must be at least 1 (got {threads}).");
        var requested = (names ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (requested.FirstOrDefault(n => ModelCatalog.Find(n) is null) is { } unknown)
            return console.Fail($"--models: Unknown model '{unknown}'; choose from {ModelCatalog.Names}.");
        var models = requested.Count == 0 ? ModelCatalog.All : requested.Select(n => ModelCatalog.Find(n)!).ToList();
        Dataset data;
        try { data = DatasetLoader.Load(dataDirectory); }
        catch (Exception e) when (e is DataNotFoundException or DataFileException) { return console.Fail(e.Message, ExitCodes.Failure); }
        foreach (var (field, message) in (options with { Model = models[0].Name }).Validate(data.Train.Count))
            return console.Fail($"{TrainingOptionNames.Of(field)}: {message}");

        TorchThreads.Configure(threads);
        var rows = new List<SweepRow>();
        long lastProgress = 0;
        foreach (var row in Sweep.Run(models, data, options, cancellation, (model, step) =>
        {
            if (!console.ShowsProgress || Environment.TickCount64 - lastProgress < 500) return;
            lastProgress = Environment.TickCount64;
            console.Error.Write($"\r  {model}: epoch {step.Epoch}/{options.Epochs} step {step.StepInEpoch}/{step.StepsPerEpoch} loss {step.Loss:F4}   ");
        }))
        {
            rows.Add(row);
            if (console.ShowsProgress) console.Error.Write("\r" + new string(' ', 80) + "\r");
            if (json) console.WriteJson(row);
        }
        if (!json) WriteTable(console.Out, rows, options.Epochs);
        return rows.Any(r => r.Outcome == TrainingOutcome.Diverged) ? ExitCodes.Failure : ExitCodes.Success;
    }

    static void WriteTable(TextWriter output, IReadOnlyList<SweepRow> rows, int epochs)
    {
        int width = Math.Max(5, rows.Max(r => r.Model.Length));
        output.WriteLine($"{"model".PadRight(width)}  {"params",8}  {string.Join("  ", Enumerable.Range(1, epochs).Select(e => $"val@{e}".PadLeft(8)))}  {"s/epoch",8}  outcome");
        foreach (var row in rows)
        {
            var losses = Enumerable.Range(0, epochs).Select(e => (e < row.ValidationLoss.Count ? row.ValidationLoss[e].ToString("F4") : "—").PadLeft(8));
            output.WriteLine($"{row.Model.PadRight(width)}  {row.Parameters,8:N0}  {string.Join("  ", losses)}  {row.SecondsPerEpoch,8:F1}  {row.Outcome}");
        }
    }
}
