using System.Diagnostics;
using SpectralLab.Core.Models;
using static TorchSharp.torch;

namespace SpectralLab.Core.Training;

/// <summary>What one model measured: medians over the timed steps, after warm-up.</summary>
public sealed record BenchResult(
    string Model, long Parameters, int Batch, int Threads, int Steps,
    double MedianStepMs, double TrainImagesPerSecond, double EvalImagesPerSecond,
    long? TrainingStepFlops, double? GigaflopsPerSecond, long PeakRssBytes);

/// <summary>
/// Times training steps the way the trainer takes them (Adam, binary cross-entropy, one dispose scope a step) on
/// fixed random images, so only the model's arithmetic differs between models. Evaluation is timed the way the
/// trainer evaluates: batches of 250 under no_grad.
/// </summary>
public static class Benchmark
{
    const int EvalBatch = 250, EvalBatches = 8;

    public static BenchResult Run(ModelDescriptor descriptor, int batch, int steps, int warmup, int height = 28, int width = 28)
    {
        manual_seed(1);
        using var model = descriptor.Create();
        using var optimizer = optim.Adam(model.parameters(), 0.001);
        using var images = rand(batch, 1, height, width);
        var times = new List<double>(steps);
        for (int i = 0; i < warmup + steps; i++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            Trainer.TrainOn(model, optimizer, images);
            if (i >= warmup) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        double median = Median(times);

        using var evalImages = rand(EvalBatch, 1, height, width);
        var evalTimes = new List<double>();
        using (no_grad())
        {
            model.eval();
            for (int i = 0; i < EvalBatches + 2; i++)
            {
                using var scope = NewDisposeScope();
                var clock = Stopwatch.StartNew();
                model.forward(evalImages).sum().item<float>();
                if (i >= 2) evalTimes.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        long? flops = model.ForwardFlops(batch, height, width) * Flops.TrainingStepPerForward;
        return new BenchResult(descriptor.Name, model.ParameterCount, batch, get_num_threads(), steps,
            median, batch / (median / 1000), EvalBatch / (Median(evalTimes) / 1000),
            flops, flops / (median / 1000) / 1e9, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
