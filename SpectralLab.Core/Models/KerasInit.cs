using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Models;

/// <summary>The published models were Keras models: Glorot-uniform kernels and zero biases, not torch's defaults.</summary>
static class KerasInit
{
    public static T GlorotZero<T>(T layer) where T : nn.Module
    {
        using var _ = no_grad();
        foreach (var (name, parameter) in layer.named_parameters())
        {
            if (name == "weight") nn.init.xavier_uniform_(parameter);
            else if (name == "bias") nn.init.zeros_(parameter);
        }
        return layer;
    }
}
