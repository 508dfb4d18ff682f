namespace SpectralLab.Core.Spectral;

/// <summary>
/// Rearranges values on an rfft2 grid (H rows × W/2+1 columns, zero frequency at [0, 0]) for display: the full
/// H×W frequency plane, the missing half completed by Hermitian symmetry (|W(−k, −l)| = |W(k, l)|, as irfft2
/// treats the half spectrum), shifted so zero frequency sits at the centre, at row H/2 and column W/2.
/// </summary>
public static class SpectrumLayout
{
    public static float[] CentredFullPlane(ReadOnlySpan<float> half, int height, int width)
    {
        int columns = width / 2 + 1;
        if (half.Length != height * columns)
            throw new ArgumentException($"{half.Length} values do not fill an rfft2 grid of {height}×{columns}.");
        var full = new float[height * width];
        for (int row = 0; row < height; row++)
        for (int column = 0; column < width; column++)
        {
            int k = Wrap(row - height / 2, height), l = Wrap(column - width / 2, width);
            full[row * width + column] = l < columns
                ? half[k * columns + l]
                : half[Wrap(-k, height) * columns + (width - l)];
        }
        return full;
    }

    /// <summary>The rfft2 grid itself (H × W/2+1), rows shifted so the zero-frequency row sits in the middle, at row H/2.</summary>
    public static float[] CentredRows(ReadOnlySpan<float> half, int height, int columns)
    {
        if (half.Length != height * columns)
            throw new ArgumentException($"{half.Length} values do not fill a grid of {height}×{columns}.");
        var shifted = new float[half.Length];
        for (int row = 0; row < height; row++)
            half.Slice(Wrap(row - height / 2, height) * columns, columns).CopyTo(shifted.AsSpan(row * columns, columns));
        return shifted;
    }

    static int Wrap(int index, int length) => ((index % length) + length) % length;
}
