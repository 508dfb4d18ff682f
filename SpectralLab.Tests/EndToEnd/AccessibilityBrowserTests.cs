using System.Text.Json;
using Microsoft.Playwright;
using SpectralLab.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SpectralLab.Tests.EndToEnd;

/// <summary>
/// Every page of the real lab, with a stored spectral run to show, scanned by axe-core and the lab's own rules (one h1,
/// a main landmark, nothing overflowing or cut at 390 px), and the filter gallery driven by keyboard.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class AccessibilityBrowserTests
{
    [Fact]
    public async Task EveryPage_DuringAndAfterARun_HasNoSeriousViolationAndFitsAPhone()
    {
        await using var lab = await LabProcess.StartAsync(new Dictionary<string, string> { ["SpectralLab__SnapshotSeconds"] = "1" });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        await Axe.AssertPageAccessibleAsync(browser, lab.Address, "/");
        var page = await Browser.OpenAsync(browser, lab.Address);
        await StartShortRunAsync(page, epochs: 2);
        await Expect(page.GetByTestId("training-status")).ToHaveTextAsync("Training");
        await Expect(page.GetByTestId("filter-gallery").Locator("button")).ToHaveCountAsync(64, new() { Timeout = 30_000 });
        await Axe.AssertAccessibleAsync(page, "/ while training"); // the Stop button, the Training chip, the moving bars

        long run = await WaitForStoredRunAsync(lab);
        await Expect(page.GetByTestId("training-status")).ToHaveTextAsync("Completed");
        await Axe.AssertAccessibleAsync(page, "/ after the run");
        foreach (string path in new[] { "/runs", $"/runs/{run}", "/sweep", "/playground", "/flexibility", "/error" })
            await Axe.AssertPageAccessibleAsync(browser, lab.Address, path);
    }

    [Fact]
    public async Task FilterGallery_ArrowsMoveBetweenFilters_EscapeClosesTheInspectorAndReturnsToTheFilter()
    {
        await using var lab = await LabProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.OpenAsync(browser, lab.Address);
        await StartShortRunAsync(page, epochs: 1);
        await WaitForStoredRunAsync(lab);
        var tiles = page.GetByTestId("filter-gallery").Locator("button");
        await Expect(tiles).ToHaveCountAsync(64, new() { Timeout = 30_000 });

        // One tab stop per layer: the first filter of each.
        await Expect(page.Locator("[data-testid=filter-gallery] button[tabindex='0']")).ToHaveCountAsync(2);
        await tiles.Nth(32).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(tiles.Nth(32 + 1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown"); // layer 2 has 32 filters in 8 columns
        await Expect(tiles.Nth(32 + 9)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("filter-inspector")).ToContainTextAsync("Layer 2, filter 9");
        await Expect(tiles.Nth(32 + 9)).ToBeInViewportAsync();
        await Axe.AssertAccessibleAsync(page, "/ with the filter inspector open");

        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("filter-inspector")).ToHaveCountAsync(0);
        await Expect(tiles.Nth(32 + 9)).ToBeFocusedAsync();
    }

    static async Task StartShortRunAsync(IPage page, int epochs)
    {
        await page.GetByTestId("train-size").FillAsync("512");
        await page.GetByTestId("epochs").FillAsync(epochs.ToString());
        await page.GetByTestId("train-size").PressAsync("Tab");
        await page.GetByTestId("start").ClickAsync();
    }

    /// <summary>Waits until the store records the lab's one run as ended; returns its number.</summary>
    static async Task<long> WaitForStoredRunAsync(LabProcess lab)
    {
        using var http = new HttpClient { BaseAddress = lab.Address };
        string runs = "no answer yet";
        long number = 0;
        await Eventually.WaitUntilAsync(async () =>
        {
            var run = JsonDocument.Parse(runs = await http.GetStringAsync("/api/runs")).RootElement.EnumerateArray().SingleOrDefault();
            if (run.ValueKind != JsonValueKind.Object || run.GetProperty("status").GetString() is "Training" or "Stopping") return false;
            number = run.GetProperty("id").GetInt64();
            return true;
        }, TimeSpan.FromSeconds(120), () => $"GET /api/runs answered {runs}", "the store to record the run's end", poll: TimeSpan.FromMilliseconds(250));
        return number;
    }
}
