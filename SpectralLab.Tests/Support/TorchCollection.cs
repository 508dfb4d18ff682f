namespace SpectralLab.Tests.Support;

/// <summary>
/// Tests that run torch share one collection: libtorch's thread pools and RNG are process-wide, and the two cores
/// are better spent on one torch test at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "torch";
}
