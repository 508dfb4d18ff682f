using System.Diagnostics;
using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using static TorchSharp.torch;

namespace SpectralLab.Core.Training;

/// <summary>One run's line in a sweep: its settings, its size, how it ended, its validation loss after each epoch and its pace.</summary>
public sealed record SweepRow(TrainingOptions Options, long Parameters, TrainingOutcome Outcome, string Reason,
    IReadOnlyList<double> ValidationLoss, double SecondsPerEpoch)
{
    public string Model => Options.Model;
}

/// <summary>
/// Trains each run of a sweep (a grid of models and settings) on the same data, one after another on the calling
/// thread, and collects one comparable row per run: the lab's answer to "how flexible are parametric spectral filters?".
/// </summary>
public static class Sweep
{
    /// <param name="runs">Validated options, one per run (see <see cref="TrainingOptions.Validate"/>).</param>
    /// <param name="trainer">How each run is trained and kept (the lab's store, or nothing by default).</param>
    public static IEnumerable<SweepRow> Run(IReadOnlyList<TrainingOptions> runs, Dataset data,
        CancellationToken cancellation, Action<TrainingOptions, StepRecord>? progress = null, IRunTrainer? trainer = null)
    {
        trainer ??= PlainTraining.Instance;
        trainer.Prepare(runs, data);
        foreach (var options in runs)
        {
            if (cancellation.IsCancellationRequested) yield break;
            var descriptor = ModelCatalog.Find(options.Model)!;
            manual_seed(options.Seed);
            using var model = descriptor.Create();
            var recorder = new Recorder(step => progress?.Invoke(options, step));
            var clock = Stopwatch.StartNew();
            var result = trainer.Train(model, data, options with { Model = descriptor.Name }, recorder, cancellation);
            yield return new SweepRow(options with { Model = descriptor.Name }, model.ParameterCount, result.Outcome, result.Reason,
                recorder.Epochs.Select(e => e.ValidationLoss).ToList(),
                recorder.Epochs.Count > 0 ? recorder.Epochs.Average(e => e.Seconds) : clock.Elapsed.TotalSeconds);
        }
    }

    sealed class Recorder(Action<StepRecord> onStep) : ITrainingObserver
    {
        public List<EpochRecord> Epochs { get; } = [];

        public void OnStep(StepRecord step) => onStep(step);

        public void OnEpoch(EpochRecord epoch) => Epochs.Add(epoch);
    }
}
