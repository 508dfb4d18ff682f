using System.Diagnostics;
using SpectralLab.Core.Data;
using SpectralLab.Core.Spectral;
using static TorchSharp.torch;

namespace SpectralLab.Core.Lab;

/// <summary>How long one playground update takes for one family's filter.</summary>
public sealed record PlaygroundTiming(string Filter, int Updates, double MedianMs, double P90Ms, double MaxMs);

/// <summary>
/// Times playground updates as the worker runs them (<see cref="PlaygroundRendering.Draw"/>): each update moves one
/// parameter a step, as a slider does, then builds, applies and draws the filter on the first test digit.
/// </summary>
public static class PlaygroundBenchmark
{
    public static IReadOnlyList<PlaygroundTiming> Run(Dataset data, int updates, int warmup)
    {
        var grid = new FrequencyGrid(data.Height, data.Width);
        var digit = data.Test.Pixels.AsSpan(0, data.Test.PixelsPerImage).ToArray().Select(p => p / 255f).ToArray();
        (string Name, FilterFamilyKind Kind, int Degree)[] filters =
        [
            ("Gaussian", FilterFamilyKind.Gaussian, 1),
            ($"mixture of {FilterPlaygroundService.MaxComponents}", FilterFamilyKind.Mixture, FilterPlaygroundService.MaxComponents),
            ($"polynomial of order {FilterPlaygroundService.MaxOrder}", FilterFamilyKind.Polynomial, FilterPlaygroundService.MaxOrder),
            ("free", FilterFamilyKind.Free, 1),
        ];
        return filters.Select(filter =>
        {
            var parameters = FilterSliders.Defaults(filter.Kind, filter.Degree, GridConvention.Published, grid);
            var times = new List<double>();
            for (int update = 0; update < warmup + updates; update++)
            {
                parameters[1] += 0.01f; // a slider moved one step
                var clock = Stopwatch.StartNew();
                using (NewDisposeScope())
                using (no_grad())
                    PlaygroundRendering.Draw(new FilterSpec(filter.Kind, filter.Degree, GridConvention.Published, [.. parameters]), digit, grid);
                if (update >= warmup) times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return new PlaygroundTiming(filter.Name, updates, times[times.Count / 2], times[(int)(0.9 * (times.Count - 1))], times[^1]);
        }).ToList();
    }
}
