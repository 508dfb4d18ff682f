using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using SixLabors.ImageSharp;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Cli;

namespace SpectralLab.Tests.Web.Cli;

[Collection(TorchCollection.Name)]
public sealed class ReproduceVerbTests : IDisposable
{
    readonly TempDirectory state = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools(); // release the database file before deleting it
        state.Dispose();
    }

    [Fact]
    public void Reproduce_ShortRun_StoresEachVariantAsARunAndWritesTheReportFolder()
    {
        var (code, output, _) = VerbsTests.Run("reproduce", "--epochs", "1", "--limit", "256", "--state", state.Path);

        Assert.Equal(ExitCodes.Success, code);
        var store = new SqliteRunStore(Path.Combine(state.Path, LabOptions.DatabaseFile));
        var runs = store.List().OrderBy(r => r.Id).ToList();
        Assert.Equal(["spatial", "spectral-gaussian", "spectral-gaussian-prefix-bug"], runs.Select(r => r.Model));
        Assert.All(runs, run =>
        {
            Assert.Equal((TrainingState.Completed, 1, 256, 10_000), (run.Status, run.EpochsDone, run.TrainImages, run.TestImages));
            Assert.Equal(2, store.Steps(run.Id, run.StepsPerEpoch).Count);  // 256 images, batch 128
            Assert.Equal([0, 2], store.SnapshotSteps(run.Id));              // at initialisation and at the epoch's end
        });

        string folder = Assert.Single(Directory.GetDirectories(ReportFolder.Root(state.Path)));
        Assert.EndsWith($"report: {Path.Combine(folder, ReportFolder.Markdown)}", output.TrimEnd());
        string markdown = File.ReadAllText(Path.Combine(folder, ReportFolder.Markdown));
        Assert.Equal(3, Regex.Matches(markdown, @"^\| epoch \| train loss \| validation loss \| published \| difference \|", RegexOptions.Multiline).Count);
        Assert.Equal(3, Regex.Matches(markdown, @"^\| 1 \| 0\.\d{4} \| 0\.\d{4} \| 0\.(0669|1238) \| [+−]\d+\.\d% \|", RegexOptions.Multiline).Count);
        Assert.Equal(3, Regex.Matches(markdown, @"^- [a-z-]+: too short to judge: the run reached epoch 1", RegexOptions.Multiline).Count);
        Assert.Contains("too short to say which variant the published curve", markdown);
        Assert.Contains("These are not the published settings", markdown);

        string[] pictures =
        [
            "reconstructions-spatial.png", "reconstructions-spectral-gaussian.png", "reconstructions-spectral-gaussian-prefix-bug.png",
            "filters-spectral-gaussian-layer-1.png", "filters-spectral-gaussian-layer-2.png",
            "filters-spectral-gaussian-prefix-bug-layer-1.png", "filters-spectral-gaussian-prefix-bug-layer-2.png",
        ];
        Assert.All(pictures, file =>
        {
            var info = Image.Identify(Path.Combine(folder, file));
            Assert.True(info is { Width: > 0, Height: > 0 }, $"{file} is not a picture");
            Assert.Contains($"]({file})", markdown);
        });
        var svg = XDocument.Load(Path.Combine(folder, ReportFolder.Chart)).Root!;
        Assert.Equal("svg", svg.Name.LocalName);
        Assert.Equal(5, svg.Elements(svg.Name.Namespace + "polyline").Count()); // three runs, two published curves
    }

    [Theory]
    [InlineData("--epochs 0", "--epochs")]
    [InlineData("--batch 0", "--batch")]
    [InlineData("--limit 0", "--limit")]
    [InlineData("--lr -1", "--lr")]
    [InlineData("--state /proc/no-such-state", "The folder /proc/no-such-state of the run database")]
    public void Reproduce_BadArgument_OneClearLineAndNonZeroExit(string arguments, string expected)
    {
        var (code, output, error) = VerbsTests.Run(["reproduce", .. arguments.Split(' ')]);

        Assert.NotEqual(ExitCodes.Success, code);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public void Reproduce_OutIsAFile_OneClearLineBeforeAnyTraining()
    {
        string file = state.File("taken");
        File.WriteAllText(file, "");

        var (code, output, error) = VerbsTests.Run("reproduce", "--epochs", "1", "--limit", "256", "--state", state.Path, "--out", file);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Empty(output);
        Assert.StartsWith("error: ", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(new SqliteRunStore(Path.Combine(state.Path, LabOptions.DatabaseFile)).List());
    }
}
