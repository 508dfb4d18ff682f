using SpectralLab.Core.Training;

namespace SpectralLab.Web.Components.Lab;

/// <summary>
/// Turns the full loss history into the few hundred points a chart needs. The raw per-step series keeps each
/// bucket's lowest and highest loss, so the noise band survives thinning; the smoothed series is an exponential moving
/// average over every step, sampled at the bucket ends.
/// </summary>
public static class LossSeries
{
    public const double Smoothing = 0.98; // ≈ the last 50 steps

    public static IReadOnlyList<(double Step, double Loss)> RawEnvelope(IReadOnlyList<StepRecord> steps, int buckets)
    {
        if (steps.Count <= 2 * buckets) return steps.Select(s => ((double)s.Step, s.Loss)).ToList();
        var points = new List<(double, double)>(2 * buckets);
        for (int b = 0; b < buckets; b++)
        {
            int start = (int)((long)b * steps.Count / buckets), end = (int)((long)(b + 1) * steps.Count / buckets);
            int low = start, high = start;
            for (int i = start; i < end; i++)
            {
                if (steps[i].Loss < steps[low].Loss) low = i;
                if (steps[i].Loss > steps[high].Loss) high = i;
            }
            foreach (int i in low < high ? [low, high] : new[] { high, low }) points.Add((steps[i].Step, steps[i].Loss));
        }
        return points;
    }

    public static IReadOnlyList<(double Step, double Loss)> Smoothed(IReadOnlyList<StepRecord> steps, int buckets)
    {
        var points = new List<(double, double)>();
        double average = 0;
        int every = Math.Max(1, steps.Count / buckets);
        for (int i = 0; i < steps.Count; i++)
        {
            // Bias-corrected, so the first points are not dragged towards zero.
            average = Smoothing * average + (1 - Smoothing) * steps[i].Loss;
            double corrected = average / (1 - Math.Pow(Smoothing, i + 1));
            if (i % every == every - 1 || i == steps.Count - 1) points.Add((steps[i].Step, corrected));
        }
        return points;
    }
}
