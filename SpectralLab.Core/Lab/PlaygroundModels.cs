using SpectralLab.Core.Spectral;

namespace SpectralLab.Core.Lab;

/// <summary>A filter to play with, its sliders, and where it came from (defaults, or a run's learned filter).</summary>
public sealed record PlaygroundFilter(FilterSpec Spec, IReadOnlyList<ParameterSlider> Sliders, string Source);

/// <summary>A heatmap of a playground figure with the values its colour scale spans.</summary>
public sealed record PlaygroundFigure(byte[] Png, float Min, float Max);

/// <summary>
/// One playground update: the filter's magnitude and phase (rfft2 grid, zero-frequency row centred), its spatial
/// kernel, and the chosen digit after the spectral layer, as pictures and (the digit) as numbers.
/// </summary>
public sealed record PlaygroundDrawing(PlaygroundFigure Magnitude, PlaygroundFigure Phase, PlaygroundFigure Kernel, PlaygroundFigure Filtered,
    float[] FilteredValues, double Milliseconds);

/// <summary>The filter playground's work, done off the caller's thread.</summary>
public interface IFilterPlayground
{
    /// <summary>How many of the shown test images can be filtered (0 when there is no data).</summary>
    int Images { get; }

    /// <summary>The digits' size, and so the grid the filters are drawn on.</summary>
    FrequencyGrid Grid { get; }

    /// <summary>Shown test image <paramref name="image"/> as a picture, or null when there is no such image.</summary>
    byte[]? DigitPng(int image);

    /// <summary>A family's default filter: a Gaussian mixture of 1 to <see cref="FilterPlaygroundService.MaxComponents"/>, a polynomial of order 1 to <see cref="FilterPlaygroundService.MaxOrder"/>.</summary>
    Task<Answer<PlaygroundFilter>> DefaultsAsync(FilterFamilyKind family, int degree, GridConvention convention);

    /// <summary>Filter <paramref name="filter"/> of layer <paramref name="layer"/> (both from 0) as run <paramref name="run"/>'s newest snapshot has it.</summary>
    Task<Answer<PlaygroundFilter>> LearnedAsync(long run, int layer, int filter);

    /// <summary>A filter given in full (e.g. a flexibility fit), its count of parameters and their values checked; <paramref name="source"/> says where it came from.</summary>
    Task<Answer<PlaygroundFilter>> GivenAsync(FilterSpec spec, string source);

    /// <summary>Draws the filter and shown test image <paramref name="image"/> passed through the spectral layer.</summary>
    Task<Answer<PlaygroundDrawing>> DrawAsync(FilterSpec spec, int image);
}
