namespace SpectralLab.Core.Training;

/// <summary>Where a run's checkpoints go. A write lands whole or not at all.</summary>
public interface ICheckpointStorage
{
    void Write(Action<Stream> write);
}
