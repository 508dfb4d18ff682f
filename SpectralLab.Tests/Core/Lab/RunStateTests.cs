using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Core.Lab;

public sealed class RunStateTests
{
    const int Epochs = 50, StepsPerEpoch = 469, SnapshotEvery = 20; // full MNIST at batch 128, a snapshot every ~2 s

    static readonly RunStateLimits Limits = new(Snapshots: 48, LossPoints: 1024, PictureSets: 4);

    static RunInfo Run() => new(1, new TrainingOptions { Epochs = Epochs }, "Spectral encoder (Gaussian)", 19_553, "MNIST", 60_000, 10_000, StepsPerEpoch, DateTimeOffset.UtcNow);

    static double LossAt(int step) => 0.1 + 0.6 / Math.Sqrt(step) + 0.02 * Math.Sin(step * 0.7); // falling, with noise

    static Snapshot Shot(int step, int epoch, bool epochEnd) => new(step, epoch, epochEnd, DateTimeOffset.UtcNow, [(byte)step], []);

    /// <summary>A 50-epoch run as the training thread publishes it: every step, a snapshot every 20 steps and at each epoch end.</summary>
    public static IEnumerable<LabEvent> FiftyEpochRun()
    {
        yield return new RunStarted(Run());
        yield return new SnapshotTaken(Shot(0, 0, epochEnd: false));
        int step = 0;
        for (int epoch = 1; epoch <= Epochs; epoch++)
        {
            for (int inEpoch = 1; inEpoch <= StepsPerEpoch; inEpoch++)
            {
                step++;
                yield return new StepRecorded(new StepRecord(epoch, step, inEpoch, StepsPerEpoch, LossAt(step), 60));
                if (step % SnapshotEvery == 0) yield return new SnapshotTaken(Shot(step, epoch, epochEnd: false));
            }
            yield return new EpochRecorded(new EpochRecord(epoch, 0.1, 0.09, 30));
            yield return new SnapshotTaken(Shot(step, epoch, epochEnd: true));
        }
        yield return new StateChanged(TrainingState.Completed, "Completed 50 epochs.");
    }

    [Fact]
    public void Hub_FiftyEpochRun_HoldsNoMoreThanItsBoundsAtAnyMoment()
    {
        var hub = new LiveHub(Limits);
        int snapshotsPublished = 0, mostSnapshots = 0, mostBuckets = 0;

        foreach (var labEvent in FiftyEpochRun())
        {
            hub.Publish(labEvent);
            if (labEvent is not SnapshotTaken) continue;
            snapshotsPublished++;
            var history = hub.History();
            (mostSnapshots, mostBuckets) = (Math.Max(mostSnapshots, history.Snapshots.Count), Math.Max(mostBuckets, history.Steps.Count));
        }

        var end = hub.History();
        Assert.True(snapshotsPublished > 1_000, $"{snapshotsPublished} snapshots published");
        Assert.InRange(mostSnapshots, 2, Limits.Snapshots);
        Assert.InRange(mostBuckets, 2, Limits.LossPoints);
        Assert.Equal((Epochs * StepsPerEpoch, Epochs * StepsPerEpoch), (end.Steps.TotalSteps, end.Steps.Last!.Step));
        Assert.Equal((0, Epochs * StepsPerEpoch), (end.Snapshots[0].Step, end.Snapshots[^1].Step));
        Assert.Equal(Epochs, end.Epochs.Count);
        Assert.Equal(TrainingState.Completed, end.State);
    }

    [Fact]
    public void StepSeries_ManyMerges_MatchesADirectComputationOverEveryStep()
    {
        var series = new StepSeries(capacity: 64);
        var losses = Enumerable.Range(1, 10_000).Select(LossAt).ToArray();
        for (int i = 0; i < losses.Length; i++) series.Add(new StepRecord(1, i + 1, i + 1, losses.Length, losses[i], 1));

        Assert.InRange(series.Count, 32, 64);
        Assert.Equal(1, series[0].FirstStep);
        int next = 1;
        foreach (var bucket in series)
        {
            Assert.Equal(next, bucket.FirstStep); // the buckets tile the run, no step lost or counted twice
            var covered = losses[(bucket.FirstStep - 1)..bucket.Step];
            Assert.Equal((covered.Min(), covered.Max()), (bucket.Low, bucket.High));
            Assert.Equal((covered.Min(), covered.Max()), (losses[bucket.LowStep - 1], losses[bucket.HighStep - 1]));
            Assert.Equal(covered.Length, bucket.Count);
            Assert.Equal(covered.Average(), bucket.Mean, 1e-12);
            next = bucket.Step + 1;
        }
        Assert.Equal(losses.Length + 1, next);
    }

    [Fact]
    public void Apply_HistoryThenLiveEvents_GivesTheSameStateAsTheHub()
    {
        var hub = new LiveHub(Limits);
        var events = FiftyEpochRun().ToList();
        int joinAt = events.Count / 3;
        foreach (var labEvent in events.Take(joinAt)) hub.Publish(labEvent);
        var tab = new RunState(Limits);
        tab.Apply(hub.History());

        foreach (var labEvent in events.Skip(joinAt))
        {
            hub.Publish(labEvent);
            tab.Apply(labEvent);
        }

        var end = hub.History();
        Assert.Equal(end.Steps.Select(b => (b.FirstStep, b.Step, b.Low, b.High)), tab.Steps.Select(b => (b.FirstStep, b.Step, b.Low, b.High)));
        Assert.Equal(end.Snapshots.Select(s => s.Step), tab.Snapshots.Select(s => s.Step));
        Assert.Equal((end.State, end.Epochs.Count), (tab.State, tab.Epochs.Count));
    }
}
