using static TorchSharp.torch;

namespace SpectralLab.Core.Models;

/// <summary>
/// One encoder layer's outputs for a batch: <see cref="Activated"/> is the layer's output after its nonlinearity (for a
/// spatial convolution, ReLU of the convolution; for a spectral one, irfft2 of the spectrum after ReLU on its real and
/// imaginary parts), <see cref="Pooled"/> the same after the layer's pooling, which is what the next layer reads.
/// Both are [N, C, h, w].
/// </summary>
public sealed record EncoderActivation(string Layer, Tensor Activated, Tensor Pooled)
{
    public static EncoderActivation Of(string layer, Tensor activated, Func<Tensor, Tensor> pool) => new(layer, activated, pool(activated));
}

/// <summary>A model whose encoder can be looked into: each layer's outputs, in call order, exactly as the model computes them.</summary>
public interface IEncoderProbe
{
    /// <summary>The encoder's layers for <paramref name="input"/> ([N, 1, H, W]); the last one's <see cref="EncoderActivation.Pooled"/> is the code the decoder reads.</summary>
    IReadOnlyList<EncoderActivation> Activations(Tensor input);
}
