namespace SpectralLab.Core.Flexibility;

/// <summary>One cell of the matrix: a family fitted to a target.</summary>
/// <param name="Target">The target's index in <see cref="FlexibilityReport.Targets"/>.</param>
/// <param name="Family">The family's <see cref="FamilyChoice.Key"/>.</param>
/// <param name="Residual">‖W − T‖/‖T‖ over the rfft2 grid.</param>
/// <param name="Parameters">Learned numbers per filter.</param>
/// <param name="Psnr">dB between the test digit filtered by the fit and by the target (see <see cref="FilteredDigit"/>).</param>
/// <param name="Values">The fitted parameters for the target as it is (not scaled), in <see cref="Spectral.FilterSpec"/>'s
/// order, so the playground can start from the fit; null for the free family (the fit is its weights) and in reports
/// stored before they were kept.</param>
public sealed record FlexibilityCell(int Target, string Family, double Residual, int Parameters, double Psnr, HalfSpectrum Fit, float[]? Values = null);

/// <summary>
/// An analysis as stored and shown: the targets, the families (columns), the cells found so far, the digit used for
/// PSNR, and how long the fitting took. Plain numbers only, so it is a JSON file and a screen's model alike.
/// </summary>
public sealed record FlexibilityReport(
    string Key, IReadOnlyList<FlexibilityTarget> Targets, IReadOnlyList<string> Families, IReadOnlyList<FlexibilityCell> Cells,
    float[] Digit, FitSettings Settings, double Seconds, bool Complete)
{
    public FlexibilityCell? Cell(int target, string family) => Cells.FirstOrDefault(c => c.Target == target && c.Family == family);

    /// <summary>Each family's median residual over the targets it has been fitted to.</summary>
    public IReadOnlyDictionary<string, double> MedianResiduals() => Families
        .Where(f => Cells.Any(c => c.Family == f))
        .ToDictionary(f => f, f => Median(Cells.Where(c => c.Family == f).Select(c => c.Residual)));

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
