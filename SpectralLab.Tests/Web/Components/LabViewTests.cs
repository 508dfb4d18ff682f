using SpectralLab.Core.Lab;
using SpectralLab.Tests.Core.Lab;
using SpectralLab.Web.Components.Lab;

namespace SpectralLab.Tests.Web.Components;

public sealed class LabViewTests
{
    [Fact]
    public void Tab_FiftyEpochRunWatchedAndScrubbed_KeepsItsSnapshotsAndPicturesWithinBounds()
    {
        var limits = new RunStateLimits(Snapshots: 48, LossPoints: 1024, PictureSets: 4);
        var view = new LabView(limits);
        int snapshots = 0, mostSnapshots = 0, mostPictures = 0;

        foreach (var labEvent in RunStateTests.FiftyEpochRun())
        {
            view.Apply(labEvent);
            if (labEvent is not SnapshotTaken) continue;
            snapshots++;
            _ = view.Latest; // the page draws the newest snapshot...
            _ = view.ImagesOf(view.Snapshots[snapshots % view.Snapshots.Count]); // ...and a user scrubs through the kept ones
            (mostSnapshots, mostPictures) = (Math.Max(mostSnapshots, view.Snapshots.Count), Math.Max(mostPictures, view.CachedPictureSets));
        }

        Assert.True(snapshots > 1_000);
        Assert.InRange(mostSnapshots, 2, limits.Snapshots);
        Assert.InRange(mostPictures, 2, limits.PictureSets);
        Assert.InRange(view.Steps.Count, 2, limits.LossPoints);
    }

    [Fact]
    public void ImagesOf_SameSnapshotAgain_ReturnsThePicturesMadeBefore()
    {
        var view = new LabView(new RunStateLimits(PictureSets: 2));
        var first = new SpectralLab.Core.Training.Snapshot(0, 0, false, DateTimeOffset.UtcNow, [1, 2, 3], []);
        var second = first with { Step = 1 };
        var third = first with { Step = 2 };

        var made = view.ImagesOf(first);
        view.ImagesOf(second);
        Assert.Same(made, view.ImagesOf(first)); // used again: kept, and now the most recent
        view.ImagesOf(third); // evicts the least recently used: second

        Assert.Same(made, view.ImagesOf(first));
        Assert.Equal(2, view.CachedPictureSets);
    }
}
