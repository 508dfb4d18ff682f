using System.Diagnostics;
using Microsoft.Playwright;
using SpectralLab.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SpectralLab.Tests.EndToEnd;

/// <summary>Bad input, a memory budget, a stop during validation and the access token, in Chromium against the real lab.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrustBrowserTests
{
    [Fact]
    public async Task Form_EveryBadValue_ShowsItsMessageAtTheFieldAndStartsNoRun()
    {
        await using var lab = await LabProcess.StartAsync(new Dictionary<string, string> { ["SpectralLab__MemoryBudgetMegabytes"] = "1024" });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.OpenAsync(browser, lab.Address);
        (string Field, string Typed, string Message)[] cases =
        [
            ("epochs", "-5", "Epochs must be from 1 to 1,000 (got -5)"),
            ("epochs", "0", "Epochs must be from 1 to 1,000 (got 0)"),
            ("epochs", "abc", "Epochs must be a whole number (got 'abc')"),
            ("epochs", "1.5", "Epochs must be a whole number (got '1.5')"),
            ("epochs", "99999999999", "is far too large"),
            ("batch-size", "0", "The batch size must be at least 1 (got 0)"),
            ("batch-size", "-1", "The batch size must be at least 1 (got -1)"),
            ("batch-size", "8192", "memory budget of 1.0 GB"),
            ("batch-size", "100000", "larger than the 60,000 training images"),
            ("train-size", "99999999", "is more than the 60,000 images available"),
            ("learning-rate", "0", "must be a positive finite number (got 0)"),
            ("learning-rate", "NaN", "must be a finite number such as 0.001 (got 'NaN')"),
        ];

        foreach (var (field, typed, message) in cases)
        {
            var input = page.GetByTestId(field);
            string good = await input.InputValueAsync();
            await input.FillAsync(typed);
            await Expect(page.Locator(".mud-input-control").Filter(new() { Has = input })).ToContainTextAsync(message);
            await Expect(page.GetByTestId("start")).ToBeDisabledAsync();
            await Expect(page.GetByTestId("start-blocked")).ToContainTextAsync(message);
            await input.FillAsync(good);
            await Expect(page.GetByTestId("start")).ToBeEnabledAsync();
        }

        await Expect(page.GetByTestId("training-status")).ToHaveTextAsync("Idle"); // nothing was started
    }

    [Fact]
    public async Task Stop_DuringValidation_ReachesStoppedWithinASecond()
    {
        await using var lab = await LabProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.OpenAsync(browser, lab.Address);
        await page.GetByTestId("model-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Spatial baseline" }).ClickAsync();
        await page.GetByTestId("train-size").FillAsync("256"); // two steps, then 10,000 test images to validate
        await page.GetByTestId("epochs").FillAsync("5");
        await page.GetByTestId("start").ClickAsync();

        await Expect(page.GetByTestId("step")).ToHaveTextAsync("2", new() { Timeout = 60_000 }); // the epoch's last step: validation runs now
        var clock = Stopwatch.StartNew();
        await page.GetByTestId("stop").ClickAsync();
        await Expect(page.GetByTestId("training-status")).ToHaveTextAsync("Stopped", new() { Timeout = 10_000 });

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Stopped after {clock.Elapsed.TotalMilliseconds:F0} ms");
        await Expect(page.GetByTestId("training-reason")).ToContainTextAsync("during the validation");
    }

    [Fact]
    public async Task TokenRequired_OnlyThePrintedAddressOpensTheDashboardAndTheApi()
    {
        await using var lab = await LabProcess.StartAsync(new Dictionary<string, string> { ["SpectralLab__RequireAccessToken"] = "true" });
        string? printed = null;
        await Eventually.WaitUntilAsync(() => (printed = lab.Log.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("?token=", StringComparison.Ordinal))) is not null,
            TimeSpan.FromSeconds(10), () => lab.Log, "the address with the token in the lab's output");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        var stranger = await browser.NewPageAsync();
        var refused = await stranger.GotoAsync(lab.Address.ToString());
        Assert.Equal(401, refused!.Status);
        Assert.Equal(401, await stranger.EvaluateAsync<int>("fetch('/api/runs').then(r => r.status)"));

        var owner = await Browser.OpenAsync(browser, new Uri(printed!));
        Assert.DoesNotContain("token", owner.Url); // dropped from the address once the cookie is set
        await Expect(owner.GetByTestId("training-status")).ToHaveTextAsync("Idle");
        Assert.Equal(200, await owner.EvaluateAsync<int>("fetch('/api/runs').then(r => r.status)"));
    }
}
