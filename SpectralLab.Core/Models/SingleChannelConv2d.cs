using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpectralLab.Core.Models;

/// <summary>
/// A 'same' convolution to one output channel (the decoder's last layer, 32→1), computed as a depthwise convolution
/// (each input channel through its own kernel) followed by a sum over channels, because on AVX-512 libtorch 2.10's
/// oneDNN computes a wrong input gradient for a convolution whose output channel count is not a multiple of 16, and
/// wrong values for a grouped one with more than one output per group on a channels-last input; this form meets neither.
/// </summary>
public sealed class SingleChannelConv2d : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;
    readonly Parameter bias;

    public SingleChannelConv2d(int inChannels, int kernel) : base(nameof(SingleChannelConv2d))
    {
        weight = nn.Parameter(empty(1, inChannels, kernel, kernel));
        bias = nn.Parameter(zeros(1));
        using (no_grad()) nn.init.xavier_uniform_(weight); // Keras' Glorot-uniform, as the other layers
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        long channels = weight.shape[1], kernel = weight.shape[2];
        var perChannel = nn.functional.conv2d(input, weight.view(channels, 1, kernel, kernel),
            padding: [kernel / 2, kernel / 2], groups: channels);
        return perChannel.sum(1, keepdim: true) + bias.view(1, 1, 1, 1);
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
