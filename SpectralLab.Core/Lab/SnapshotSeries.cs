using System.Collections;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// A run's snapshots, at most <see cref="Capacity"/> of them however long the run: every one at first, then every
/// second, every fourth… counted from the run's first snapshot, so the kept ones stay evenly spread over the whole run;
/// the newest is always kept as well. Interval and epoch-end snapshots are treated alike.
/// </summary>
public sealed class SnapshotSeries : IReadOnlyList<Snapshot>
{
    readonly List<(int Number, Snapshot Snapshot)> kept;
    int stride = 1; // the kept ones are the snapshots numbered by a multiple of this, and the newest
    int added;

    public SnapshotSeries(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
        kept = new List<(int, Snapshot)>(capacity + 1);
    }

    public int Capacity { get; }

    public int Count => kept.Count;

    public Snapshot this[int index] => kept[index].Snapshot;

    public void Add(Snapshot snapshot)
    {
        if (kept.Count > 0 && kept[^1].Number % stride != 0) kept.RemoveAt(kept.Count - 1); // the previous newest, off the stride
        kept.Add((added++, snapshot));
        while (kept.Count > Capacity)
        {
            stride *= 2;
            kept.RemoveAll(k => k.Number % stride != 0 && k.Number != added - 1);
        }
    }

    public void AddRange(IEnumerable<Snapshot> snapshots)
    {
        foreach (var snapshot in snapshots) Add(snapshot);
    }

    /// <summary>A copy that goes on independently, for a new subscriber; the snapshots themselves are shared.</summary>
    public SnapshotSeries Copy()
    {
        var copy = new SnapshotSeries(Capacity) { stride = stride, added = added };
        copy.kept.AddRange(kept);
        return copy;
    }

    public IEnumerator<Snapshot> GetEnumerator() => kept.Select(k => k.Snapshot).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
