using System.Globalization;
using System.Text;
using static System.FormattableString;

namespace SpectralLab.Core.Lab.Reproduction;

/// <summary>A picture of the report folder, the model it shows and what it is.</summary>
public sealed record ReportPicture(string Model, string File, string Caption);

/// <summary>report.md: settings, verdicts, which variant the published numbers correspond to, per-epoch tables, pictures.</summary>
public static class ReportMarkdown
{
    public static string Render(ReproductionReport report, IReadOnlyList<ReportPicture> pictures, string chartFile)
    {
        var md = new StringBuilder();
        md.AppendLine("# Reproducing *On the Flexibility of Parametric Spectral Filters: Part 1*").AppendLine();
        var s = report.Settings;
        md.AppendLine(Invariant($"Written {report.Written:yyyy-MM-dd HH:mm} UTC by `reproduce`. Each variant trained {s.Epochs} epoch(s), batch {s.BatchSize}, ") +
            Invariant($"Adam at {s.LearningRate}, seed {s.Seed}, on {report.TrainImages:N0} {report.Dataset} training images, validated on {report.TestImages:N0} test images."));
        md.AppendLine();
        md.AppendLine(report.PublishedSettings
            ? "These are the published settings (50 epochs, batch 128, Adam at 0.001, all of MNIST)."
            : "**These are not the published settings** (50 epochs, batch 128, Adam at 0.001, all 60,000 MNIST training images): " +
              "the verdicts describe these runs, not whether the publication reproduces.");
        md.AppendLine();
        md.AppendLine($"A variant reproduces its published curve when its validation loss is within {VariantVerdict.Percent(PublishedVerdict.Tolerance)} of the " +
            $"published value at every published epoch from {PublishedVerdict.FirstJudgedEpoch} on that its run reached. The spectral variants are both held " +
            "against the published spectral curve: the author's library fixed its imaginary term in commit 8d85230 (2021-06-25 13:06 −0700), and the " +
            "notebook behind the published numbers (a9cd583, 15:12 the same day) installs the library from the repository's head.");
        md.AppendLine();

        md.AppendLine("## Verdicts").AppendLine();
        foreach (var run in report.Runs) md.AppendLine($"- {run.Verdict.Sentence}");
        md.AppendLine();
        md.AppendLine("## Which variant the published numbers correspond to").AppendLine();
        if (report.Correspondences.Count == 0) md.AppendLine("- No run reached a published epoch, so nothing can be said yet.");
        foreach (var correspondence in report.Correspondences) md.AppendLine($"- {correspondence.Sentence}");
        md.AppendLine();

        md.AppendLine("## Validation loss, epoch by epoch, against the published values").AppendLine();
        foreach (var run in report.Runs) Table(md, run);
        md.AppendLine($"![Validation loss of each variant and the published values]({chartFile})").AppendLine();

        if (pictures.Count > 0) md.AppendLine("## Reconstructions and filters after the last epoch").AppendLine();
        foreach (var group in pictures.GroupBy(p => p.Model))
        {
            md.AppendLine($"### {group.Key}").AppendLine();
            foreach (var picture in group) md.AppendLine($"![{picture.Caption}]({picture.File})").AppendLine();
        }
        return md.ToString();
    }

    /// <summary>Every epoch the run reached, with the published value and the difference where one was published.</summary>
    static void Table(StringBuilder md, ReportedRun run)
    {
        md.AppendLine($"### {run.Model}: {run.DisplayName} (run {run.RunId}, {run.Status})").AppendLine();
        if (run.Epochs.Count == 0)
        {
            md.AppendLine(run.Reason is null ? "No epoch ended." : $"No epoch ended: {run.Reason}").AppendLine();
            return;
        }
        md.AppendLine($"| epoch | train loss | validation loss | published | difference | within {VariantVerdict.Percent(PublishedVerdict.Tolerance)}? |");
        md.AppendLine("|---:|---:|---:|---:|---:|:---:|");
        foreach (var epoch in run.Epochs)
        {
            var published = run.Verdict.Epochs.FirstOrDefault(p => p.Epoch == epoch.Epoch);
            string judged = published is null || !PublishedVerdict.IsJudged(published) ? "" : PublishedVerdict.IsWithin(published) ? "yes" : "no";
            md.AppendLine($"| {epoch.Epoch} | {N(epoch.TrainLoss)} | {N(epoch.ValidationLoss)} | {(published is null ? "" : N(published.Published))} | {published?.Difference} | {judged} |");
        }
        md.AppendLine();
    }

    static string N(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
