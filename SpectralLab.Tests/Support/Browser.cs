using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpectralLab.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright (whose own browser download cannot work here), and a lab page in it.</summary>
public static class Browser
{
    static readonly string[] Arguments = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Arguments });

    /// <summary>A new tab on the lab, once its page answers clicks.</summary>
    public static async Task<IPage> OpenAsync(IBrowser browser, Uri address)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(address.ToString());
        await Expect(page.GetByTestId("lab")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        return page;
    }
}
