using Microsoft.Playwright;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SpectralLab.Tests.EndToEnd;

/// <summary>The runs comparison's chart in Chromium, drawn by plotly.js: hover values, the log-scale
/// switch, the SVG download, axe-core and a phone's width.</summary>
[Collection(TorchCollection.Name)]
public sealed class ChartBrowserTests
{
    const string Plot = "[data-testid=comparison-chart] .js-plotly-plot";

    [Fact]
    public async Task Comparison_TwoStoredRuns_HoverShowsAValueTheSwitchMakesTheLossAxisLogarithmicAndSvgDownloads()
    {
        using var state = new TempDirectory();
        var store = new SqliteRunStore(state.File(LabOptions.DatabaseFile));
        long slow = Stored(store, learningRate: 0.001, [0.30, 0.20, 0.15]);
        long fast = Stored(store, learningRate: 0.01, [0.25, 0.125, 0.0625]);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var lab = await LabProcess.StartAsync(stateDirectory: state.Path);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.OpenAsync(browser, new Uri(lab.Address, "/runs"));

        foreach (long run in new[] { slow, fast }) await page.GetByLabel($"Compare run {run}").CheckAsync();
        await Expect(page.Locator($"{Plot} .scatterlayer .trace")).ToHaveCountAsync(4, new() { Timeout = 30_000 }); // train and validation of each

        await page.Locator(Plot).ScrollIntoViewIfNeededAsync();
        // The second run's last point (epoch 3, 0.0625), where plotly.js drew it.
        var point = await page.EvaluateAsync<double[]>($$"""
            () => {
                const plot = document.querySelector('{{Plot}}'), box = plot.getBoundingClientRect();
                const x = plot._fullLayout.xaxis, y = plot._fullLayout.yaxis;
                return [box.left + x._offset + x.l2p(3), box.top + y._offset + y.l2p(0.0625)];
            }
            """);
        await page.Mouse.MoveAsync((float)point[0] - 20, (float)point[1] - 20);
        await page.Mouse.MoveAsync((float)point[0], (float)point[1], new() { Steps = 4 });
        await Expect(page.Locator($"{Plot} .hoverlayer .hovertext")).ToContainTextAsync("0.0625");

        Assert.Equal("linear", await YAxisTypeAsync(page));
        await page.GetByTestId("comparison-chart").GetByLabel("Log scale").CheckAsync();
        await Eventually.WaitUntilAsync(async () => await YAxisTypeAsync(page) == "log", TimeSpan.FromSeconds(10),
            () => "the loss axis stayed linear", "the loss axis to turn logarithmic");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("comparison-chart").GetByLabel("Download as SVG").ClickAsync());
        Assert.Equal("comparison-chart.svg", download.SuggestedFilename);
        using (var svg = new StreamReader(await download.CreateReadStreamAsync()))
            Assert.StartsWith("<svg", (await svg.ReadToEndAsync()).TrimStart());

        await Axe.AssertAccessibleAsync(page, "/runs comparing two runs");
    }

    static Task<string> YAxisTypeAsync(IPage page) => page.EvaluateAsync<string>($"() => document.querySelector('{Plot}').layout.yaxis.type");

    static long Stored(SqliteRunStore store, double learningRate, double[] validation)
    {
        long id = store.CreateRun(new RunInfo(0, new TrainingOptions { Model = "spatial", Epochs = validation.Length, LearningRate = learningRate },
            "Spatial baseline", 28_353, "MNIST", 1_024, 256, 8, DateTimeOffset.UtcNow));
        for (int e = 1; e <= validation.Length; e++) store.Append(id, [], new EpochRecord(e, validation[e - 1] + 0.01, validation[e - 1], 3));
        store.SetStatus(id, TrainingState.Completed, null);
        return id;
    }
}
