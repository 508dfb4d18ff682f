using System.CommandLine;
using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>`sweep`: train several models the same way and print one table: parameters, validation loss per epoch, time per epoch.</summary>
static class SweepVerb
{
    public static Command Create(CliConsole console)
    {
        var models = new Option<string[]>("--models") { Description = $"Models to train, separated by commas or spaces (default: all of {ModelCatalog.Names}).", AllowMultipleArgumentsPerToken = true };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per model.", DefaultValueFactory = _ => 1 };
        var training = new TrainingOptionSet(epochs);
        var json = new Option<bool>("--json") { Description = "One JSON object per model instead of a table." };
        var command = new Command("sweep", "Train several models the same way and compare them in one table.") { models };
        training.AddTo(command);
        command.Options.Add(json);
        command.SetAction((result, cancellation) => Task.FromResult(Run(console, training, result, result.GetValue(models), result.GetValue(json), cancellation)));
        return command;
    }

    static int Run(CliConsole console, TrainingOptionSet training, ParseResult result, string[]? names, bool json, CancellationToken cancellation)
    {
        var requested = (names ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (requested.FirstOrDefault(n => ModelCatalog.Find(n) is null) is { } unknown)
            return console.Fail($"--models: Unknown model '{unknown}'; choose from {ModelCatalog.Names}.");
        var models = requested.Count == 0 ? ModelCatalog.All : requested.Select(n => ModelCatalog.Find(n)!).ToList();
        var options = training.Read(result) with { Model = models[0].Name };
        return TrainingStart.Run(console, training, result, options, data => Train(console, models, data, options, json, cancellation));
    }

    static int Train(CliConsole console, IReadOnlyList<ModelDescriptor> models, Dataset data, TrainingOptions options, bool json, CancellationToken cancellation)
    {
        var rows = new List<SweepRow>();
        var progress = new ProgressLine(console, options.Epochs);
        foreach (var row in Sweep.Run(models, data, options, cancellation, (model, step) => progress.Show(step, model)))
        {
            rows.Add(row);
            progress.Clear();
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
