using System.Globalization;
using SpectralLab.Core.Lab.Sweeps;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>The `sweep` verb's table: one line per run of the grid, then one per setting repeated over seeds (mean ± std).</summary>
static class SweepTable
{
    public static void Write(TextWriter output, IReadOnlyList<SweepRow> rows, IReadOnlyList<SeedGroup> repeated, int epochs)
    {
        if (rows.Count == 0) return;
        var numbers = Enumerable.Range(1, epochs).ToList();
        int width = Math.Max(5, rows.Max(r => r.Model.Length));
        output.WriteLine($"{"model".PadRight(width)}  {"lr",8}  {"batch",5}  {"seed",5}  {"params",8}  {Columns(numbers, e => $"val@{e}", 8)}  {"s/epoch",8}  outcome");
        foreach (var row in rows)
        {
            var o = row.Options;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Model.PadRight(width)}  {o.LearningRate,8:G4}  {o.BatchSize,5}  {o.Seed,5}  {row.Parameters,8:N0}  " +
                $"{Columns(numbers, e => e <= row.ValidationLoss.Count ? row.ValidationLoss[e - 1].ToString("F4", CultureInfo.InvariantCulture) : "—", 8)}  {row.SecondsPerEpoch,8:F1}  {row.Outcome}"));
        }
        if (repeated.Count == 0) return;
        output.WriteLine();
        int label = repeated.Max(g => g.Label.Length);
        output.WriteLine($"{"mean ± std over seeds".PadRight(label)}  {"n",3}  {Columns(numbers, e => $"val@{e}", 17)}");
        foreach (var group in repeated)
            output.WriteLine($"{group.Label.PadRight(label)}  {group.Seeds.Count,3}  {Columns(numbers, e => group.At(e) is { } s ? s.Text : "—", 17)}");
    }

    static string Columns(IEnumerable<int> epochs, Func<int, string> cell, int width) => string.Join("  ", epochs.Select(e => cell(e).PadLeft(width)));
}
