using System.Diagnostics;
using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Training;

/// <summary>Loads a checkpoint into the model and the optimizer, on the training thread, and says where the run stood.</summary>
public delegate CheckpointInfo ResumeFrom(Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer);

/// <summary>
/// The step loop: Adam on binary cross-entropy, the training set reshuffled every epoch, validation on the test set
/// after every epoch. Runs synchronously on the calling thread: dispose scopes and grad mode are per thread, so every
/// step must start and finish on the same one. Stops between two steps when cancelled; a loss that is not finite ends
/// the run as diverged. A new run's validation loss is measured once before the first step. With checkpoint storage it writes a checkpoint at every epoch end, and can resume from one.
/// </summary>
public sealed class Trainer(Autoencoder model, Dataset data, TrainingOptions options, ICheckpointStorage? checkpoints = null)
{
    const int EvaluationBatch = 250; // keeps each activation under 32 MB, glibc's largest heap (not mmap) allocation by default

    /// <param name="resume">
    /// Continues from a checkpoint: called first, once the optimizer exists, it loads the model's parameters and Adam's
    /// moments and says where the run stood. What it throws ends the run before any step.
    /// </param>
    public TrainingResult Run(ITrainingObserver observer, CancellationToken cancellation, ResumeFrom? resume = null)
    {
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var reached = resume?.Invoke(model, optimizer);
        using var train = new ImageTensors(data.Train, options.TrainLimit ?? data.Train.Count);
        using var test = new ImageTensors(data.Test, options.ValidationLimit ?? data.Test.Count);
        int stepsPerEpoch = (train.Count + options.BatchSize - 1) / options.BatchSize; // the last batch may be short
        int step = reached?.Step ?? 0, firstEpoch = (reached?.Epoch ?? 0) + 1;
        if (reached is null)
        {
            // The yardstick a run must end below: a loss that rises (a learning rate far too high) stays finite and would otherwise pass for learning.
            if (Evaluate(model, test, cancellation) is not { } initial)
                return new(TrainingOutcome.Stopped, "Stopped by request during the validation before the first step.", 0, 0);
            GlibcMalloc.ReturnFreeMemory();
            observer.OnInitialValidation(initial);
        }

        for (int epoch = firstEpoch; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            long[] order = ShuffledOrder(train.Count, options.Seed, epoch);
            model.train();
            for (int inEpoch = 1; inEpoch <= stepsPerEpoch; inEpoch++)
            {
                if (cancellation.IsCancellationRequested)
                    return new(TrainingOutcome.Stopped, $"Stopped by request after step {step}.", step, epoch - 1);
                var stepClock = Stopwatch.StartNew();
                int start = (inEpoch - 1) * options.BatchSize;
                double loss = Step(optimizer, train, order.AsSpan(start, Math.Min(options.BatchSize, train.Count - start)));
                step++;
                if (!double.IsFinite(loss))
                    return new(TrainingOutcome.Diverged, $"The loss became {loss} at step {step} (epoch {epoch}); try a lower learning rate.", step, epoch - 1);
                lossSum += loss;
                observer.OnStep(new StepRecord(epoch, step, inEpoch, stepsPerEpoch, loss, stepClock.Elapsed.TotalMilliseconds));
            }
            // Free blocks would otherwise stay mapped and RSS creep up run-long; freed before validation too, whose
            // larger batches cannot reuse the training steps' blocks and would add their own on top.
            GlibcMalloc.ReturnFreeMemory();
            double? validation = Evaluate(model, test, cancellation);
            GlibcMalloc.ReturnFreeMemory();
            if (validation is null)
                return new(TrainingOutcome.Stopped, $"Stopped by request during the validation after step {step}; epoch {epoch} will be trained again on resume.", step, epoch - 1);
            var reachedNow = new CheckpointInfo(epoch, step);
            // The record before the checkpoint: a crash between the two resumes from the epoch before, whose resume
            // drops this record and trains the epoch again; the other order would resume past an epoch never recorded.
            observer.OnEpoch(new EpochRecord(epoch, lossSum / stepsPerEpoch, validation.Value, clock.Elapsed.TotalSeconds));
            checkpoints?.Write(reachedNow, validation.Value, stream => Checkpoint.Save(stream, reachedNow, model, optimizer));
        }
        return new(TrainingOutcome.Completed, $"Completed {options.Epochs} epochs.", step, options.Epochs);
    }

    double Step(TorchSharp.Modules.OptimizerHelper optimizer, ImageTensors train, ReadOnlySpan<long> batchIndices)
    {
        using var scope = NewDisposeScope();
        return TrainOn(model, optimizer, train.Batch(tensor(batchIndices.ToArray())));
    }

    /// <summary>
    /// One optimisation step on a batch: binary cross-entropy of the reconstruction against the input, backward, the
    /// optimizer's step. Returns the loss. Runs in the caller's dispose scope; <see cref="Benchmark"/> times this.
    /// </summary>
    public static double TrainOn(Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer, Tensor images)
    {
        var loss = nn.functional.binary_cross_entropy_with_logits(model.Logits(images), images);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>
    /// Mean binary cross-entropy per pixel over the whole set, computed without gradients; null when cancelled, which it
    /// checks between batches so that a stop never waits for a whole validation.
    /// </summary>
    public static double? Evaluate(Autoencoder model, ImageTensors images, CancellationToken cancellation = default)
    {
        using var _ = no_grad();
        model.eval();
        double sum = 0;
        for (int start = 0; start < images.Count; start += EvaluationBatch)
        {
            if (cancellation.IsCancellationRequested)
            {
                model.train();
                return null;
            }
            using var scope = NewDisposeScope();
            var batch = images.Slice(start, Math.Min(EvaluationBatch, images.Count - start));
            sum += nn.functional.binary_cross_entropy_with_logits(model.Logits(batch), batch, reduction: nn.Reduction.Sum).item<float>();
        }
        model.train();
        return sum / ((double)images.Count * images.PixelsPerImage);
    }

    /// <summary>A permutation that depends only on the seed and the epoch, so a resumed run shuffles as the original did.</summary>
    static long[] ShuffledOrder(int count, int seed, int epoch)
    {
        var order = new long[count];
        for (int i = 0; i < count; i++) order[i] = i;
        new Random(unchecked(seed * 100_003 + epoch)).Shuffle(order); // not HashCode: it is salted per process
        return order;
    }
}
