using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpectralLab.Core.Models;

/// <summary>
/// A 'same' convolution to few output channels (the decoder's last layer: 32→1). libtorch 2.10's oneDNN kernels on
/// AVX-512 CPUs compute a wrong input gradient (often NaN; measured relative error up to 1.0) when the output channel
/// count is not a multiple of their block of 16, so the weights are padded with zero filters to a whole block inside
/// each call and the extra outputs dropped. The padding is not a parameter: the model's parameter count is unchanged.
/// </summary>
public sealed class NarrowConv2d : nn.Module<Tensor, Tensor>
{
    const int Block = 16;
    readonly Parameter weight;
    readonly Parameter bias;

    public NarrowConv2d(int inChannels, int outChannels, int kernel) : base(nameof(NarrowConv2d))
    {
        weight = nn.Parameter(empty(outChannels, inChannels, kernel, kernel));
        bias = nn.Parameter(zeros(outChannels));
        using (no_grad()) nn.init.xavier_uniform_(weight); // Keras' Glorot-uniform, as the other layers
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        int outChannels = (int)weight.shape[0], padding = (int)weight.shape[2] / 2;
        int spare = (Block - outChannels % Block) % Block;
        var padded = spare == 0 ? weight : cat([weight, zeros([spare, .. weight.shape[1..]], weight.dtype, weight.device)], 0);
        var output = nn.functional.conv2d(input, padded, padding: [padding, padding]);
        return output.narrow(1, 0, outChannels) + bias.view(1, -1, 1, 1);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            weight.Dispose();
            bias.Dispose();
        }
        base.Dispose(disposing);
    }
}
