using static TorchSharp.torch;

namespace SpectralLab.Core.Models;

/// <summary>
/// The channels-last layout: the same [N, C, H, W] indices, NHWC in memory, where libtorch's max-pool is vectorised
/// and NCHW's is not, so the encoders pool in it and the decoder carries on in it (docs/performance.md).
/// </summary>
public static class ChannelsLast
{
    /// <summary>The same values laid out channels-last: a copy, unless they already are.</summary>
    public static Tensor Of(Tensor input) => input.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    /// <summary>2×2 max-pool with stride 2, in (and returning) the channels-last layout.</summary>
    public static Tensor MaxPool2(Tensor input) => nn.functional.max_pool2d(Of(input), 2);
}
