using SpectralLab.Tests.Support;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Runtime;

[Collection(TorchCollection.Name)]
public sealed class TorchRuntimeTests
{
    [Fact]
    public void Torch_InTheTestProcess_InitialisesAndComputes()
    {
        using var sum = ones(3, 4).sum();

        Assert.Equal(12f, sum.item<float>());
    }
}
