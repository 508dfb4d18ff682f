using SpectralLab.Core.Data;
using SpectralLab.Core.Lab.Sweeps;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Components.Sweeps;

/// <summary>
/// The sweep form's fields exactly as typed, and what they mean: the grid they make, or a sentence per field saying
/// what is wrong (keyed by the <see cref="SweepGrid"/> property it concerns). Nothing is clamped or guessed.
/// </summary>
public sealed class SweepDraft
{
    public HashSet<string> Models { get; } = [.. SweepGrid.PublishedPair];
    public string LearningRates { get; set; } = GridLists.Text([new TrainingOptions().LearningRate]);
    public string BatchSizes { get; set; } = GridLists.Text([new TrainingOptions().BatchSize]);
    public string Seeds { get; set; } = "1, 2, 3";
    public string Epochs { get; set; } = "1";
    public string TrainSize { get; set; } = "4096";

    public (SweepGrid? Grid, IReadOnlyDictionary<string, string> Errors) Read(Dataset data, MemoryBudget budget, IEnumerable<string> modelOrder)
    {
        var errors = new Dictionary<string, string>();
        var (rates, rateError) = GridLists.Numbers(LearningRates, "learning rates");
        var (batches, batchError) = GridLists.Whole(BatchSizes, "batch sizes");
        var (seeds, seedError) = GridLists.Whole(Seeds, "seeds");
        var (epochs, epochError) = GridLists.One(Epochs, "epochs");
        var (trainSize, sizeError) = GridLists.One(TrainSize, "training-set size");
        foreach (var (field, error) in new[] { (nameof(SweepGrid.LearningRates), rateError), (nameof(SweepGrid.BatchSizes), batchError),
                     (nameof(SweepGrid.Seeds), seedError), (nameof(SweepGrid.Epochs), epochError), (nameof(SweepGrid.TrainLimit), sizeError) })
            if (error is not null) errors[field] = error;
        var grid = new SweepGrid(modelOrder.Where(Models.Contains).ToList(), rates, batches, seeds, epochs,
            trainSize == data.Train.Count ? null : trainSize);
        foreach (var (field, message) in grid.Validate(data.Train.Count, budget))
            errors.TryAdd(field, message); // a field that could not be read keeps that message
        return (errors.Count == 0 ? grid : null, errors);
    }
}
