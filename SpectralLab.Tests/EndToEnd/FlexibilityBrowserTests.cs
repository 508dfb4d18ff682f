using Microsoft.Playwright;
using SpectralLab.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace SpectralLab.Tests.EndToEnd;

/// <summary>The flexibility analysis in Chromium against the real lab, from Start to a fit moved in the playground.</summary>
[Collection(TorchCollection.Name)]
public sealed class FlexibilityBrowserTests
{
    [Fact]
    public async Task Flexibility_StartOpenACellThenThePlayground_FillsTheMatrixDrawsTheCellAndMovesItsFit()
    {
        await using var lab = await LabProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.OpenAsync(browser, new Uri(lab.Address, "/flexibility"));
        await Expect(page.GetByTestId("no-analysis")).ToBeVisibleAsync();

        // The classic targets against the two cheap families: linear in their parameters, each fit takes milliseconds.
        await page.GetByLabel("Gaussian", new() { Exact = true }).UncheckAsync();
        await page.GetByLabel("mixture K=2", new() { Exact = true }).UncheckAsync();
        await page.GetByTestId("flexibility-start").ClickAsync();

        var cells = page.GetByTestId("matrix-cell");
        await Expect(page.GetByTestId("cells-done")).ToHaveTextAsync("22 / 22 cells", new() { Timeout = 120_000 });
        await Expect(cells).ToHaveCountAsync(22);
        await Expect(page.GetByTestId("flexibility-phase")).ToHaveTextAsync("finished");
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Cells fitted" })).ToHaveAttributeAsync("value", "22");

        await cells.Nth(2).FocusAsync(); // box blur 3×3 × polynomial 1, opened by keyboard
        await page.Keyboard.PressAsync("Enter");
        var detail = page.GetByTestId("cell-detail");
        await Expect(detail.Locator("h2")).ToHaveTextAsync("box blur 3×3 × polynomial 1", new() { Timeout = 30_000 });
        await Expect(detail.Locator("img[src^='data:image/png']")).ToHaveCountAsync(10);
        await Axe.AssertAccessibleAsync(page, "/flexibility with a cell open");

        await page.GetByTestId("open-playground").ClickAsync();
        await Expect(page.GetByTestId("playground-source")).ToContainTextAsync("the polynomial 1 fit to box blur 3×3", new() { Timeout = 30_000 });
        await PlaygroundSlider.ArrowRightRedrawsTheDigitAsync(page, "re.u1");
    }
}
