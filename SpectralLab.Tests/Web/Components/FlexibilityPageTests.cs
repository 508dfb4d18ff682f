using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Flexibility;
using SpectralLab.Core.Lab;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Flexibility;

namespace SpectralLab.Tests.Web.Components;

/// <summary>The flexibility page over the real service, opening on a report stored under its state directory.</summary>
[Collection(TorchCollection.Name)]
public sealed class FlexibilityPageTests : LabComponentTest, IDisposable
{
    readonly TempDirectory state = new();

    public FlexibilityPageTests()
    {
        Services.AddSingleton(_ => new TorchWorker());
        Services.AddSingleton<IFlexibilityAnalysis>(sp => new FlexibilityService(state.Path, new LabDataset(null), sp.GetRequiredService<TorchWorker>()));
    }

    /// <summary>Three classic targets × Gaussian and free, with residuals chosen so that each order is distinct.</summary>
    void StoreReport()
    {
        var targets = ClassicTargets.All().Take(3).ToList(); // identity, box blur 3×3, Gaussian blur σ=1
        float[] gaussian = [0, 0.5f, 20, 0, 20, 1, 0, 0, 1, 0, 1, 0];
        FlexibilityCell Cell(int target, string family, double residual, double psnr) =>
            new(target, family, residual, family == "free" ? 840 : 12, psnr, targets[target].Response, family == "free" ? null : gaussian);
        var report = new FlexibilityReport("classic-r4-gaussian_free", targets, ["gaussian", "free"],
            [Cell(0, "gaussian", 0.7, 12.0), Cell(0, "free", 0, 120), Cell(1, "gaussian", 0.2, 30.5), Cell(1, "free", 0, 120), Cell(2, "gaussian", 0.5, 19.7)],
            [.. Enumerable.Range(0, 784).Select(i => i % 29 / 28f)], new FitSettings(), 12, false);
        new ReportFiles(state.Path).Save(report);
    }

    static string[] RowNames(IRenderedComponent<FlexibilityPage> page) =>
        [.. page.FindAll("[data-testid=matrix-row] th").Select(th => th.TextContent.Trim())];

    [Fact]
    public void Matrix_AStoredReport_ShowsEveryResidualWithItsPsnrAndTheCellsDone()
    {
        StoreReport();

        var page = Render<FlexibilityPage>();

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=matrix-cell]").Count));
        Assert.Equal(["identity", "box blur 3×3", "Gaussian blur σ=1"], RowNames(page));
        var first = page.FindAll("[data-testid=matrix-cell]")[0];
        Assert.Equal("0.700", first.TextContent.Trim());
        Assert.Contains("PSNR 12.0 dB", first.GetAttribute("title"));
        Assert.Equal("5 / 6 cells", page.Find("[data-testid=cells-done]").TextContent);
        Assert.Equal("Cells fitted", page.Find("progress").GetAttribute("aria-label"));
        Assert.Single(page.FindAll("h1"));
    }

    [Fact]
    public void Sort_ByAFamilyThenByTarget_ReordersTheRows()
    {
        StoreReport();
        var page = Render<FlexibilityPage>();
        page.WaitForAssertion(() => Assert.Equal(3, RowNames(page).Length));

        page.Find("[data-testid=sort-gaussian]").Click();
        Assert.Equal(["box blur 3×3", "Gaussian blur σ=1", "identity"], RowNames(page)); // 0.2, 0.5, 0.7
        Assert.Equal("ascending", page.Find("[data-testid=sort-gaussian]").ParentElement!.GetAttribute("aria-sort"));

        page.Find("[data-testid=sort-gaussian]").Click();
        Assert.Equal(["identity", "Gaussian blur σ=1", "box blur 3×3"], RowNames(page));

        page.Find("[data-testid=sort-free]").Click();
        Assert.Equal("Gaussian blur σ=1", RowNames(page)[^1]); // its free cell is not fitted: last

        page.Find("[data-testid=sort-target]").Click();
        Assert.Equal(["box blur 3×3", "Gaussian blur σ=1", "identity"], RowNames(page));
    }

    [Fact]
    public async Task Cell_Clicked_OpensItsDetailWithPicturesAndAPlaygroundLink()
    {
        StoreReport();
        var page = Render<FlexibilityPage>();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=matrix-cell]").Count));

        // Found and clicked on the renderer's dispatcher in one go: the page renders again as a cell's pictures arrive.
        await page.InvokeAsync(() => page.FindAll("[data-testid=matrix-cell]")[2].Click()); // box blur 3×3 × Gaussian

        page.WaitForAssertion(() => Assert.Equal("box blur 3×3 × Gaussian", page.Find("[data-testid=cell-detail] h2").TextContent));
        Assert.Equal(10, page.FindAll("[data-testid=cell-detail] img[src^='data:image/png;base64,']").Count); // 6 spectra, 2 kernels, 2 digits
        Assert.StartsWith("/playground?family=Gaussian&degree=1&grid=Published&values=0,0.5,20,", page.Find("[data-testid=open-playground]").GetAttribute("href"));
        Assert.Equal("true", page.FindAll("[data-testid=matrix-cell]")[2].GetAttribute("aria-pressed"));

        await page.InvokeAsync(() => page.FindAll("[data-testid=matrix-cell]")[1].Click()); // identity × free: no playground for hundreds of weights
        page.WaitForAssertion(() => Assert.Equal("identity × free", page.Find("[data-testid=cell-detail] h2").TextContent));
        Assert.Empty(page.FindAll("[data-testid=open-playground]"));
    }

    [Theory]
    [InlineData("restarts", "0", "The number of restarts must be between 1 and 16 (got 0).")]
    [InlineData("restarts", "two", "Restarts is a whole number from 1 to 16 (got 'two').")]
    [InlineData("run", "-3", "A run is a stored run's number, a whole number from 1, or empty for none (got '-3').")]
    public void Field_BadValue_BlocksStartWithItsSentence(string field, string value, string sentence)
    {
        var page = Render<FlexibilityPage>();
        Assert.False(page.Find("[data-testid=flexibility-start]").HasAttribute("disabled"));

        page.Find($"[data-testid={field}]").Input(value);

        page.WaitForAssertion(() => Assert.Contains(sentence, page.Find("[data-testid=start-blocked]").TextContent));
        Assert.True(page.Find("[data-testid=flexibility-start]").HasAttribute("disabled"));
        Assert.Contains(sentence, page.Markup.Replace("&#x27;", "'")); // beside the field too
    }

    [Fact]
    public void Families_NoneChosen_BlocksStartWithThePlansSentence()
    {
        var page = Render<FlexibilityPage>();

        foreach (var family in FlexibilityDraft.DefaultFamilies) page.Find($"[data-testid=family-{family}]").Change(false);

        page.WaitForAssertion(() => Assert.StartsWith("Start is off until this is fixed: Choose at least one family:", page.Find("[data-testid=start-blocked]").TextContent));
        Assert.True(page.Find("[data-testid=flexibility-start]").HasAttribute("disabled"));
    }

    [Fact]
    public void Start_TheFreeFamilyAlone_FillsTheMatrixAsCellsFinish()
    {
        var page = Render<FlexibilityPage>();
        foreach (var family in new[] { "gaussian", "mixture2", "poly1" }) page.Find($"[data-testid=family-{family}]").Change(false);

        page.Find("[data-testid=flexibility-start]").Click();

        page.WaitForAssertion(() => Assert.Equal("finished", page.Find("[data-testid=flexibility-phase]").TextContent), TimeSpan.FromSeconds(60));
        Assert.Equal(ClassicTargets.Names.Count, page.FindAll("[data-testid=matrix-cell]").Count);
        Assert.Equal($"{ClassicTargets.Names.Count} / {ClassicTargets.Names.Count} cells", page.Find("[data-testid=cells-done]").TextContent);
        Assert.Equal(["classic-r4-free"], page.FindAll("[data-testid=stored-analysis] option").Select(o => o.TextContent));
    }

    void IDisposable.Dispose() => state.Dispose();
}
