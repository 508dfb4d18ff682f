using SpectralLab.Core.Models;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Fuzz;

/// <summary>
/// Damaged checkpoints of a small model, read on the test's thread: the header reads or raises an InvalidDataException,
/// and a load succeeds only when the whole file is right. Format 1 (no checksum) goes through TorchSharp's own readers.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class CheckpointFuzzTests : IDisposable
{
    readonly Autoencoder model;
    readonly TorchSharp.Modules.OptimizerHelper optimizer;
    readonly byte[] valid;

    public CheckpointFuzzTests()
    {
        manual_seed(3);
        model = ModelCatalog.Find("spatial")!.Create();
        optimizer = optim.Adam(model.parameters());
        using (var scope = NewDisposeScope()) Trainer.TrainOn(model, optimizer, rand(4, 1, 28, 28)); // Adam's moments exist after a step
        using var file = new MemoryStream();
        Checkpoint.Save(file, new CheckpointInfo(3, 120), model, optimizer);
        valid = file.ToArray();
    }

    public void Dispose()
    {
        optimizer.Dispose();
        model.Dispose();
    }

    /// <summary>The same checkpoint as format 1 wrote it: the header, then the body, without its length and checksum.</summary>
    byte[] FormatOne()
    {
        using var reader = new BinaryReader(new MemoryStream(valid));
        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer);
        writer.Write(reader.ReadString());
        reader.ReadInt32();
        writer.Write(1);
        writer.Write(reader.ReadInt32());
        writer.Write(reader.ReadInt32());
        writer.Write(reader.ReadBytes((int)reader.ReadInt64()));
        return buffer.ToArray();
    }

    void Load(byte[] bytes) => Checkpoint.Load(new MemoryStream(bytes), "fuzz.ckpt", model, optimizer);

    static IEnumerable<FuzzCase> GarbageAfterHeader(byte[] valid, int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var bytes = new byte[random.Next(1, valid.Length)];
            random.NextBytes(bytes);
            valid.AsSpan(0, 35).CopyTo(bytes.AsSpan(0, Math.Min(35, bytes.Length))); // magic, format, epoch and step
            yield return new FuzzCase($"valid header, then {bytes.Length - 35} random bytes", bytes);
        }
    }

    [Fact]
    public void Load_Valid_RestoresWhereTheRunStood()
    {
        Assert.Equal(new CheckpointInfo(3, 120), Checkpoint.Load(new MemoryStream(valid), "valid.ckpt", model, optimizer));
        Assert.Equal(new CheckpointInfo(3, 120), Checkpoint.Load(new MemoryStream(FormatOne()), "format-1.ckpt", model, optimizer));
    }

    [Fact]
    public void ReadInfo_Damaged_ReadsOrRaisesInvalidDataException()
    {
        var cases = Mutations.Of(valid[..64], 300, seed: 21).Concat(Mutations.Truncations(valid[..64], stride: 1));

        FuzzAssert.EachSucceedsOrRefuses(cases, bytes => Checkpoint.ReadInfo(new MemoryStream(bytes), "fuzz.ckpt"), typeof(InvalidDataException));
    }

    [Fact]
    public void Load_FormatTwoDamaged_EveryChangeIsRefused()
    {
        var cases = Mutations.Of(valid, 300, seed: 22).Concat(Mutations.Truncations(valid, stride: valid.Length / 50)).Concat(GarbageAfterHeader(valid, 100, seed: 23));

        // With a checksum over the body, no damaged file loads: every case must be refused, none may pass as a checkpoint.
        FuzzAssert.EachSucceedsOrRefuses(cases, bytes =>
        {
            if (bytes.AsSpan().SequenceEqual(valid)) throw new InvalidDataException("unchanged");
            Load(bytes);
            Assert.Fail("a damaged checkpoint loaded");
        }, typeof(InvalidDataException));
    }

    [Fact]
    public void Load_FormatOneDamaged_LoadsOrRaisesInvalidDataException()
    {
        var formatOne = FormatOne();
        var cases = Mutations.Of(formatOne, 300, seed: 24).Concat(Mutations.Truncations(formatOne, stride: formatOne.Length / 50))
            .Concat(Mutations.HugeLengths(formatOne[..4096], 100).Select(c => c with { Bytes = [.. c.Bytes, .. formatOne[4096..]] }));

        FuzzAssert.EachSucceedsOrRefuses(cases, Load, typeof(InvalidDataException));
    }
}
