using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpectralLab.Core.Models;

/// <summary>
/// A 'same' convolution to one output channel (the decoder's last layer, 32→1), computed as a depthwise convolution
/// (each input channel through its own kernel) followed by a sum over channels. Two faults of libtorch 2.10's oneDNN
/// kernels on this AVX-512 CPU shape it: a plain convolution whose output channel count is not a multiple of 16
/// computes a wrong input gradient (often NaN), and a grouped one with more than one output per group computes wrong
/// values on a channels-last input; the depthwise form (32 outputs, one per group) meets neither. It also does only
/// the arithmetic the layer needs, where the earlier workaround, padding the weights to 16 filters, did 16 times as
/// much: this layer's forward and backward took 14.7 ms padded and 6.7 ms depthwise (batch 128, 28×28).
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
