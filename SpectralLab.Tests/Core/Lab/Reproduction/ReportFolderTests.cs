using System.Xml.Linq;
using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab.Reproduction;

public sealed class ReportFolderTests : IDisposable
{
    readonly TempDirectory state = new();

    public void Dispose() => state.Dispose();

    [Fact]
    public void Write_ThenLatest_ReadsBackTheRunsVerdictsAndCorrespondence()
    {
        string folder = ReportFolder.Create(state.Path, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var written = SampleReports.Measured();

        ReportFolder.Write(folder, written, lastSnapshots: new Dictionary<string, SpectralLab.Core.Training.Snapshot>());
        var found = ReportFolder.Latest(state.Path);

        Assert.NotNull(found);
        Assert.Equal(folder, found.Folder);
        Assert.Equal(written.Runs.Select(r => (r.Model, r.Verdict.Outcome, r.Verdict.Sentence)), found.Report.Runs.Select(r => (r.Model, r.Verdict.Outcome, r.Verdict.Sentence)));
        Assert.Equal(written.Runs[2].Epochs, found.Report.Runs[2].Epochs);
        Assert.Equal("spectral-gaussian", Assert.Single(found.Report.Correspondences).Model);
        Assert.True(found.Report.PublishedSettings);
    }

    [Fact]
    public void Write_Report_MarkdownHasTheTablesAndVerdictsAndTheChartIsSvg()
    {
        string folder = ReportFolder.Create(state.Path, DateTimeOffset.UtcNow);

        ReportFolder.Write(folder, SampleReports.Measured(), new Dictionary<string, SpectralLab.Core.Training.Snapshot>());

        string markdown = File.ReadAllText(Path.Combine(folder, ReportFolder.Markdown));
        Assert.Contains("| 10 | 0.1069 | 0.1059 | 0.0892 | +18.7% | no |", markdown);   // the pre-fix product at epoch 10
        Assert.Contains("| 20 | 0.0642 | 0.0632 | 0.0633 | −0.2% | yes |", markdown);   // the spatial baseline at epoch 20
        Assert.Contains("| 1 | 0.0743 | 0.0733 | 0.0669 | +9.6% |  |", markdown);       // epoch 1: shown, not judged
        Assert.Contains("- spectral-gaussian-prefix-bug does not reproduce the published curve", markdown);
        Assert.Contains("corresponds to spectral-gaussian", markdown);
        Assert.Contains("These are the published settings", markdown);
        var svg = XDocument.Load(Path.Combine(folder, ReportFolder.Chart)).Root!;
        Assert.Equal("svg", svg.Name.LocalName);
        Assert.Equal(5, svg.Elements(svg.Name.Namespace + "polyline").Count()); // three runs, two published curves
    }

    [Fact]
    public void Latest_NewestFolderNotWrittenYet_TheOneBeforeIt()
    {
        string older = ReportFolder.Create(state.Path, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        ReportFolder.Write(older, SampleReports.Measured(), new Dictionary<string, SpectralLab.Core.Training.Snapshot>());
        ReportFolder.Create(state.Path, new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero)); // a reproduction still training
        string damaged = ReportFolder.Create(state.Path, new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero));
        File.WriteAllText(Path.Combine(damaged, ReportFolder.Json), "{ not json");

        Assert.Equal(older, ReportFolder.Latest(state.Path)?.Folder);
    }

    [Fact]
    public void Latest_NoReportsFolder_Null()
    {
        Assert.Null(ReportFolder.Latest(state.Path));
    }

    [Fact]
    public void Create_SameSecondTwice_TwoFolders()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.NotEqual(ReportFolder.Create(state.Path, now), ReportFolder.Create(state.Path, now));
    }
}
