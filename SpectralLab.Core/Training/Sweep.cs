using System.Diagnostics;
using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using static TorchSharp.torch;

namespace SpectralLab.Core.Training;

/// <summary>One model's line in a sweep: its size, how the run ended, its validation loss after each epoch and its pace.</summary>
public sealed record SweepRow(string Model, long Parameters, TrainingOutcome Outcome, string Reason,
    IReadOnlyList<double> ValidationLoss, double SecondsPerEpoch);

/// <summary>
/// Trains each of a set of models with the same options and data, one after another on the calling thread, and
/// collects one comparable row per model: the lab's answer to "how flexible are parametric spectral filters?".
/// </summary>
public static class Sweep
{
    public static IEnumerable<SweepRow> Run(IEnumerable<ModelDescriptor> models, Dataset data, TrainingOptions options,
        CancellationToken cancellation, Action<string, StepRecord>? progress = null)
    {
        foreach (var descriptor in models)
        {
            if (cancellation.IsCancellationRequested) yield break;
            manual_seed(options.Seed);
            using var model = descriptor.Create();
            var recorder = new Recorder(step => progress?.Invoke(descriptor.Name, step));
            var clock = Stopwatch.StartNew();
            var result = new Trainer(model, data, options with { Model = descriptor.Name }).Run(recorder, cancellation);
            yield return new SweepRow(descriptor.Name, model.ParameterCount, result.Outcome, result.Reason,
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
