using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Spectral;

[Collection(TorchCollection.Name)]
public sealed class FrequencyGridTests
{
    public static TheoryData<int, GridConvention, double[]> Rows => new()
    {
        { 4, GridConvention.Published, [-0.5, -0.25, 0, 0.25] },
        { 5, GridConvention.Published, [-0.5, -0.3, -0.1, 0.1, 0.3] },
        // Signed frequencies k/H in rfft2 order: 0, 1, (Nyquist as −H/2), −1 for H = 4; 0, 1, 2, −2, −1 for H = 5.
        { 4, GridConvention.Centred, [0, 0.25, -0.5, -0.25] },
        { 5, GridConvention.Centred, [0, 0.2, 0.4, -0.4, -0.2] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Coordinates_EachConvention_PlacesTheRowsAsDocumented(int height, GridConvention convention, double[] expected)
    {
        var grid = new FrequencyGrid(height, 6);

        var (rows, columns) = grid.Coordinates(convention: convention);

        Assert.Equal([1, height, 1], rows.shape);
        Assert.Equal(expected, Tensors.Values(rows).Select(v => (double)v), (a, b) => Math.Abs(a - b) < 1e-7);
        Assert.Equal(expected, Enumerable.Range(0, height).Select(i => grid.RowCoordinate(i, convention)), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal([0, 0.25, 0.5, 0.75], Tensors.Values(columns).Select(v => (double)v)); // v = j/(W/2+1) in both
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(28)]
    public void Centred_InTheLabsCentredDisplay_GivesRowRTheCoordinateRMinusHalfHOverH(int height)
    {
        // The display (SpectrumLayout) puts zero frequency in row H/2; the centred u must read (r − H/2)/H there.
        var grid = new FrequencyGrid(height, 4);
        var half = new float[height * grid.Columns];
        for (int i = 0; i < height; i++)
        for (int j = 0; j < grid.Columns; j++)
            half[i * grid.Columns + j] = (float)grid.RowCoordinate(i, GridConvention.Centred);

        var display = SpectrumLayout.CentredFullPlane(half, height, 4);

        for (int r = 0; r < height; r++)
            Assert.Equal((r - height / 2) / (double)height, display[r * 4 + 4 / 2], 6); // the zero-frequency column
    }
}
