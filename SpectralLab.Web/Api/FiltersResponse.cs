using SpectralLab.Core.Training;

namespace SpectralLab.Web.Api;

/// <summary>Every spectral filter of a run at one snapshot, for scripts.</summary>
public sealed record FiltersResponse(int Run, string Model, int Step, int Epoch, IReadOnlyList<LayerFiltersResponse> Layers)
{
    public static FiltersResponse From(RunInfo run, Snapshot snapshot) => new(run.Number, run.Options.Model, snapshot.Step, snapshot.Epoch,
        snapshot.Layers.Select(layer => new LayerFiltersResponse(layer.Layer, layer.Height, layer.Width, layer.Height, layer.Columns,
            layer.Filters.Select(filter => new FilterResponse(filter.Index,
                layer.ParameterNames.Select((name, i) => (name, value: filter.Parameters[i])).ToDictionary(p => p.name, p => p.value),
                filter.Magnitude.Chunk(layer.Columns).ToArray())).ToList())).ToList());
}

/// <summary>A spectral layer: its input size (Height × Width) and its rfft2 grid (Rows × Columns = H × W/2+1).</summary>
public sealed record LayerFiltersResponse(int Layer, int Height, int Width, int Rows, int Columns, IReadOnlyList<FilterResponse> Filters);

/// <summary>A filter's named parameters and its magnitude |W| on the rfft2 grid, row by row (row 0 is zero frequency).</summary>
public sealed record FilterResponse(int Index, IReadOnlyDictionary<string, float> Parameters, float[][] Magnitude);
