using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Tests.Support;
using SpectralLab.Tests.Web.Cli;
using SpectralLab.Web.Cli;
using static Microsoft.Playwright.Assertions;
using static SpectralLab.Web.Components.Runs.RunFigures;

namespace SpectralLab.Tests.EndToEnd;

/// <summary>Two runs differing only in learning rate, told apart, compared, run again and taken away, in Chromium against the real lab.</summary>
[Collection(TorchCollection.Name)]
public sealed class ComparisonBrowserTests
{
    const int TrainImages = 256, BatchSize = 32, Steps = TrainImages / BatchSize;

    [Fact]
    public async Task TwoRunsDifferingInLearningRate_ListedComparedRunAgainAndTheirStepsDownloaded()
    {
        using var data = new TempDirectory();
        using var state = new TempDirectory();
        IdxFiles.WriteDataset(data.Path, train: TrainImages, test: 32, height: 28, width: 28);
        foreach (string rate in new[] { "0.001", "0.01" })
        {
            var (code, output, error) = VerbsTests.Run("train", "--model", "spectral-gaussian", "--epochs", "1", "--batch", $"{BatchSize}", "--lr", rate,
                "--data", data.Path, "--state", state.Path);
            Assert.True(code == ExitCodes.Success, output + error);
        }
        var store = new SqliteRunStore(state.File(LabOptions.DatabaseFile));
        var (slow, fast) = (store.List().Single(r => r.Options.LearningRate == 0.001).Id, store.List().Single(r => r.Options.LearningRate == 0.01).Id);
        string[] finals = [.. new[] { slow, fast }.Select(id => Loss(store.Epochs(id)[^1].ValidationLoss))];
        SqliteConnection.ClearAllPools();

        await using var lab = await LabProcess.StartAsync(new Dictionary<string, string> { ["SpectralLab__DataDirectory"] = data.Path }, state.Path);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.OpenAsync(browser, new Uri(lab.Address, "/runs"));

        await Expect(page.GetByTestId("run-learning-rate")).ToHaveTextAsync(["0.01", "0.001"]); // newest first
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Compare run {slow}" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Compare run {fast}" }).CheckAsync();

        var table = page.GetByTestId("comparison-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(table.Locator("tbody tr").Nth(0)).ToContainTextAsync($"run {slow} · spectral-gaussian · lr 0.001");
        await Expect(table.Locator("tbody tr").Nth(1)).ToContainTextAsync($"run {fast} · spectral-gaussian · lr 0.01");
        await Expect(table.GetByTestId("final-validation")).ToHaveTextAsync(finals);
        await Expect(page.GetByTestId("side-pictures")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("side-filters")).ToHaveCountAsync(4); // two spectral layers a run
        await Axe.AssertAccessibleAsync(page, "/runs comparing two runs");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Run again: run {fast}'s settings in the form" }).ClickAsync();
        await Expect(page.GetByTestId("learning-rate")).ToHaveValueAsync("0.01", new() { Timeout = 30_000 });

        var runPage = await Browser.OpenAsync(browser, new Uri(lab.Address, $"/runs/{fast}"));
        var download = await runPage.RunAndWaitForDownloadAsync(() => runPage.GetByTestId("steps-csv").ClickAsync());
        string[] lines = File.ReadAllLines((await download.PathAsync())!);
        Assert.Equal("step,epoch,loss,ms", lines[0]);
        Assert.Equal(Enumerable.Range(1, Steps), lines.Skip(1).Select(line => int.Parse(line.Split(',')[0], CultureInfo.InvariantCulture)));
    }
}
