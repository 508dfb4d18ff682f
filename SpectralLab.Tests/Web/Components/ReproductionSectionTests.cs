using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Runs;

namespace SpectralLab.Tests.Web.Components;

/// <summary>The runs page's "Reproduce the publication" section: the newest report beside the run database, and the button.</summary>
public sealed class ReproductionSectionTests : LabComponentTest
{
    readonly FakeTrainingControl control = new();

    public ReproductionSectionTests() => Services.AddSingleton<ITrainingControl>(control);

    string StateDirectory => Path.GetDirectoryName(Store.Path)!;

    [Fact]
    public void Render_StoredReport_ShowsItsVerdictsCorrespondenceAndTable()
    {
        ReportFolder.Write(ReportFolder.Create(StateDirectory, DateTimeOffset.UtcNow), SampleReports.Measured(), new Dictionary<string, Snapshot>());

        var page = Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=verdict]").Count));
        var verdicts = page.FindAll("[data-testid=verdict]").Select(v => v.TextContent).ToList();
        Assert.StartsWith("spatial reproduces the published curve", verdicts[0]);
        Assert.StartsWith("spectral-gaussian reproduces the published curve", verdicts[1]);
        Assert.StartsWith("spectral-gaussian-prefix-bug does not reproduce the published curve", verdicts[2]);
        Assert.Contains("corresponds to spectral-gaussian", page.Find("[data-testid=correspondence]").TextContent);
        var rows = page.FindAll("[data-testid=report-table] tbody tr");
        Assert.Equal(5, rows.Count); // three runs, the two published curves
        Assert.Contains("0.1059 (+18.7%)", rows[2].TextContent);
        Assert.Contains("does not reproduce", rows[2].TextContent);
        Assert.Contains("0.0809", rows[4].TextContent); // the published spectral curve at epoch 50
        Assert.Empty(page.FindAll("[data-testid=not-published-settings]"));
        Assert.Equal(5, page.Figure("report-chart").Data.Count);
    }

    [Fact]
    public void Render_NoReport_SaysTheVerbWritesOne()
    {
        var page = Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Contains("reproduce", page.Find("[data-testid=no-report]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=verdict]"));
    }

    [Fact]
    public void Reproduce_Click_StartsTheThreeVariantsAsASweepWithThePublishedSettings()
    {
        var page = Render<RunsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=no-report]")); // loaded: the button's handler is the final one

        page.Find("[data-testid=reproduce]").Click();

        page.WaitForAssertion(() => Assert.Equal(["spatial", "spectral-gaussian", "spectral-gaussian-prefix-bug"], control.Started.Select(o => o.Model)));
        Assert.All(control.Started, o => Assert.Equal((50, 128, 0.001, (int?)null), (o.Epochs, o.BatchSize, o.LearningRate, o.TrainLimit)));
    }
}
