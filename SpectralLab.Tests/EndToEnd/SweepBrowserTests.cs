using Microsoft.Playwright;
using SpectralLab.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SpectralLab.Tests.EndToEnd;

/// <summary>The sweep page in Debian's Chromium against the lab served by Kestrel: a grid queued, followed and summarised.</summary>
[Collection(TorchCollection.Name)]
public sealed class SweepBrowserTests
{
    [Fact]
    public async Task Sweep_OneModelTwoSeeds_QueueFollowsItLiveAndTheSeedsGiveMeanAndStd()
    {
        await using var lab = await LabProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.OpenAsync(browser, new Uri(lab.Address, "sweep"));

        await page.GetByTestId("sweep-model-spectral-gaussian").SetCheckedAsync(false);
        await page.GetByTestId("sweep-seeds").FillAsync("1, 2");
        await page.GetByTestId("sweep-train-size").FillAsync("256");
        await Expect(page.GetByTestId("sweep-run-count")).ToContainTextAsync("2 runs");
        await page.GetByTestId("sweep-start").ClickAsync();

        var rows = page.GetByTestId("sweep-queue-row");
        await Expect(rows).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(rows.Nth(0).Locator("a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/runs/\d+$"));
        await Expect(rows.Nth(1)).ToContainTextAsync("completed", new() { Timeout = 120_000 }); // followed live, no reload
        await Expect(rows.Nth(0)).ToContainTextAsync("completed");
        await Expect(page.GetByTestId("sweep-seeds-table").Locator("tbody tr")).ToContainTextAsync(" ± ");
    }
}
