using SpectralLab.Core.Models;

namespace SpectralLab.Core.Training;

/// <summary>Where training stood at an epoch end.</summary>
public sealed record CheckpointInfo(int Epoch, int Step);

/// <summary>Where a run's checkpoint is kept. A write lands whole or not at all.</summary>
public interface ICheckpointStorage
{
    void Write(Action<Stream> write);

    /// <summary>The checkpoint's bytes; throws <see cref="InvalidDataException"/> with the reason when there is none.</summary>
    Stream OpenRead();
}

/// <summary>
/// The checkpoint format: the epoch and step reached, the model's parameters and Adam's moments. No random-number
/// state is needed: the models have no randomness after initialisation and each epoch's shuffle is a function of the
/// seed and the epoch.
/// </summary>
public static class Checkpoint
{
    const string Magic = "SpectralLab checkpoint";
    const int Version = 1;

    public static void Save(Stream stream, CheckpointInfo info, Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(info.Epoch);
        writer.Write(info.Step);
        model.save(writer);
        optimizer.save_state_dict(writer);
        writer.Flush();
    }

    /// <summary>Reads only the header: whether the bytes are a checkpoint, and where it stands. Throws InvalidDataException with the reason.</summary>
    public static CheckpointInfo ReadInfo(ICheckpointStorage storage)
    {
        try
        {
            using var reader = new BinaryReader(storage.OpenRead());
            return ReadHeader(reader);
        }
        catch (EndOfStreamException) { throw new InvalidDataException("its checkpoint file is truncated"); }
        catch (IOException e) { throw new InvalidDataException($"its checkpoint file cannot be read ({e.Message})"); }
    }

    /// <summary>Loads the model's parameters and the optimizer's state; call on the training thread.</summary>
    public static CheckpointInfo Load(ICheckpointStorage storage, Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        try
        {
            using var reader = new BinaryReader(storage.OpenRead());
            var info = ReadHeader(reader);
            model.load(reader);
            optimizer.load_state_dict(reader);
            return info;
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or IOException)
        {
            throw new InvalidDataException($"its checkpoint file is corrupt ({e.Message})");
        }
    }

    static CheckpointInfo ReadHeader(BinaryReader reader)
    {
        string magic;
        try { magic = reader.ReadString(); }
        catch (Exception e) when (e is EndOfStreamException or FormatException) { throw new InvalidDataException("its checkpoint file is not a SpectralLab checkpoint"); }
        if (magic != Magic) throw new InvalidDataException("its checkpoint file is not a SpectralLab checkpoint");
        int version = reader.ReadInt32();
        if (version != Version) throw new InvalidDataException($"its checkpoint has format {version}, this lab reads {Version}");
        return new CheckpointInfo(reader.ReadInt32(), reader.ReadInt32());
    }
}
