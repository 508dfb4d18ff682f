using SpectralLab.Core.Spectral;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Models;

/// <summary>
/// An image autoencoder: [N, 1, H, W] in, [N, 1, H, W] probabilities out. Training works on <see cref="Logits"/>
/// so the loss can fold the final sigmoid into a numerically stable binary cross-entropy.
/// </summary>
public abstract class Autoencoder(string name) : nn.Module<Tensor, Tensor>(name)
{
    /// <summary>The output before the final sigmoid.</summary>
    public abstract Tensor Logits(Tensor input);

    public override Tensor forward(Tensor input) => Logits(input).sigmoid();

    /// <summary>The spectral layers in call order (none for a spatial model).</summary>
    public virtual IReadOnlyList<SpectralConv2d> SpectralLayers => [];

    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>Floating-point operations of one forward pass of <paramref name="batch"/> images (see <see cref="Flops"/>); null when not counted.</summary>
    public virtual long? ForwardFlops(int batch, int height, int width) => null;
}
