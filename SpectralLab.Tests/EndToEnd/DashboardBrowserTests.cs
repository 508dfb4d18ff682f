using System.Text.Json;
using Microsoft.Playwright;
using SpectralLab.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SpectralLab.Tests.EndToEnd;

/// <summary>The dashboard in Debian's Chromium, driven by Playwright, against the lab served by Kestrel.</summary>
[Collection(TorchCollection.Name)]
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task SpectralRun_StartWatchAndStop_TwoTabsAgree()
    {
        await using var lab = await LabProcess.StartAsync(new Dictionary<string, string> { ["SpectralLab__SnapshotSeconds"] = "1" });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var first = await Browser.OpenAsync(browser, lab.Address);
        await Expect(first.GetByTestId("training-status")).ToHaveTextAsync("Idle");

        await first.GetByTestId("train-size").FillAsync("2048");
        await first.GetByTestId("epochs").FillAsync("3");
        await first.GetByTestId("train-size").PressAsync("Tab");
        await first.GetByTestId("start").ClickAsync();

        await Expect(first.GetByTestId("training-status")).ToHaveTextAsync("Training");
        await Expect(first.GetByTestId("step")).Not.ToHaveTextAsync("0", new() { Timeout = 30_000 });
        int earlyStep = int.Parse(await first.GetByTestId("step").InnerTextAsync());
        await Expect(first.GetByTestId("reconstructions").Locator("img")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(first.GetByTestId("filter-gallery").Locator("button")).ToHaveCountAsync(64, new() { Timeout = 30_000 });
        await Expect(first.GetByTestId("step")).Not.ToHaveTextAsync(earlyStep.ToString(), new() { Timeout = 30_000 });
        Assert.True(double.TryParse(await first.GetByTestId("latest-loss").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture, out double loss) && loss > 0);

        // The live loss chart, drawn by plotly.js, follows the run: its smoothed line gains points.
        const string smoothedPoints = "() => document.querySelector('[data-testid=loss-chart] .js-plotly-plot')?.data?.[1]?.x?.length ?? 0";
        int drawn = 0;
        await Eventually.WaitUntilAsync(async () => (drawn = await first.EvaluateAsync<int>(smoothedPoints)) > 0, TimeSpan.FromSeconds(30),
            () => "no points", "the loss chart to be drawn");
        await Eventually.WaitUntilAsync(async () => await first.EvaluateAsync<int>(smoothedPoints) > drawn, TimeSpan.FromSeconds(30),
            () => $"still {drawn} points", "the loss chart to gain points");

        // Inspect a filter: its parameter table shows the twelve Gaussian parameters.
        await first.GetByTestId("filter-gallery").Locator("button").Nth(34).ClickAsync();
        await Expect(first.GetByTestId("filter-inspector")).ToContainTextAsync("Layer 2, filter 2");
        await Expect(first.GetByTestId("parameter-table").Locator("tbody tr")).ToHaveCountAsync(12);
        await Expect(first.GetByTestId("parameter-table")).ToContainTextAsync("re.s0");

        // A tab opened mid-run shows the run so far: the same chart points and a step at least as far along.
        var second = await Browser.OpenAsync(browser, lab.Address);
        await Expect(second.GetByTestId("training-status")).ToHaveTextAsync("Training");
        await Expect(second.GetByTestId("filter-gallery").Locator("button")).ToHaveCountAsync(64);
        Assert.True(int.Parse(await second.GetByTestId("step").InnerTextAsync()) >= earlyStep);

        await first.GetByTestId("stop").ClickAsync();
        await Expect(first.GetByTestId("training-status")).ToHaveTextAsync("Stopped", new() { Timeout = 30_000 });
        await Expect(second.GetByTestId("training-status")).ToHaveTextAsync("Stopped", new() { Timeout = 30_000 });
        string stoppedAt = await first.GetByTestId("step").InnerTextAsync();
        await Expect(second.GetByTestId("step")).ToHaveTextAsync(stoppedAt);

        // Nothing trains after Stop: the store records the run's end only once its last step is done, and the lab's
        // history, replayed to a tab opened after that, ends at the step the tabs showed at Stop.
        using var http = new HttpClient { BaseAddress = lab.Address };
        string runs = "no answer yet";
        await Eventually.WaitUntilAsync(async () => JsonDocument.Parse(runs = await http.GetStringAsync("/api/runs")).RootElement
                .EnumerateArray().Single().GetProperty("status").GetString() == "Stopped",
            TimeSpan.FromSeconds(30), () => $"GET /api/runs answered {runs}", "the store to record the run as Stopped");
        var third = await Browser.OpenAsync(browser, lab.Address);
        await Expect(third.GetByTestId("training-status")).ToHaveTextAsync("Stopped");
        await Expect(third.GetByTestId("step")).ToHaveTextAsync(stoppedAt);
        await Expect(first.GetByTestId("step")).ToHaveTextAsync(stoppedAt);
    }
}
