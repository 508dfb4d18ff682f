using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Spectral;

/// <summary>
/// The coordinates of an rfft2 grid for an H×W input: H rows and W/2+1 columns. Column j sits at v = j/(W/2+1) in
/// every convention. Row i sits at u = i/H − 0.5 as published (<see cref="GridConvention.Published"/>, the default:
/// u = −0.5 is the zero-frequency row, the grid is not centred), or at its signed frequency k/H
/// (<see cref="GridConvention.Centred"/>: u = 0 is the zero-frequency row). The convention belongs to the filter
/// family, so the grid itself is only the size.
/// </summary>
public readonly record struct FrequencyGrid(int Height, int Width)
{
    public int Columns => Width / 2 + 1;

    public double RowCoordinate(int row, GridConvention convention = GridConvention.Published) => convention switch
    {
        GridConvention.Published => (double)row / Height - 0.5,
        _ => (double)(row < (Height + 1) / 2 ? row : row - Height) / Height,
    };

    public double ColumnCoordinate(int column) => (double)column / Columns;

    /// <summary>Row coordinates shaped [1, H, 1] and column coordinates shaped [1, 1, W/2+1], ready to broadcast over filters.</summary>
    public (Tensor Rows, Tensor Columns) Coordinates(Device? device = null, GridConvention convention = GridConvention.Published)
    {
        var rows = convention switch
        {
            GridConvention.Published => arange(Height, float32, device).div_(Height).sub_(0.5),
            _ => fft.fftfreq(Height, dtype: float32, device: device),
        };
        var columns = arange(Columns, float32, device).div_(Columns).view(1, 1, Columns);
        return (rows.view(1, Height, 1), columns);
    }
}
