using System.Collections;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// Consecutive steps folded into one point of the loss curve: the lowest and highest loss among them (so the noise band
/// survives thinning), their sum and count (so their mean does), and the last step itself. <see cref="Step"/>,
/// <see cref="Loss"/> and <see cref="Epoch"/> are the last step's.
/// </summary>
public readonly record struct LossBucket(int FirstStep, StepRecord Last, int LowStep, double Low, int HighStep, double High, double Sum, int Count)
{
    public int Step => Last.Step;
    public double Loss => Last.Loss;
    public int Epoch => Last.Epoch;

    /// <summary>The mean loss of the bucket's steps.</summary>
    public double Mean => Sum / Count;

    public static LossBucket Of(StepRecord step) => new(step.Step, step, step.Step, step.Loss, step.Step, step.Loss, step.Loss, 1);

    /// <summary>This bucket followed by <paramref name="next"/>, as one.</summary>
    public LossBucket Then(LossBucket next) => new(FirstStep, next.Last,
        next.Low < Low ? next.LowStep : LowStep, Math.Min(Low, next.Low),
        next.High > High ? next.HighStep : HighStep, Math.Max(High, next.High), Sum + next.Sum, Count + next.Count);
}

/// <summary>
/// A run's per-step losses in at most <see cref="Capacity"/> buckets, however long the run: every step at first, and
/// each time the buckets fill up, neighbours merge in pairs, so a bucket spans twice as many steps as before. The charts
/// smooth the buckets' means as the viewer asks (TensorBoard's debiased moving average).
/// </summary>
public sealed class StepSeries : IReadOnlyList<LossBucket>
{
    readonly List<LossBucket> buckets;
    int width = 1; // steps per bucket

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
        var point = LossBucket.Of(step);
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
        (width, TotalSteps) = (1, 0);
    }

    /// <summary>A copy that goes on independently, for a new subscriber.</summary>
    public StepSeries Copy()
    {
        var copy = new StepSeries(Capacity) { width = width, TotalSteps = TotalSteps };
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
