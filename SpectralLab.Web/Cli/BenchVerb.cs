using System.CommandLine;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runtime;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>`bench`: median milliseconds per training step and what they amount to, per model, measured in one run.</summary>
static class BenchVerb
{
    public static Command Create(CliConsole console)
    {
        var model = new Option<string?>("--model") { Description = $"Only this model ({ModelCatalog.Names}); all when omitted." };
        var threads = TrainingOptionSet.ThreadsOption();
        var steps = new Option<int>("--steps") { Description = "Timed training steps per model, after warm-up.", DefaultValueFactory = _ => 30 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed steps first, so caches and allocators settle.", DefaultValueFactory = _ => 5 };
        var batch = TrainingOptionSet.BatchOption();
        var json = new Option<bool>("--json") { Description = "One JSON object per model." };
        var memory = new Option<bool>("--memory") { Description = "Measure each model's training memory per image instead of its speed." };
        var playground = new Option<bool>("--playground") { Description = "Time filter-playground updates (--steps of them) instead of training steps." };
        var command = new Command("bench", "Time training steps and evaluation of each model on this machine.") { model, threads, steps, warmup, batch, json, memory, playground };
        command.SetAction(result => result.GetValue(memory)
            ? Memory(console, result.GetValue(model), result.GetValue(threads))
            : result.GetValue(playground)
            ? Playground(console, result.GetValue(threads), result.GetValue(steps), result.GetValue(warmup), result.GetValue(json))
            : Run(console, result.GetValue(model), result.GetValue(threads), result.GetValue(steps), result.GetValue(warmup), result.GetValue(batch), result.GetValue(json)));
        return command;
    }

    /// <summary>The models named by --model (all when omitted), or null when the name is unknown.</summary>
    static IReadOnlyList<ModelDescriptor>? Models(string? name) => name is null ? ModelCatalog.All : ModelCatalog.Find(name) is { } one ? [one] : null;

    static int Memory(CliConsole console, string? name, int threads)
    {
        if (Models(name) is not { } models) return console.Fail($"--model: Unknown model '{name}'; choose one of {ModelCatalog.Names}.");
        TorchThreads.Configure(threads);
        foreach (var descriptor in models)
            console.Out.WriteLine($"{descriptor.Name,-30} {BatchMemoryProbe.BytesPerImage(descriptor) / 1024,8:F0} KB per image");
        return ExitCodes.Success;
    }

    static int Playground(CliConsole console, int threads, int updates, int warmup, bool json)
    {
        if (updates < 1) return console.Fail($"--steps must be at least 1 (got {updates}).");
        if (warmup < 0) return console.Fail($"--warmup must be 0 or more (got {warmup}).");
        var data = new LabDataset(null);
        if (data.Data is not { } dataset) return console.Fail(data.Problem!);
        TorchThreads.Configure(threads);
        foreach (var t in PlaygroundBenchmark.Run(dataset, updates, warmup))
        {
            if (json) console.WriteJson(t);
            else console.Out.WriteLine($"{t.Filter,-24} median {t.MedianMs,6:F2} ms, p90 {t.P90Ms,6:F2} ms, max {t.MaxMs,6:F2} ms over {t.Updates} updates");
        }
        return ExitCodes.Success;
    }

    static int Run(CliConsole console, string? name, int threads, int steps, int warmup, int batch, bool json)
    {
        if (steps < 1) return console.Fail($"--steps must be at least 1 (got {steps}).");
        if (warmup < 0) return console.Fail($"--warmup must be 0 or more (got {warmup}).");
        if (batch < 1) return console.Fail($"--batch must be at least 1 (got {batch}).");
        if (Models(name) is not { } models) return console.Fail($"--model: Unknown model '{name}'; choose one of {ModelCatalog.Names}.");

        TorchThreads.Configure(threads);
        if (!json)
            console.Out.WriteLine($"{"model",-30} {"params",8} {"ms/step",8} {"img/s",8} {"eval img/s",10} {"GFLOP/step",10} {"GFLOP/s",8} {"peak RSS",9}");
        foreach (var descriptor in models)
        {
            var r = Benchmark.Run(descriptor, batch, steps, warmup);
            if (json) console.WriteJson(r);
            else
                console.Out.WriteLine($"{r.Model,-30} {r.Parameters,8:N0} {r.MedianStepMs,8:F1} {r.TrainImagesPerSecond,8:F0} {r.EvalImagesPerSecond,10:F0} " +
                    $"{r.TrainingStepFlops / 1e9,10:F2} {r.GigaflopsPerSecond,8:F1} {r.PeakRssBytes / 1048576.0,6:F0} MB");
        }
        return ExitCodes.Success;
    }
}
