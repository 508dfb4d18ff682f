using System.Security.Cryptography;
using SpectralLab.Core.Models;

namespace SpectralLab.Core.Training;

/// <summary>Where training stood at an epoch end.</summary>
public sealed record CheckpointInfo(int Epoch, int Step);

/// <summary>
/// The checkpoint format: the epoch and step reached, then the model's parameters and Adam's moments with their length and
/// SHA-256, so a file cut short, overwritten or bit-flipped is refused before anything is loaded. Format 1 (no length,
/// no checksum) is still read. No random-number state is needed: the models have no randomness after initialisation and
/// each epoch's shuffle is a function of the seed and the epoch.
/// </summary>
public static class Checkpoint
{
    const string Magic = "SpectralLab checkpoint";
    const int Version = 2, Unchecked = 1, HashLength = 32;

    public static void Save(Stream stream, CheckpointInfo info, Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        using var body = new MemoryStream();
        using (var bodyWriter = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.save(bodyWriter);
            optimizer.save_state_dict(bodyWriter);
        }
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(info.Epoch);
        writer.Write(info.Step);
        writer.Write(body.Length);
        writer.Write(bytes);
        writer.Write(SHA256.HashData(bytes));
        writer.Flush();
    }

    /// <summary>Reads only the header: whether the bytes are a checkpoint, and where it stands. Throws InvalidDataException with the reason.</summary>
    /// <param name="name">What the messages call the checkpoint (its file's name).</param>
    public static CheckpointInfo ReadInfo(Stream stream, string name) => Refusing(name, () =>
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        return ReadHeader(reader, name).Info;
    });

    /// <summary>
    /// Checks the whole of a checkpoint (a seekable stream) and loads the model's parameters and the optimizer's state from
    /// it; call on the training thread. Throws InvalidDataException with the reason; the model and the optimizer may then
    /// hold filler, so load another checkpoint into them or discard them.
    /// </summary>
    public static CheckpointInfo Load(Stream stream, string name, Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer) => Refusing(name, () =>
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var (info, version) = ReadHeader(reader, name);
        using var body = new MemoryStream(version == Version ? VerifiedBody(reader, name) : FormatOneBody(reader, name, model, optimizer));
        using (var bodyReader = new BinaryReader(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.load(bodyReader);
            optimizer.load_state_dict(bodyReader);
        }
        if (body.Length - body.Position is > 0 and var extra)
            throw new InvalidDataException($"checkpoint {name} has {extra:N0} unexpected bytes after the optimizer's state");
        if (stream.Length - stream.Position is > 0 and var trailing)
            throw new InvalidDataException($"checkpoint {name} has {trailing:N0} unexpected bytes after its checksum");
        return info;
    });

    static (CheckpointInfo Info, int Version) ReadHeader(BinaryReader reader, string name)
    {
        string magic;
        try { magic = reader.ReadString(); }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException) { throw NotACheckpoint(name); }
        if (magic != Magic) throw NotACheckpoint(name);
        int version = reader.ReadInt32();
        if (version is not (Version or Unchecked))
            throw new InvalidDataException($"checkpoint {name} has format {version}; this lab reads formats {Unchecked} and {Version}");
        var info = new CheckpointInfo(reader.ReadInt32(), reader.ReadInt32());
        if (info.Epoch < 1 || info.Step < 1) throw new InvalidDataException($"checkpoint {name} is damaged (it claims epoch {info.Epoch}, step {info.Step})");
        return (info, version);
    }

    /// <summary>The body of a format-2 checkpoint, once its length fits the file and its checksum matches.</summary>
    static byte[] VerifiedBody(BinaryReader reader, string name)
    {
        long length = reader.ReadInt64(), left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (length < 0 || length > left - HashLength)
            throw new InvalidDataException($"checkpoint {name} is truncated ({left:N0} bytes after its header, {length:N0} + {HashLength} expected)");
        var body = reader.ReadBytes((int)length);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(reader.ReadBytes(HashLength)))
            throw new InvalidDataException($"checkpoint {name} is damaged (its contents do not match their checksum)");
        return body;
    }

    /// <summary>The rest of a format-1 file, once it is laid out as this model's (see <see cref="FormatOneLayout"/>).</summary>
    static byte[] FormatOneBody(BinaryReader reader, string name, Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        var body = reader.ReadBytes((int)(reader.BaseStream.Length - reader.BaseStream.Position));
        FormatOneLayout.Check(body, name, model, optimizer);
        return body;
    }

    static InvalidDataException NotACheckpoint(string name) => new($"{name} is not a SpectralLab checkpoint");

    /// <summary>Whatever a damaged file makes the readers throw becomes one InvalidDataException saying so.</summary>
    static T Refusing<T>(string name, Func<T> read)
    {
        try { return read(); }
        catch (EndOfStreamException) { throw new InvalidDataException($"checkpoint {name} is truncated"); }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or IOException)
        {
            throw new InvalidDataException($"checkpoint {name} is damaged ({e.Message.TrimEnd('.')})", e);
        }
    }
}
