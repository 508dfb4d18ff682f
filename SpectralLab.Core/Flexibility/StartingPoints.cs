using SpectralLab.Core.Spectral;

namespace SpectralLab.Core.Flexibility;

/// <summary>
/// Where a fit starts, as the family's parameters flattened (real part's, then imaginary part's), for the target scaled
/// to unit norm. Polynomial and free filters are linear in their parameters, so zero is as good a start as any. Each
/// Gaussian (x0, y0, a, b, c, s0) starts at a seeded random place on the grid with a random width; the first restart
/// puts the first Gaussian of each part on that part's largest value instead.
/// </summary>
sealed class StartingPoints(FamilyChoice choice, FrequencyGrid grid, HalfSpectrum target, double scale, Random random)
{
    const int PerGaussian = GaussianFilterFamily.ParametersPerPart;
    const double PeakWidth = 20, MaxWidth = 200; // a and c: exp(−20·0.25²) ≈ 0.3 a quarter of the grid away

    public double[] Next(int restart) => choice.Kind switch
    {
        FamilyKind.Gaussian => [.. Part(target.Real, restart), .. Part(target.Imaginary, restart)],
        _ => new double[choice.ParameterCount(grid)],
    };

    /// <summary>A fit with one Gaussian fewer per part, plus one more Gaussian switched off (s0 = 0) at a random place.</summary>
    public double[] Extending(double[] smaller)
    {
        int half = smaller.Length / 2;
        return [.. smaller[..half], .. Off(), .. smaller[half..], .. Off()];

        double[] Off()
        {
            var gaussian = Random(1);
            gaussian[5] = 0;
            return gaussian;
        }
    }

    double[] Part(float[] values, int restart)
    {
        var part = new double[PerGaussian * choice.Size];
        for (int k = 0; k < choice.Size; k++)
            (restart == 0 && k == 0 ? AtPeak(values) : Random(Peak(values))).CopyTo(part, k * PerGaussian);
        return part;
    }

    double[] AtPeak(float[] values)
    {
        int index = Enumerable.Range(0, values.Length).MaxBy(i => Math.Abs(values[i]));
        return [grid.RowCoordinate(index / grid.Columns, choice.Convention), grid.ColumnCoordinate(index % grid.Columns), PeakWidth, 0, PeakWidth, values[index] / scale];
    }

    double[] Random(double height)
    {
        double Width() => Math.Exp(random.NextDouble() * Math.Log(MaxWidth));
        return [random.NextDouble() - 0.5, random.NextDouble(), Width(), 0, Width(), height * (2 * random.NextDouble() - 1)];
    }

    double Peak(float[] values) => values.Max(v => Math.Abs(v)) / scale;
}
