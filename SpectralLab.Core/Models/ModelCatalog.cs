using SpectralLab.Core.Spectral;

namespace SpectralLab.Core.Models;

/// <summary>A model the lab can train: its command-line name, the name people see, and how to build it.</summary>
public sealed record ModelDescriptor(string Name, string DisplayName, string Description, Func<Autoencoder> Create);

/// <summary>Every model the lab offers, by name.</summary>
public static class ModelCatalog
{
    const int Filters = 32;

    public static IReadOnlyList<ModelDescriptor> All { get; } =
    [
        new("spatial", "Spatial baseline",
            "The published baseline: two 3×3 conv + max-pool blocks, transposed-conv decoder.",
            () => new SpatialAutoencoder(Filters)),
        new("spectral-gaussian", "Spectral encoder (Gaussian)",
            "Two Gaussian spectral layers (true complex product) + max-pool, the same decoder.",
            () => new SpectralEncoderAutoencoder(() => new GaussianFilterFamily(Filters), SpectralProduct.Complex, Filters)),
        new("spectral-gaussian-published", "Spectral encoder (Gaussian, as published)",
            "The Gaussian spectral encoder with the published code's imaginary term, to reproduce its numbers.",
            () => new SpectralEncoderAutoencoder(() => new GaussianFilterFamily(Filters), SpectralProduct.AsPublished, Filters)),
    ];

    public static ModelDescriptor? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(m => m.Name));
}
