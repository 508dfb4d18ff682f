using SpectralLab.Core.Data;
using SpectralLab.Core.Models;

namespace SpectralLab.Core.Training;

/// <summary>
/// How a verb's runs are trained: plainly (<see cref="PlainTraining"/>) or kept as runs of the lab's store (the Lab's
/// StoredTraining). Each run trains synchronously on the calling thread, which owns its tensors.
/// </summary>
public interface IRunTrainer
{
    /// <summary>Told every run of a sweep before the first is trained: a trainer that trains elsewhere queues them all at once.</summary>
    void Prepare(IReadOnlyList<TrainingOptions> runs, Dataset data) { }

    /// <param name="model">Already created and seeded by the caller.</param>
    TrainingResult Train(Autoencoder model, Dataset data, TrainingOptions options, ITrainingObserver observer, CancellationToken cancellation);
}

/// <summary>Trains and keeps nothing: what `--no-store` asks for.</summary>
public sealed class PlainTraining : IRunTrainer
{
    public static PlainTraining Instance { get; } = new();

    public TrainingResult Train(Autoencoder model, Dataset data, TrainingOptions options, ITrainingObserver observer, CancellationToken cancellation) =>
        new Trainer(model, data, options).Run(observer, cancellation);
}
