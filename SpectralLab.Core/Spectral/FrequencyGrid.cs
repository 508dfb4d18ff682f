using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// The coordinates of an rfft2 grid for an H×W input: H rows and W/2+1 columns. As published, row i sits at
/// u = i/H − 0.5 and column j at v = j/(W/2+1), so u = −0.5 is the zero-frequency row (the grid is not centred).
/// </summary>
public readonly record struct FrequencyGrid(int Height, int Width)
{
    public int Columns => Width / 2 + 1;

    public double RowCoordinate(int row) => (double)row / Height - 0.5;

    public double ColumnCoordinate(int column) => (double)column / Columns;

    /// <summary>Row coordinates shaped [1, H, 1] and column coordinates shaped [1, 1, W/2+1], ready to broadcast over filters.</summary>
    public (Tensor Rows, Tensor Columns) Coordinates(Device? device = null)
    {
        var rows = arange(Height, float32, device).div_(Height).sub_(0.5).view(1, Height, 1);
        var columns = arange(Columns, float32, device).div_(Columns).view(1, 1, Columns);
        return (rows, columns);
    }
}
