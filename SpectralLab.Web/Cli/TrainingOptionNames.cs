using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>The command-line option behind each <see cref="TrainingOptions"/> field, so a validation message names what to fix.</summary>
static class TrainingOptionNames
{
    static readonly Dictionary<string, string> Names = new()
    {
        [nameof(TrainingOptions.Model)] = "--model",
        [nameof(TrainingOptions.Epochs)] = "--epochs",
        [nameof(TrainingOptions.BatchSize)] = "--batch",
        [nameof(TrainingOptions.LearningRate)] = "--lr",
        [nameof(TrainingOptions.TrainLimit)] = "--limit",
    };

    public static string Of(string field) => Names.GetValueOrDefault(field, field);
}
