using System.Collections;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// Consecutive steps folded into one point of the loss curve: the lowest and highest loss among them (so the noise band
/// survives thinning), the last step itself, and the smoothed loss after it. <see cref="Step"/>, <see cref="Loss"/> and
/// <see cref="Epoch"/> are the last step's.
/// </summary>
public readonly record struct LossBucket(int FirstStep, StepRecord Last, int LowStep, double Low, int HighStep, double High, double Smoothed)
{
    public int Step => Last.Step;
    public double Loss => Last.Loss;
    public int Epoch => Last.Epoch;

    public static LossBucket Of(StepRecord step, double smoothed) => new(step.Step, step, step.Step, step.Loss, step.Step, step.Loss, smoothed);

    /// <summary>This bucket followed by <paramref name="next"/>, as one.</summary>
    public LossBucket Then(LossBucket next) => new(FirstStep, next.Last,
        next.Low < Low ? next.LowStep : LowStep, Math.Min(Low, next.Low),
        next.High > High ? next.HighStep : HighStep, Math.Max(High, next.High), next.Smoothed);
}

/// <summary>
/// A run's per-step losses in at most <see cref="Capacity"/> buckets, however long the run: every step at first, and
/// each time the buckets fill up, neighbours merge in pairs, so a bucket spans twice as many steps as before. The
/// smoothed loss is an exponential moving average over every step, bias-corrected so the first points are not dragged
/// towards zero.
/// </summary>
public sealed class StepSeries : IReadOnlyList<LossBucket>
{
    public const double Smoothing = 0.98; // ≈ the last 50 steps

    readonly List<LossBucket> buckets;
    int width = 1; // steps per bucket
    double average, weight; // the moving average and how much of it is real rather than its zero start

    public StepSeries(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
        buckets = new List<LossBucket>(capacity);
    }

    public int Capacity { get; }

    /// <summary>How many steps have been added, however many buckets they fill.</summary>
    public int TotalSteps { get; private set; }

    public StepRecord? Last => buckets.Count > 0 ? buckets[^1].Last : null;

    public int Count => buckets.Count;

    public LossBucket this[int index] => buckets[index];

    public void Add(StepRecord step)
    {
        average = Smoothing * average + (1 - Smoothing) * step.Loss;
        weight = Smoothing * weight + (1 - Smoothing);
        var point = LossBucket.Of(step, average / weight);
        TotalSteps++;
        if (buckets.Count > 0 && buckets[^1].Last.Step - buckets[^1].FirstStep + 1 < width)
        {
            buckets[^1] = buckets[^1].Then(point);
            return;
        }
        if (buckets.Count == Capacity) MergePairs();
        buckets.Add(point);
    }

    public void AddRange(IEnumerable<StepRecord> steps)
    {
        foreach (var step in steps) Add(step);
    }

    public void Clear()
    {
        buckets.Clear();
        (width, average, weight, TotalSteps) = (1, 0, 0, 0);
    }

    /// <summary>A copy that goes on independently, for a new subscriber.</summary>
    public StepSeries Copy()
    {
        var copy = new StepSeries(Capacity) { width = width, average = average, weight = weight, TotalSteps = TotalSteps };
        copy.buckets.AddRange(buckets);
        return copy;
    }

    void MergePairs()
    {
        int kept = 0;
        for (int i = 0; i < buckets.Count; i += 2)
            buckets[kept++] = i + 1 < buckets.Count ? buckets[i].Then(buckets[i + 1]) : buckets[i];
        buckets.RemoveRange(kept, buckets.Count - kept);
        width *= 2;
    }

    public IEnumerator<LossBucket> GetEnumerator() => buckets.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
