using System.IO.Compression;
using SpectralLab.Core.Data;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Fuzz;

/// <summary>Damaged IDX files read alone, gzipped, and as one of a dataset's four: they load or raise a DataFileException.</summary>
public sealed class IdxFuzzTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    static byte[] Images(int count = 12) => IdxFiles.Bytes([count, 4, 4], Enumerable.Range(0, count * 16).Select(i => (byte)i).ToArray());

    static byte[] Labels(int count = 12) => IdxFiles.Bytes([count], Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray());

    static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(bytes);
        return buffer.ToArray();
    }

    [Fact]
    public void Parse_DamagedImagesAndLabels_ParseOrRaiseDataFileException()
    {
        var cases = Mutations.Of(Images(), 300, seed: 1).Concat(Mutations.Of(Labels(), 200, seed: 2)).Concat(Mutations.HugeLengths(Images(), 60));

        int count = FuzzAssert.EachSucceedsOrRefuses(cases, bytes => IdxReader.Parse(bytes, "fuzz"), typeof(DataFileException));

        Assert.True(count >= 550, $"{count} cases");
    }

    [Fact]
    public void Read_DamagedGzipFiles_ReadOrRaiseDataFileException()
    {
        string path = folder.File("images-idx3-ubyte.gz");

        FuzzAssert.EachSucceedsOrRefuses(Mutations.Of(Gzip(Images()), 250, seed: 3), bytes =>
        {
            File.WriteAllBytes(path, bytes);
            IdxReader.Read(path);
        }, typeof(DataFileException));
    }

    [Fact]
    public void Load_DatasetWithOneDamagedFile_LoadsOrRaisesDataFileException()
    {
        string[] names = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];
        byte[][] valid = [Images(), Labels(), Images(6), Labels(6)];
        int next = 0;

        FuzzAssert.EachSucceedsOrRefuses(Enumerable.Range(0, 200).SelectMany(i => Mutations.Of(valid[i % 4], 1, seed: 100 + i)), bytes =>
        {
            int damaged = next++ % 4; // the cases come in the order they were made: file i % 4 is the damaged one
            for (int f = 0; f < 4; f++) File.WriteAllBytes(folder.File(names[f]), f == damaged ? bytes : valid[f]);
            DatasetLoader.Load(folder.Path);
        }, typeof(DataFileException));
    }
}
