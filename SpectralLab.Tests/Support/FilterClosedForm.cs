using SpectralLab.Core.Spectral;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Support;

/// <summary>One filter's value at (u, v), written by hand from its parameters: the independent reference for a family.</summary>
public delegate double ClosedForm(ReadOnlySpan<float> parameters, double u, double v);

/// <summary>Checks a filter family's built filters against its closed form at every point of the rfft2 grid.</summary>
public static class FilterClosedForm
{
    /// <summary>
    /// Row i's u, written out here rather than taken from <see cref="FrequencyGrid"/>: i/H − 0.5 as published (not
    /// centred), or the signed frequency k/H that rfft2 row i holds (k = i up to (H−1)/2, then i − H).
    /// </summary>
    public static double U(int row, int height, GridConvention convention) => convention == GridConvention.Published
        ? (double)row / height - 0.5
        : (row <= (height - 1) / 2 ? row : row - height) / (double)height;

    /// <summary>Column j's v = j/(W/2+1), in every convention.</summary>
    public static double V(int column, int columns) => (double)column / columns;

    /// <summary>
    /// Asserts that <paramref name="filters"/> is shaped [F, H, W/2+1] for an H×W input and that filter f holds
    /// <paramref name="closedForm"/> of its slice of <paramref name="parameters"/> (F equal slices, filter after filter)
    /// at every (u, v), within <see cref="Tolerance.Float32"/>.
    /// </summary>
    public static void AssertFollows(Tensor filters, int height, int width, GridConvention convention, float[] parameters, ClosedForm closedForm)
    {
        int count = (int)filters.shape[0], columns = width / 2 + 1, perFilter = parameters.Length / count;
        Assert.Equal([count, height, columns], filters.shape);
        Assert.Equal(count * perFilter, parameters.Length);
        var expected = new double[count * height * columns];
        for (int f = 0; f < count; f++)
        for (int i = 0; i < height; i++)
        for (int j = 0; j < columns; j++)
            expected[(f * height + i) * columns + j] = closedForm(parameters.AsSpan(f * perFilter, perFilter), U(i, height, convention), V(j, columns));

        var actual = Tensors.Values(filters).Select(v => (double)v).ToArray();

        Tolerance.Float32.AssertAll(expected, actual, at => $"filter {at / (height * columns)} at row {at / columns % height}, column {at % columns}");
    }
}
