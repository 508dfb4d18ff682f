using Microsoft.Playwright;

namespace SpectralLab.Tests.Support;

/// <summary>
/// Accessibility checks of a lab page open in Chromium: the pinned npm axe-core (node_modules/axe-core, installed by the
/// test build) injected into the page, and the lab's own rules: one h1, a main landmark, and at a phone's width nothing
/// wider than the screen and no label cut.
/// </summary>
public static class Axe
{
    /// <summary>The width of a small phone in portrait, CSS pixels.</summary>
    public const int PhoneWidth = 390;

    static readonly Lazy<string> Script = new(() =>
    {
        string path = Path.Combine(Repository.Root, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path)
            : throw new FileNotFoundException($"axe-core is missing at {path}: run `npm ci` in the repository root (the test build does it when it is missing).", path);
    });

    // Each serious or critical violation as one line: rule, the element's selector and axe's summary of what fails.
    const string RunAxe = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${(n.failureSummary || v.help).replace(/\s+/g, ' ')}`));
        }
        """;

    // The lab's own rules, each broken one as a line.
    const string CheckStructure = """
        () => {
          const problems = [];
          const h1s = document.querySelectorAll('h1');
          if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements (${[...h1s].map(h => h.textContent.trim()).join(' | ')}), not one`);
          if (document.querySelectorAll('main, [role=main]').length !== 1) problems.push('no single main landmark');
          return problems;
        }
        """;

    // The page must not scroll sideways, and no label, button or header may be narrower than its own text.
    const string CheckWidth = """
        () => {
          const problems = [];
          const root = document.documentElement;
          if (root.scrollWidth > root.clientWidth) problems.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
          const name = e => e.tagName.toLowerCase() + (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '') + ` "${e.textContent.trim().slice(0, 40)}"`;
          for (const e of document.querySelectorAll('h1, h2, h3, h4, h5, h6, label, button, th, .mud-chip, .mud-button-label, .mud-input-label'))
            if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} is cut: ${e.scrollWidth} px of text in ${e.clientWidth} px`);
          return problems;
        }
        """;

    /// <summary>Opens <paramref name="path"/> of the lab and asserts every check at a desktop width and at <see cref="PhoneWidth"/>.</summary>
    public static async Task AssertPageAccessibleAsync(IBrowser browser, Uri lab, string path)
    {
        var page = await Browser.OpenAsync(browser, new Uri(lab, path));
        try { await AssertAccessibleAsync(page, path); }
        finally { await page.CloseAsync(); }
    }

    /// <summary>Asserts every check on an open page, first at its current width, then at <see cref="PhoneWidth"/>.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var problems = new List<string>();
        problems.AddRange(await SeriousViolationsAsync(page));
        problems.AddRange(await page.EvaluateAsync<string[]>(CheckStructure));

        var desktop = page.ViewportSize;
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        problems.AddRange((await SeriousViolationsAsync(page)).Select(p => $"at {PhoneWidth} px: {p}"));
        problems.AddRange((await WidthProblemsAsync(page)).Select(p => $"at {PhoneWidth} px: {p}"));
        if (desktop is not null) await page.SetViewportSizeAsync(desktop.Width, desktop.Height);

        Assert.True(problems.Count == 0, $"{name} has {problems.Count} accessibility problem(s):\n" + string.Join("\n", problems));
    }

    /// <summary>axe-core's serious and critical violations on the page as it is now, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Content = Script.Value });
            // Colours are judged as they end up, not halfway through MudBlazor's fades after a re-render.
            await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        }
        return await page.EvaluateAsync<string[]>(RunAxe);
    }

    /// <summary>
    /// Overflow and cut labels at the page's present width. MudBlazor lays some parts out again after a resize, so the
    /// check is repeated until it holds for a few seconds at most; the last answer is what fails.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WidthProblemsAsync(IPage page)
    {
        string[] problems = [];
        try
        {
            await Eventually.WaitUntilAsync(async () => (problems = await page.EvaluateAsync<string[]>(CheckWidth)).Length == 0,
                TimeSpan.FromSeconds(3), () => string.Join("; ", problems), "the page to fit its width", poll: TimeSpan.FromMilliseconds(100));
        }
        catch (TimeoutException) { }
        return problems;
    }
}
