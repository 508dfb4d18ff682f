using System.Diagnostics;

namespace SpectralLab.Core.Flexibility;

/// <summary>
/// Fits every family to every target, cell by cell, reporting each as it finishes. Runs synchronously on the calling
/// thread, which must be one that may own tensors (a worker of its own, never a UI or request thread). Within a kind
/// (Gaussians, per convention) each size starts from the one before, so a mixture of K is never worse than K − 1.
/// </summary>
public static class FlexibilityAnalysis
{
    /// <param name="progress">Called with the report after each cell, on this thread.</param>
    public static FlexibilityReport Run(string key, IReadOnlyList<FlexibilityTarget> targets, IReadOnlyList<FamilyChoice> families,
        float[] digit, FitSettings settings, Action<FlexibilityReport>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var fitter = new FamilyFitter(settings);
        var cells = new List<FlexibilityCell>();
        FlexibilityReport Report(bool complete) =>
            new(key, targets, [.. families.Select(f => f.Key)], [.. cells], digit, settings, clock.Elapsed.TotalSeconds, complete);
        for (int t = 0; t < targets.Count; t++)
        {
            var target = targets[t].Response;
            var filtered = FilteredDigit.Apply(digit, target);
            var fitted = new Dictionary<FamilyChoice, FamilyFit>();
            for (int f = 0; f < families.Count; f++)
            {
                cancellation.ThrowIfCancellationRequested();
                var choice = families[f];
                var smaller = choice with { Size = choice.Size - 1 };
                var fit = fitter.Fit(choice, target, settings.Seed * 1_000_003 + t * 101 + f,
                    choice.Kind == FamilyKind.Gaussian ? fitted.GetValueOrDefault(smaller) : null);
                fitted[choice] = fit;
                double psnr = FilteredDigit.Psnr(filtered, FilteredDigit.Apply(digit, fit.Response));
                cells.Add(new FlexibilityCell(t, choice.Key, fit.Residual, choice.ParameterCount(new(target.Height, target.Width)), psnr, fit.Response,
                    choice.Unscaled(fit.Parameters, target.Norm())));
                progress?.Invoke(Report(false));
            }
        }
        return Report(true);
    }
}
