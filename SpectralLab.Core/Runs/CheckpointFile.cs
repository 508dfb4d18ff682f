using SpectralLab.Core.Models;
using TorchSharp;

namespace SpectralLab.Core.Runs;

/// <summary>Where training stood at an epoch end.</summary>
public sealed record CheckpointInfo(int Epoch, int Step);

/// <summary>
/// A checkpoint: the epoch and step reached, the model's parameters and Adam's moments, in one file. Written to a
/// temporary file and moved into place, so a crash mid-write leaves the previous checkpoint intact. No random-number
/// state is needed: the models have no randomness after initialisation and each epoch's shuffle is a function of the
/// seed and the epoch.
/// </summary>
public static class CheckpointFile
{
    const string Magic = "SpectralLab checkpoint";
    const int Version = 1;

    public static void Write(string path, CheckpointInfo info, Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string temporary = path + ".writing";
        using (var file = File.Create(temporary))
        using (var writer = new BinaryWriter(file))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(info.Epoch);
            writer.Write(info.Step);
            model.save(writer);
            optimizer.save_state_dict(writer);
            writer.Flush();
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads only the header: whether the file is a checkpoint, and where it stands. Throws InvalidDataException with the reason.</summary>
    public static CheckpointInfo ReadInfo(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException("its checkpoint file is missing");
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            return ReadHeader(reader);
        }
        catch (EndOfStreamException) { throw new InvalidDataException("its checkpoint file is truncated"); }
        catch (IOException e) { throw new InvalidDataException($"its checkpoint file cannot be read ({e.Message})"); }
    }

    /// <summary>Loads the model's parameters and the optimizer's state; call on the training thread.</summary>
    public static CheckpointInfo Load(string path, Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
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
