using SpectralLab.Core.Models;

namespace SpectralLab.Core.Training;

/// <summary>What to train and how. Defaults are the publication's.</summary>
public sealed record TrainingOptions
{
    /// <summary>A name from <see cref="ModelCatalog"/>.</summary>
    public string Model { get; init; } = "spectral-gaussian";

    /// <summary>50, as published.</summary>
    public int Epochs { get; init; } = 50;

    /// <summary>128 images a step: large enough to keep both cores busy, small enough for many updates an epoch.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam's default, as published.</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>Seeds initialisation and the per-epoch shuffles, so a run can be repeated exactly.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Train on only the first N training images; null for all of them.</summary>
    public int? TrainLimit { get; init; }

    /// <summary>Evaluate on only the first N test images; null for all of them.</summary>
    public int? ValidationLimit { get; init; }

    /// <summary>More epochs than anyone waits for on this kind of machine; a typo, not a plan.</summary>
    public const int MostEpochs = 1_000;

    /// <summary>
    /// Validates against the dataset's size and, when given, the memory budget. Returns one message per bad field, keyed
    /// by the field's name, each a sentence saying what is wrong and what is allowed.
    /// </summary>
    public IReadOnlyDictionary<string, string> Validate(int trainingImages, MemoryBudget? budget = null)
    {
        var errors = new Dictionary<string, string>();
        if (ModelCatalog.Find(Model) is null)
            errors[nameof(Model)] = $"Unknown model '{Model}'; choose one of {ModelCatalog.Names}.";
        if (Epochs is < 1 or > MostEpochs)
            errors[nameof(Epochs)] = $"Epochs must be from 1 to {MostEpochs:N0} (got {Epochs:N0}).";
        int available = Math.Min(TrainLimit ?? trainingImages, trainingImages);
        if (TrainLimit is < 1)
            errors[nameof(TrainLimit)] = $"The training-set size must be at least 1 (got {TrainLimit}).";
        else if (TrainLimit > trainingImages)
            errors[nameof(TrainLimit)] = $"The training-set size {TrainLimit:N0} is more than the {trainingImages:N0} images available.";
        if (BatchSize < 1)
            errors[nameof(BatchSize)] = $"The batch size must be at least 1 (got {BatchSize}).";
        else if (BatchSize > available)
            errors[nameof(BatchSize)] = $"The batch size {BatchSize:N0} is larger than the {available:N0} training images.";
        else if (budget?.Refusal(Model, BatchSize) is { } refusal)
            errors[nameof(BatchSize)] = refusal;
        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
            errors[nameof(LearningRate)] = $"The learning rate must be a positive finite number (got {LearningRate}).";
        if (ValidationLimit is < 1)
            errors[nameof(ValidationLimit)] = $"The validation-set size must be at least 1 (got {ValidationLimit}).";
        return errors;
    }
}
