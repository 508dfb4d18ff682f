using SpectralLab.Core.Lab;

namespace SpectralLab.Web.Components.Lab;

/// <summary>
/// Turns a run's kept loss buckets into the few hundred points a chart needs. The raw series keeps each group's lowest
/// and highest loss, so the noise band survives thinning; the means are each group's mean loss, which the chart smooths.
/// </summary>
public static class LossSeries
{
    public static IReadOnlyList<(double Step, double Loss)> RawEnvelope(IReadOnlyList<LossBucket> buckets, int groups)
    {
        var points = new List<(double, double)>(2 * Math.Min(groups, buckets.Count));
        foreach (var group in Groups(buckets, groups))
        {
            points.Add(group.LowStep <= group.HighStep ? (group.LowStep, group.Low) : (group.HighStep, group.High));
            if (group.LowStep != group.HighStep)
                points.Add(group.LowStep <= group.HighStep ? (group.HighStep, group.High) : (group.LowStep, group.Low));
        }
        return points;
    }

    /// <summary>Each group's last step and the mean loss of its steps: the points the chart's smoothing averages.</summary>
    public static IReadOnlyList<(double Step, double Loss)> Means(IReadOnlyList<LossBucket> buckets, int groups) =>
        Groups(buckets, groups).Select(group => ((double)group.Step, group.Mean)).ToList();

    /// <summary>The buckets merged into at most <paramref name="groups"/> consecutive groups of nearly equal size.</summary>
    static IEnumerable<LossBucket> Groups(IReadOnlyList<LossBucket> buckets, int groups)
    {
        int count = Math.Min(groups, buckets.Count);
        for (int g = 0; g < count; g++)
        {
            int start = (int)((long)g * buckets.Count / count), end = (int)((long)(g + 1) * buckets.Count / count);
            var group = buckets[start];
            for (int i = start + 1; i < end; i++) group = group.Then(buckets[i]);
            yield return group;
        }
    }
}
