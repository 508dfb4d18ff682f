using SpectralLab.Core.Models;

namespace SpectralLab.Tests.Core.Models;

public sealed class FlopsTests
{
    [Fact]
    public void Conv2d_ByHand_TwoOperationsPerMultiplyAdd()
    {
        // 2 images, 3→4 channels, 5×6 output, 3×3 kernel: each output value is 3·9 multiply-adds.
        Assert.Equal(2L * 4 * 5 * 6 * (3 * 9) * 2, Flops.Conv2d(2, 3, 4, 5, 6, 3));
    }

    [Fact]
    public void SpatialAutoencoder_Mnist_CountsEveryLayerFromItsShape()
    {
        using var model = new SpatialAutoencoder();
        long perImage = 2L * 9 * (1 * 32 * 28 * 28 + 32 * 32 * 14 * 14 + 32 * 32 * 7 * 7 + 32 * 32 * 14 * 14 + 32 * 1 * 28 * 28)
            + 4L * 32 * (14 * 14 + 7 * 7);

        Assert.Equal(128 * perImage, model.ForwardFlops(128, 28, 28));
    }
}
