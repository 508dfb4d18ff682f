using System.CommandLine;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab.Sweeps;
using SpectralLab.Core.Models;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>
/// `sweep`: train a grid of models × learning rates × batch sizes × seeds the same way and print one table: each run's
/// settings, parameters, validation loss per epoch and time per epoch, then the mean ± std over the seeds of each setting.
/// </summary>
static class SweepVerb
{
    public static Command Create(CliConsole console)
    {
        var models = new Option<string[]>("--models") { Description = $"Models to train, separated by commas or spaces (default: {string.Join(",", SweepGrid.PublishedPair)}; any of {ModelCatalog.Names}).", AllowMultipleArgumentsPerToken = true };
        var rates = new Option<string[]>("--learning-rates") { Description = "Learning rates to try, separated by commas or spaces (default: --lr).", AllowMultipleArgumentsPerToken = true };
        var batches = new Option<string[]>("--batch-sizes") { Description = "Batch sizes to try, separated by commas or spaces (default: --batch).", AllowMultipleArgumentsPerToken = true };
        var seeds = new Option<string[]>("--seeds") { Description = "Seeds to repeat each setting with, separated by commas or spaces (default: --seed).", AllowMultipleArgumentsPerToken = true };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per run.", DefaultValueFactory = _ => 1 };
        var training = new TrainingOptionSet(epochs);
        var json = new Option<bool>("--json") { Description = "One JSON object per run, then one per setting repeated over seeds, instead of a table." };
        var store = new StoreOptionSet();
        var command = new Command("sweep", $"Train a grid of models and settings (at most {SweepGrid.MostRuns} runs) and compare them in one table.") { models, rates, batches, seeds };
        training.AddTo(command);
        store.AddTo(command);
        command.Options.Add(json);
        command.SetAction((result, cancellation) =>
        {
            var lists = new GridFlags(models, rates, batches, seeds);
            return Task.FromResult(Run(console, training, store, lists, result, result.GetValue(json), cancellation));
        });
        return command;
    }

    /// <summary>The grid's list flags, and which flag each grid field comes from.</summary>
    sealed record GridFlags(Option<string[]> Models, Option<string[]> Rates, Option<string[]> Batches, Option<string[]> Seeds)
    {
        public string FlagOf(string field, TrainingOptionSet training) => field switch
        {
            nameof(SweepGrid.Models) => Models.Name,
            nameof(SweepGrid.LearningRates) => Rates.Name,
            nameof(SweepGrid.BatchSizes) => Batches.Name,
            nameof(SweepGrid.Seeds) => Seeds.Name,
            nameof(SweepGrid.Count) => "sweep",
            _ => training.FlagOf(field),
        };
    }

    static int Run(CliConsole console, TrainingOptionSet training, StoreOptionSet store, GridFlags flags, ParseResult result, bool json, CancellationToken cancellation)
    {
        var single = training.Read(result);
        static string? Joined(string[]? values) => values is { Length: > 0 } ? string.Join(' ', values) : null;
        var (rates, rateError) = GridLists.Numbers(Joined(result.GetValue(flags.Rates)) ?? GridLists.Text([single.LearningRate]), "learning rates");
        var (batches, batchError) = GridLists.Whole(Joined(result.GetValue(flags.Batches)) ?? GridLists.Text([single.BatchSize]), "batch sizes");
        var (seeds, seedError) = GridLists.Whole(Joined(result.GetValue(flags.Seeds)) ?? GridLists.Text([single.Seed]), "seeds");
        var names = (result.GetValue(flags.Models) ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        foreach (var (flag, error) in new[] { (flags.Rates.Name, rateError), (flags.Batches.Name, batchError), (flags.Seeds.Name, seedError) })
            if (error is not null) return console.Fail($"{flag}: {error}");

        var grid = new SweepGrid(names.Count == 0 ? SweepGrid.PublishedPair : names, rates, batches, seeds, single.Epochs, single.TrainLimit);
        var budget = MemoryBudget.For(configuredMegabytes: null);
        // Everything the data's size does not decide is checked before the data is loaded; the rest once it is.
        foreach (var (field, message) in grid.Validate(int.MaxValue, budget))
            return console.Fail($"{flags.FlagOf(field, training)}: {message}");
        return TrainingStart.Run(console, training, result, grid.Expand()[0], store, asSweep: true, _ => { }, (data, runs) =>
        {
            foreach (var (field, message) in grid.Validate(data.Train.Count, budget))
                return console.Fail($"{flags.FlagOf(field, training)}: {message}");
            return Train(console, grid, data, json, runs, cancellation);
        });
    }

    static int Train(CliConsole console, SweepGrid grid, Dataset data, bool json, IRunTrainer runs, CancellationToken cancellation)
    {
        var rows = new List<SweepRow>();
        var progress = new ProgressLine(console, grid.Epochs);
        foreach (var row in Sweep.Run(grid.Expand(), data, cancellation, (run, step) => progress.Show(step, $"{SweepGrid.Describe(run)} · seed {run.Seed}"), runs))
        {
            rows.Add(row);
            progress.Clear();
            if (json) console.WriteJson(row);
        }
        var repeated = SeedStatistics.Group(rows.Select(r => new SeedRun(r.Options, r.ValidationLoss))).Where(g => g.Seeds.Count > 1).ToList();
        if (json) foreach (var group in repeated) console.WriteJson(SeedSummary.Of(group));
        else SweepTable.Write(console.Out, rows, repeated, grid.Epochs);
        return rows.Any(r => r.Outcome == TrainingOutcome.Diverged) ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>A setting repeated over seeds as one JSON line; a standard deviation of one finite loss is null.</summary>
    sealed record SeedSummary(string Setting, IReadOnlyList<int> Seeds, IReadOnlyList<SeedSummary.Epoch> Epochs)
    {
        public sealed record Epoch(int Number, int Count, double Mean, double? StandardDeviation);

        public static SeedSummary Of(SeedGroup group) => new(group.Label, group.Seeds, group.Epochs
            .Select(e => new Epoch(e.Epoch, e.Count, e.Mean, double.IsNaN(e.StandardDeviation) ? null : e.StandardDeviation)).ToList());
    }
}
