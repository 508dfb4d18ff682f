using System.Globalization;
using SpectralLab.Core.Data;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Components.Lab;

/// <summary>
/// The experiment form's fields exactly as typed, and what they mean: the options they make, or a sentence per field
/// saying what is wrong. Nothing is clamped or guessed: a value that is not what the field takes is refused.
/// </summary>
public sealed class ExperimentDraft
{
    static readonly TrainingOptions Defaults = new();

    public string Model { get; set; } = Defaults.Model;
    public string Epochs { get; set; } = Text(Defaults.Epochs);
    public string BatchSize { get; set; } = Text(Defaults.BatchSize);
    public string LearningRate { get; set; } = Defaults.LearningRate.ToString("R", CultureInfo.InvariantCulture);
    public string Seed { get; set; } = Text(Defaults.Seed);

    /// <summary>Training images; empty until the dataset is known, then all of them.</summary>
    public string TrainSize { get; set; } = "";

    /// <summary>Carried over from a run whose settings fill the form; the form has no field for it.</summary>
    public int? ValidationLimit { get; private set; }

    /// <summary>A draft holding <paramref name="options"/>, to change and start again.</summary>
    /// <param name="trainingImages">The dataset's training images, which a run without a limit trained on; null while unknown.</param>
    public static ExperimentDraft From(TrainingOptions options, int? trainingImages) => new()
    {
        Model = options.Model, Epochs = Text(options.Epochs), BatchSize = Text(options.BatchSize),
        LearningRate = options.LearningRate.ToString("R", CultureInfo.InvariantCulture), Seed = Text(options.Seed),
        TrainSize = (options.TrainLimit ?? trainingImages) is { } size ? Text(size) : "", ValidationLimit = options.ValidationLimit,
    };

    /// <summary>The options, or null with at least one message keyed by the <see cref="TrainingOptions"/> field it concerns.</summary>
    public (TrainingOptions? Options, IReadOnlyDictionary<string, string> Errors) Read(Dataset data, MemoryBudget budget)
    {
        var errors = new Dictionary<string, string>();
        int epochs = Whole(Epochs, "Epochs", nameof(TrainingOptions.Epochs), errors);
        int batch = Whole(BatchSize, "The batch size", nameof(TrainingOptions.BatchSize), errors);
        int seed = Whole(Seed, "The seed", nameof(TrainingOptions.Seed), errors);
        int trainSize = Whole(TrainSize, "The training-set size", nameof(TrainingOptions.TrainLimit), errors);
        double learningRate = Number(LearningRate, "The learning rate", nameof(TrainingOptions.LearningRate), errors);
        var options = new TrainingOptions
        {
            Model = Model, Epochs = epochs, BatchSize = batch, LearningRate = learningRate, Seed = seed,
            TrainLimit = trainSize == data.Train.Count ? null : trainSize, ValidationLimit = ValidationLimit,
        };
        foreach (var (field, message) in options.Validate(data.Train.Count, budget))
            errors.TryAdd(field, message); // a field that could not be read keeps that message
        return (errors.Count == 0 ? options : null, errors);
    }

    static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    static int Whole(string text, string name, string field, Dictionary<string, string> errors)
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)) return value;
        errors[field] = text.Length == 0 ? $"{name} is needed: type a whole number."
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) || text.TrimStart('-', '+').All(char.IsAsciiDigit)
                ? $"{name} {text} is far too large: type a whole number from the range the field allows."
                : $"{name} must be a whole number (got '{text}').";
        return 0;
    }

    static double Number(string text, string name, string field, Dictionary<string, string> errors)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)) return value;
        errors[field] = text.Length == 0 ? $"{name} is needed: type a number such as 0.001."
            : $"{name} must be a finite number such as 0.001 (got '{text}').";
        return 0;
    }
}
