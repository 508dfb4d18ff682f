using SpectralLab.Core.Data;
using SpectralLab.Core.Imaging;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Spectral;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// <see cref="IFilterPlayground"/>: filters are built by the families' own classes and applied by the spectral layer
/// itself (<see cref="FilterPlayground"/>) on the <see cref="TorchWorker"/>; pictures and numbers come back.
/// </summary>
public sealed class FilterPlaygroundService(IRunStore store, LabDataset dataset, TorchWorker worker) : IFilterPlayground
{
    public const int MaxComponents = 5, MaxOrder = 4;
    const int DigitScale = 4;
    const int FallbackSize = 28; // the grid of MNIST's digits, when there is no data to read it from

    public int Images => dataset.Data is { } data ? Math.Min(Snapshot.ShownImages, data.Test.Count) : 0;

    public FrequencyGrid Grid => dataset.Data is { } data ? new(data.Height, data.Width) : new(FallbackSize, FallbackSize);

    public byte[]? DigitPng(int image) =>
        Digit(image) is { } digit ? Png.GreyGrid([digit], Grid.Height, Grid.Width, perRow: 1, DigitScale) : null;

    public async Task<Answer<PlaygroundFilter>> DefaultsAsync(FilterFamilyKind family, int degree, GridConvention convention)
    {
        if (DegreeProblem(family, degree) is { } problem) return Answer<PlaygroundFilter>.Refused(problem);
        var grid = Grid;
        var spec = new FilterSpec(family, degree, convention, FilterSliders.Defaults(family, degree, convention, grid));
        return await Offer(() => Playable(spec, grid, "the family's defaults"));
    }

    public async Task<Answer<PlaygroundFilter>> LearnedAsync(long run, int layer, int filter)
    {
        var stored = await Task.Run(() => store.Find(run));
        if (stored is null) return Answer<PlaygroundFilter>.Refused($"There is no run {run}.");
        var snapshot = await Task.Run(() => store.SnapshotAt(run, null));
        if (snapshot is null || snapshot.Layers.Count == 0)
            return Answer<PlaygroundFilter>.Refused($"Run {run} has no spectral filters to start from; choose a spectral run that has taken a snapshot.");
        if (layer < 0 || layer >= snapshot.Layers.Count)
            return Answer<PlaygroundFilter>.Refused($"Run {run} has spectral layers 0 to {snapshot.Layers.Count - 1}; layer {layer} is not one of them.");
        var shown = snapshot.Layers[layer];
        if (filter < 0 || filter >= shown.Filters.Count)
            return Answer<PlaygroundFilter>.Refused($"Layer {layer} of run {run} shows filters 0 to {shown.Filters.Count - 1}; filter {filter} is not one of them.");
        if (ModelCatalog.Find(stored.Model) is not { } model)
            return Answer<PlaygroundFilter>.Refused($"Run {run}'s model {stored.Model} is not one this lab knows.");
        var learned = shown.Filters[filter];
        var (family, degree) = FamilyOf(shown.ParameterNames);
        var grid = Grid;
        if (family == FilterFamilyKind.Free && (shown.Height, shown.Width) != (grid.Height, grid.Width))
            return Answer<PlaygroundFilter>.Refused(
                $"A free filter holds one weight per frequency of its layer's {shown.Height}×{shown.Width} grid, so only one learned on the digits' {grid.Height}×{grid.Width} grid (layer 0) can filter them.");
        float[] parameters = family == FilterFamilyKind.Free ? [.. learned.Real, .. learned.Imaginary] : learned.Parameters;
        var source = $"run {run}, layer {layer}, filter {filter}, at step {snapshot.Step} (epoch {snapshot.Epoch})"
            + (shown.Height == grid.Height ? "" : $"; learned on a {shown.Height}×{shown.Width} grid, drawn here on the digits' {grid.Height}×{grid.Width}");
        return await Offer(() =>
        {
            using var built = model.Create(); // the layer's convention and product are the model's, not the snapshot's
            var spectral = built.SpectralLayers[layer];
            string product = spectral.Product == SpectralProduct.Complex ? "" : "; the run used the pre-fix product, the playground the true complex product";
            return Playable(new FilterSpec(family, degree, spectral.Filters.Convention, parameters), grid, source + product);
        });
    }

    public async Task<Answer<PlaygroundFilter>> GivenAsync(FilterSpec spec, string source)
    {
        if (DegreeProblem(spec.Family, spec.Degree) is { } problem) return Answer<PlaygroundFilter>.Refused(problem);
        if (spec.Parameters.Any(p => !float.IsFinite(p))) return Answer<PlaygroundFilter>.Refused("Every parameter must be a finite number.");
        var grid = Grid;
        return await Offer(() =>
        {
            int expected = FilterPlayground.ParameterNames(spec.Family, spec.Degree, grid).Count;
            return spec.Parameters.Length == expected
                ? Playable(spec, grid, source)
                : Answer<PlaygroundFilter>.Refused($"A {spec.Family} filter of degree {spec.Degree} has {expected} parameters; {spec.Parameters.Length} were given.");
        });
    }

    public async Task<Answer<PlaygroundDrawing>> DrawAsync(FilterSpec spec, int image)
    {
        if (DegreeProblem(spec.Family, spec.Degree) is { } problem) return Answer<PlaygroundDrawing>.Refused(problem);
        if (Digit(image) is not { } digit)
            return Answer<PlaygroundDrawing>.Refused(Images == 0
                ? dataset.Problem ?? "There is no data to take a digit from."
                : $"Image {image} is not one of the shown test images; choose 0 to {Images - 1}.");
        if (spec.Parameters.Any(p => !float.IsFinite(p)))
            return Answer<PlaygroundDrawing>.Refused("Every parameter must be a finite number.");
        var grid = Grid;
        try
        {
            return await worker.RunAsync(() => Answer<PlaygroundDrawing>.Of(PlaygroundRendering.Draw(spec, digit, grid)));
        }
        catch (WorkerBusyException e) { return Answer<PlaygroundDrawing>.Refused(e.Message); }
        catch (ArgumentException e) { return Answer<PlaygroundDrawing>.Refused(e.Message); }
    }

    async Task<Answer<PlaygroundFilter>> Offer(Func<Answer<PlaygroundFilter>> work)
    {
        try { return await worker.RunAsync(work); }
        catch (WorkerBusyException e) { return Answer<PlaygroundFilter>.Refused(e.Message); }
    }

    // On the worker: the family's parameter names need its module.
    static Answer<PlaygroundFilter> Playable(FilterSpec spec, FrequencyGrid grid, string source)
    {
        var names = FilterPlayground.ParameterNames(spec.Family, spec.Degree, grid);
        var sliders = names.Select((name, i) => FilterSliders.For(name, spec.Parameters[i])).ToList();
        return Answer<PlaygroundFilter>.Of(new PlaygroundFilter(spec, sliders, source));
    }

    /// <summary>The family a layer's parameter names belong to (see each family's ParameterNames).</summary>
    static (FilterFamilyKind Family, int Degree) FamilyOf(IReadOnlyList<string> names) => names[0] switch
    {
        "re.mean" => (FilterFamilyKind.Free, 1),
        "re.c0" => (FilterFamilyKind.Polynomial, (names.Count / 2 - 1) / 2),
        var first when first.StartsWith("re.g", StringComparison.Ordinal) => (FilterFamilyKind.Mixture, names.Count / (2 * GaussianFilterFamily.ParametersPerPart)),
        _ => (FilterFamilyKind.Gaussian, 1),
    };

    static string? DegreeProblem(FilterFamilyKind family, int degree) => family switch
    {
        FilterFamilyKind.Mixture when degree is < 1 or > MaxComponents => $"A mixture has 1 to {MaxComponents} Gaussians; {degree} is outside that.",
        FilterFamilyKind.Polynomial when degree is < 1 or > MaxOrder => $"A polynomial has order 1 to {MaxOrder}; {degree} is outside that.",
        _ => null,
    };

    float[]? Digit(int image)
    {
        if (dataset.Data is not { } data || image < 0 || image >= Images) return null;
        return data.Test.Pixels.AsSpan(image * data.Test.PixelsPerImage, data.Test.PixelsPerImage).ToArray().Select(p => p / 255f).ToArray();
    }
}
