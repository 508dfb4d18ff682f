using SpectralLab.Core.Spectral;

namespace SpectralLab.Core.Models;

/// <summary>A model the lab can train: its command-line name, the name people see, and how to build it.</summary>
public sealed record ModelDescriptor(string Name, string DisplayName, string Description, Func<Autoencoder> Create);

/// <summary>Every model the lab offers, by name.</summary>
public static class ModelCatalog
{
    const int Filters = 32;
    const string PreFixBug = "spectral-gaussian-prefix-bug";

    public static IReadOnlyList<ModelDescriptor> All { get; } =
    [
        new("spatial", "Spatial baseline",
            "The published baseline: two 3×3 conv + max-pool blocks, transposed-conv decoder.",
            () => new SpatialAutoencoder(Filters)),
        new("spectral-gaussian", "Spectral encoder (Gaussian, as published)",
            "The published spectral model: two Gaussian spectral layers (true complex product, as in the author's library since commit 8d85230) + max-pool, the same decoder.",
            () => new SpectralEncoderAutoencoder((_, n) => new GaussianFilterFamily(n), SpectralProduct.Complex, Filters)),
        new(PreFixBug, "Spectral encoder (Gaussian, pre-fix product)",
            "Ablation: the published spectral model with the imaginary term Re·Re + Im·Im the author's library had before its fix 8d85230; it does not give the published numbers.",
            () => new SpectralEncoderAutoencoder((_, n) => new GaussianFilterFamily(n), SpectralProduct.PreFixBug, Filters)),
        new("spectral-polynomial", "Spectral encoder (linear)",
            "The spectral encoder with the published linear family: a first-order polynomial in u and v per filter.",
            () => new SpectralEncoderAutoencoder((_, n) => new PolynomialFilterFamily(n), SpectralProduct.Complex, Filters)),
        new("spectral-free", "Spectral encoder (free weights)",
            "The spectral encoder with one free complex weight per frequency: the fully trainable reference.",
            () => new SpectralEncoderAutoencoder((grid, n) => new FreeFilterFamily(n, grid), SpectralProduct.Complex, Filters)),
        new("spectral-gaussian-mixture", "Spectral encoder (Gaussian mixture)",
            "The spectral encoder with a sum of three Gaussians per filter.",
            () => new SpectralEncoderAutoencoder((_, n) => new GaussianMixtureFilterFamily(n), SpectralProduct.Complex, Filters)),
        new("spectral-gaussian-centred", "Spectral encoder (Gaussian, centred grid)",
            "The Gaussian spectral encoder on a grid with zero frequency at u = 0 rather than the published u = −0.5.",
            () => new SpectralEncoderAutoencoder((_, n) => new GaussianFilterFamily(n, convention: GridConvention.Centred), SpectralProduct.Complex, Filters)),
        new("spectral-gaussian-mixing", "Spectral encoder (Gaussian, full channel mixing)",
            "The Gaussian spectral encoder whose second layer gives every input channel its own filter per output channel.",
            () => new SpectralEncoderAutoencoder((_, n) => new GaussianFilterFamily(n), SpectralProduct.Complex, Filters, mixing: ChannelMixing.Full)),
        new("spectral-end-to-end", "Spectral end to end",
            "No spatial convolution: Gaussian spectral layers with spectral pooling 28→14→7 and unpooling back to 28.",
            () => new SpectralAutoencoder(Filters)),
    ];

    /// <summary>Names models had before, and the names they have now: runs stored under an old name stay readable.</summary>
    static readonly Dictionary<string, string> FormerNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spectral-gaussian-published"] = PreFixBug, // until issue 13 found that the published runs used the fixed product
    };

    /// <summary>Finds a model by its name, or by a name it had before.</summary>
    public static ModelDescriptor? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, CurrentName(name), StringComparison.OrdinalIgnoreCase));

    /// <summary>The model's name now: a former name becomes the current one; any other name stays as it is.</summary>
    public static string CurrentName(string name) => FormerNames.GetValueOrDefault(name, name);

    public static string Names => string.Join(", ", All.Select(m => m.Name));
}
