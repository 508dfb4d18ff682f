using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Lab;
using SpectralLab.Web.Components.Runs;

namespace SpectralLab.Tests.Web.Components;

public sealed class SideBySidePicturesTests : LabComponentTest
{
    /// <summary>Pictures told apart by their bytes: which run, which epoch, which picture.</summary>
    static byte[] Picture(long run, int epoch, int which) => [(byte)run, (byte)epoch, (byte)which];

    /// <summary>A run with <paramref name="epochs"/> ended epochs, each with its epoch-end snapshot of two spectral layers.</summary>
    RunEpochs StoredRun(int epochs, double learningRate)
    {
        long id = Store.CreateRun(new RunInfo(0, new TrainingOptions { Model = "spectral-gaussian", LearningRate = learningRate, Epochs = epochs },
            "Spectral", 19_553, "MNIST", 40, 10, 4, DateTimeOffset.UtcNow));
        for (int e = 1; e <= epochs; e++)
        {
            var snapshot = Snapshot(4 * e, layers: 2, filters: 4);
            snapshot = snapshot with
            {
                Epoch = e, EpochEnd = true, ReconstructionPng = Picture(id, e, 0),
                Layers = snapshot.Layers.Select(l => l with { FiltersPng = Picture(id, e, l.Layer + 1) }).ToList(),
            };
            Store.Append(id, [], new EpochRecord(e, 0.2, 0.1, 1), snapshot);
        }
        return new RunEpochs(Store.Find(id)!, Store.Epochs(id));
    }

    IRenderedComponent<SideBySidePictures> Pictures(params RunEpochs[] runs) =>
        Render<SideBySidePictures>(p => p.Add(c => c.Runs, runs).Add(c => c.Labels, ComparisonLabels.Of(runs.Select(r => r.Run).ToList())));

    static IReadOnlyList<string?> Sources(IRenderedComponent<SideBySidePictures> page) =>
        page.FindAll("[data-testid=side-pictures] img").Select(i => i.GetAttribute("src")).ToList();

    static IReadOnlyList<string> Expected(long left, long right, int epoch) =>
        new[] { left, right }.SelectMany(run => Enumerable.Range(0, 3).Select(which => SnapshotImages.DataUri(Picture(run, epoch, which)))).ToList();

    [Fact]
    public void Render_TwoRuns_TheirPicturesAtTheLastEpochBothEndedSideBySide()
    {
        var (three, five) = (StoredRun(3, 0.001), StoredRun(5, 100));

        var page = Pictures(three, five);

        page.WaitForAssertion(() => Assert.Equal(Expected(three.Run.Id, five.Run.Id, 3), Sources(page)));
        Assert.Equal(["1", "2", "3"], page.FindAll("[data-testid=pictures-epoch] option").Select(o => o.TextContent)); // bounded to the epochs both reached
        var headings = page.FindAll("[data-testid=side-pictures] .mud-typography-subtitle2").Select(h => h.TextContent).ToList();
        Assert.Equal([$"run {three.Run.Id} · spectral-gaussian · lr 0.001 · 3 epochs · end of epoch 3", $"run {five.Run.Id} · spectral-gaussian · lr 100 · 5 epochs · end of epoch 3"], headings);
    }

    [Fact]
    public void ChooseEpoch_AnEarlierOne_ShowsBothRunsPicturesOfThatEpoch()
    {
        var (first, second) = (StoredRun(2, 0.001), StoredRun(2, 100));
        var page = Pictures(first, second);
        page.WaitForAssertion(() => Assert.Equal(6, Sources(page).Count));

        page.Find("[data-testid=pictures-epoch]").Change("1");

        page.WaitForAssertion(() => Assert.Equal(Expected(first.Run.Id, second.Run.Id, 1), Sources(page)));
    }

    [Fact]
    public void ChooseRuns_ThirdRunOnTheLeft_ShowsItsPictures()
    {
        var (a, b, c) = (StoredRun(1, 0.001), StoredRun(1, 0.01), StoredRun(1, 0.1));
        var page = Pictures(a, b, c);
        page.WaitForAssertion(() => Assert.Equal(Expected(a.Run.Id, b.Run.Id, 1), Sources(page)));

        page.Find("[data-testid=pictures-left]").Change(c.Run.Id.ToString());

        page.WaitForAssertion(() => Assert.Equal(Expected(c.Run.Id, b.Run.Id, 1), Sources(page)));
    }

    [Fact]
    public void Render_OneRun_AsksForASecond()
    {
        var page = Pictures(StoredRun(1, 0.001));

        Assert.Contains("Tick a second run", page.Find("[data-testid=pictures-need-two]").TextContent);
    }

    [Fact]
    public void Render_UnreadableStore_ShowsTheStoresSentenceInsteadOfPictures()
    {
        var (first, second) = (StoredRun(1, 0.001), StoredRun(1, 100));
        Services.AddSingleton<IRunQueries>(new UnreadableRunQueries());

        var page = Pictures(first, second);

        page.WaitForAssertion(() => Assert.Equal(UnreadableRunQueries.Problem, page.Find("[data-testid=store-problem]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=side-pictures]"));
    }
}
