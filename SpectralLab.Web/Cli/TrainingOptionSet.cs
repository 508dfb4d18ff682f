using System.CommandLine;
using SpectralLab.Core.Data;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>
/// The options the training verbs share, declared once with <see cref="TrainingOptions"/>' own defaults: reads a parse
/// result into a <see cref="TrainingOptions"/> and names the flag behind each of its fields for validation messages.
/// </summary>
sealed class TrainingOptionSet
{
    static readonly TrainingOptions Defaults = new();

    readonly Option<string>? model;
    readonly Option<int> epochs;
    readonly Dictionary<string, Option> flags;

    /// <param name="epochs">Each verb has its own default for it: train asks for it, sweep takes one epoch.</param>
    /// <param name="model">The option naming the model, when the verb trains just one.</param>
    public TrainingOptionSet(Option<int> epochs, Option<string>? model = null)
    {
        this.epochs = epochs;
        this.model = model;
        flags = new()
        {
            [nameof(TrainingOptions.Epochs)] = epochs,
            [nameof(TrainingOptions.BatchSize)] = Batch,
            [nameof(TrainingOptions.LearningRate)] = LearningRate,
            [nameof(TrainingOptions.Seed)] = Seed,
            [nameof(TrainingOptions.TrainLimit)] = Limit,
        };
        if (model is not null) flags[nameof(TrainingOptions.Model)] = model;
    }

    public Option<int> Batch { get; } = BatchOption();

    public Option<double> LearningRate { get; } = new("--lr") { Description = "Adam's learning rate.", DefaultValueFactory = _ => Defaults.LearningRate };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seeds initialisation and shuffling.", DefaultValueFactory = _ => Defaults.Seed };

    public Option<int?> Limit { get; } = new("--limit") { Description = "Train on only the first N training images." };

    public Option<int> Threads { get; } = ThreadsOption();

    public Option<string?> Data { get; } = new("--data")
    {
        Description = $"Folder with the four IDX files (default: ${DatasetLoader.DirectoryVariable}, else the packaged MNIST).",
    };

    /// <summary>Adds every option of the set to a verb, in the order its help lists them.</summary>
    public void AddTo(Command command)
    {
        if (model is not null) command.Options.Add(model);
        foreach (var option in new Option[] { epochs, Batch, LearningRate, Seed, Limit, Threads, Data }) command.Options.Add(option);
    }

    /// <summary>Images per step, defaulting to the trainer's batch size.</summary>
    public static Option<int> BatchOption() => new("--batch") { Description = "Images per step.", DefaultValueFactory = _ => Defaults.BatchSize };

    /// <summary>Torch threads: all cores by default, and at least one.</summary>
    public static Option<int> ThreadsOption()
    {
        var threads = new Option<int>("--threads") { Description = "Torch threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        threads.Validators.Add(result => // reads the token itself: a value that is not a number is the parser's error to report
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, out int count) && count < 1)
                result.AddError($"--threads must be at least 1 (got {count}).");
        });
        return threads;
    }

    public TrainingOptions Read(ParseResult result) => new()
    {
        Model = model is null ? Defaults.Model : result.GetValue(model)!,
        Epochs = result.GetValue(epochs),
        BatchSize = result.GetValue(Batch),
        LearningRate = result.GetValue(LearningRate),
        Seed = result.GetValue(Seed),
        TrainLimit = result.GetValue(Limit),
    };

    /// <summary>The flag that sets a <see cref="TrainingOptions"/> field, so a message names what to fix.</summary>
    public string FlagOf(string field) => flags.TryGetValue(field, out var option) ? option.Name : field;
}
