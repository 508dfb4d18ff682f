using System.Globalization;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Sweeps;

/// <summary>
/// A sweep as a grid: every model with every learning rate, batch size and seed, each run trained for the same epochs
/// on the same images. <see cref="Expand"/> gives the runs in queue order (seeds innermost, so the repeats of one
/// setting train one after another); <see cref="Validate"/> checks each value with <see cref="TrainingOptions"/>' own
/// rules and the grid's size against <see cref="MostRuns"/>.
/// </summary>
public sealed record SweepGrid(
    IReadOnlyList<string> Models, IReadOnlyList<double> LearningRates, IReadOnlyList<int> BatchSizes, IReadOnlyList<int> Seeds,
    int Epochs, int? TrainLimit = null)
{
    /// <summary>64 runs, e.g. the published pair × 4 learning rates × 8 seeds: each run takes minutes to hours here, so a larger grid is a typo, not a plan.</summary>
    public const int MostRuns = 64;

    /// <summary>The published pair: the spatial baseline and the spectral model the publication reports.</summary>
    public static IReadOnlyList<string> PublishedPair { get; } = ["spatial", "spectral-gaussian"];

    public long Count => (long)Models.Count * LearningRates.Count * BatchSizes.Count * Seeds.Count;

    public IReadOnlyList<TrainingOptions> Expand() =>
        (from model in Models
         from learningRate in LearningRates
         from batch in BatchSizes
         from seed in Seeds
         select new TrainingOptions { Model = model, LearningRate = learningRate, BatchSize = batch, Seed = seed, Epochs = Epochs, TrainLimit = TrainLimit })
        .ToList();

    /// <summary>
    /// One sentence per bad field of the grid, keyed by its property name (<see cref="Count"/> for the grid's size): the
    /// first message <see cref="TrainingOptions.Validate"/> gives for any run of the grid.
    /// </summary>
    public IReadOnlyDictionary<string, string> Validate(int trainingImages, MemoryBudget? budget = null)
    {
        var errors = new Dictionary<string, string>();
        if (Models.Count == 0) errors[nameof(Models)] = "Choose at least one model.";
        if (LearningRates.Count == 0) errors[nameof(LearningRates)] = "Type at least one learning rate.";
        if (BatchSizes.Count == 0) errors[nameof(BatchSizes)] = "Type at least one batch size.";
        if (Seeds.Count == 0) errors[nameof(Seeds)] = "Type at least one seed.";
        if (Count > MostRuns)
            errors[nameof(Count)] = $"The grid makes {Count:N0} runs (models × learning rates × batch sizes × seeds = {Models.Count} × " +
                $"{LearningRates.Count} × {BatchSizes.Count} × {Seeds.Count}); a sweep takes at most {MostRuns}: shorten a list.";
        if (errors.Count > 0) return errors;

        foreach (var run in Expand()) // at most MostRuns cheap checks, and every combination is one the sweep would train
            foreach (var (field, message) in run.Validate(trainingImages, budget))
                errors.TryAdd(GridField(field), message);
        return errors;
    }

    /// <summary>The grid's field a <see cref="TrainingOptions"/> field comes from.</summary>
    public static string GridField(string optionsField) => optionsField switch
    {
        nameof(TrainingOptions.Model) => nameof(Models),
        nameof(TrainingOptions.LearningRate) => nameof(LearningRates),
        nameof(TrainingOptions.BatchSize) => nameof(BatchSizes),
        nameof(TrainingOptions.Seed) => nameof(Seeds),
        _ => optionsField,
    };

    /// <summary>"spatial · lr 0.001 · batch 128", the settings of a run but its seed.</summary>
    public static string Describe(TrainingOptions run) =>
        string.Create(CultureInfo.InvariantCulture, $"{run.Model} · lr {run.LearningRate:R} · batch {run.BatchSize}");
}
