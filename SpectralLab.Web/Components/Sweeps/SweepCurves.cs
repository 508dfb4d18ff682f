using SpectralLab.Core.Lab.Sweeps;
using SpectralLab.Web.Components.Charts;

namespace SpectralLab.Web.Components.Sweeps;

/// <summary>
/// The chart of settings repeated over seeds: each group's mean validation loss per epoch. Each group's
/// <see cref="SeedGroup.Band"/> holds the ± std band to draw around it, once the chart takes bands.
/// </summary>
public static class SweepCurves
{
    public static IReadOnlyList<EpochChart.EpochSeries> Means(IEnumerable<SeedGroup> groups) =>
        groups.Select(g => g.Band).Select(band => new EpochChart.EpochSeries($"{band.Label} · mean",
            band.Epochs.Select((epoch, i) => ((double)epoch, band.Mean[i])).ToList())).ToList();
}
