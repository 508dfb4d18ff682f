using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SpectralLab.Core.Imaging;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Reproduction;

/// <summary>
/// A reproduction's report folder: report.md for people, report.json for the runs page, loss.svg, and each variant's
/// reconstructions and filter mosaics after its last epoch. Folders live under the state directory's reports/, one
/// per reproduction, named by the time it started so that the newest sorts last.
/// </summary>
public static class ReportFolder
{
    public const string Markdown = "report.md", Json = "report.json", Chart = "loss.svg";
    const string Prefix = "reproduce-";
    const int FilterEnlargement = 4; // a mosaic has one pixel per frequency: too small to see outside the lab's zoomed view

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Root(string stateDirectory) => Path.Combine(stateDirectory, "reports");

    /// <summary>Makes a new, empty report folder for a reproduction starting at <paramref name="now"/>, and returns its path.</summary>
    public static string Create(string stateDirectory, DateTimeOffset now)
    {
        string name = Prefix + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture), path = Path.Combine(Root(stateDirectory), name);
        for (int n = 2; Directory.Exists(path); n++) path = Path.Combine(Root(stateDirectory), $"{name}-{n}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <param name="lastSnapshots">Each variant's snapshot after its last epoch, where it has one.</param>
    public static void Write(string folder, ReproductionReport report, IReadOnlyDictionary<string, Snapshot> lastSnapshots)
    {
        Directory.CreateDirectory(folder);
        var pictures = new List<ReportPicture>();
        foreach (var run in report.Runs)
        {
            if (!lastSnapshots.TryGetValue(run.Model, out var snapshot)) continue;
            pictures.Add(Save(folder, new ReportPicture(run.Model, $"reconstructions-{run.Model}.png",
                $"{run.Model}: test images above their reconstructions"), snapshot.ReconstructionPng));
            foreach (var layer in snapshot.Layers)
                pictures.Add(Save(folder, new ReportPicture(run.Model, $"filters-{run.Model}-layer-{layer.Layer + 1}.png",
                    $"{run.Model}: layer {layer.Layer + 1} filters, |W| with zero frequency centred"), Png.Enlarge(layer.FiltersPng, FilterEnlargement)));
        }
        File.WriteAllText(Path.Combine(folder, Chart), SvgChart.Lines(Curves(report), "epoch", "validation loss"));
        File.WriteAllText(Path.Combine(folder, Markdown), ReportMarkdown.Render(report, pictures, Chart));
        File.WriteAllText(Path.Combine(folder, Json), JsonSerializer.Serialize(report, JsonOptions)); // last: its presence says the folder is complete
    }

    /// <summary>The newest complete report under the state directory, or null when there is none.</summary>
    public static StoredReport? Latest(string stateDirectory)
    {
        string root = Root(stateDirectory);
        if (!Directory.Exists(root)) return null;
        foreach (string folder in Directory.GetDirectories(root, Prefix + "*").OrderByDescending(Path.GetFileName, StringComparer.Ordinal))
        {
            string path = Path.Combine(folder, Json);
            if (!File.Exists(path)) continue; // a reproduction still training, or one that was stopped before it wrote its report
            try
            {
                if (JsonSerializer.Deserialize<ReproductionReport>(File.ReadAllText(path), JsonOptions) is { } report)
                    return new StoredReport(folder, report);
            }
            catch (Exception e) when (e is JsonException or IOException) { } // unreadable: the next older one stands in
        }
        return null;
    }

    /// <summary>Each variant's validation loss by epoch, and each published curve once, dashed.</summary>
    public static IReadOnlyList<ChartLine> Curves(ReproductionReport report) =>
        report.Runs.Select(run => new ChartLine($"{run.Model} (run {run.RunId})", run.Epochs.Select(e => ((double)e.Epoch, e.ValidationLoss)).ToList()))
            .Concat(report.Runs.Select(run => run.Verdict).DistinctBy(v => v.PublishedModel).Select(v =>
                new ChartLine($"{v.PublishedModel}, published", v.Epochs.Select(e => ((double)e.Epoch, e.Published)).ToList(), Dashed: true)))
            .ToList();

    static ReportPicture Save(string folder, ReportPicture picture, byte[] png)
    {
        File.WriteAllBytes(Path.Combine(folder, picture.File), png);
        return picture;
    }
}
