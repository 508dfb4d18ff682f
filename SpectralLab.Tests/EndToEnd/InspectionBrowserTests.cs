using Microsoft.Playwright;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SpectralLab.Tests.EndToEnd;

/// <summary>The filter playground and a run's activation maps, in Chromium against the real lab.</summary>
[Collection(TorchCollection.Name)]
public sealed class InspectionBrowserTests
{
    [Fact]
    public async Task Playground_ArrowRightOnASlider_RedrawsTheFilteredDigit()
    {
        await using var lab = await LabProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.OpenAsync(browser, new Uri(lab.Address, "/playground"));

        var slider = await PlaygroundSlider.ArrowRightRedrawsTheDigitAsync(page, "re.y0");

        await Expect(page.Locator($"output[for='{await slider.GetAttributeAsync("id")}']")).ToHaveTextAsync("0.01");
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await AssertFitsAsync(page, 390);
    }

    [Fact]
    public async Task RunPage_Activations_ShowEveryLayerAndASecondRunBesideThem()
    {
        using var state = new TempDirectory();
        var store = new SqliteRunStore(state.File(LabOptions.DatabaseFile));
        long spatial = StoredRuns.WithCheckpoint(store, "spatial");
        long spectral = StoredRuns.WithCheckpoint(store, "spectral-gaussian");
        foreach (var run in new[] { spatial, spectral }) store.SetStatus(run, TrainingState.Completed, null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var lab = await LabProcess.StartAsync(stateDirectory: state.Path);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.OpenAsync(browser, new Uri(lab.Address, $"/runs/{spatial}"));

        var columns = page.GetByTestId("activation-column");
        await Expect(columns).ToHaveCountAsync(1);
        await Expect(columns.First.Locator("img[alt*='after pooling']")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await page.GetByTestId("activation-compare").SelectOptionAsync(spectral.ToString());

        await Expect(columns).ToHaveCountAsync(2);
        await Expect(columns.Nth(1)).ToContainTextAsync($"Run {spectral} · spectral-gaussian · epoch 1", new() { Timeout = 30_000 });
        await Expect(columns.Nth(1).Locator("img[alt*='after the layer']")).ToHaveCountAsync(2);
        await page.SetViewportSizeAsync(390, 800);
        var section = await page.GetByTestId("activations").BoundingBoxAsync();
        Assert.True(section!.X + section.Width <= 390, $"the activations end at {section.X + section.Width} px at a 390 px viewport");
        Assert.True(await page.GetByTestId("activations").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "the activations scroll sideways");
    }

    /// <summary>At <paramref name="width"/> pixels the page scrolls only vertically.</summary>
    static async Task AssertFitsAsync(IPage page, int width)
    {
        await page.SetViewportSizeAsync(width, 800);
        int scrollWidth = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth} px wide at a {width} px viewport");
    }
}
