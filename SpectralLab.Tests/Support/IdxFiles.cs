using System.Buffers.Binary;
using System.IO.Compression;

namespace SpectralLab.Tests.Support;

/// <summary>Writes IDX files byte by byte, independently of the reader under test.</summary>
public static class IdxFiles
{
    public static byte[] Bytes(int[] dimensions, byte[] values, byte type = 0x08)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + values.Length];
        bytes[2] = type;
        bytes[3] = (byte)dimensions.Length;
        for (int i = 0; i < dimensions.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dimensions[i]);
        values.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    public static void Write(string path, byte[] bytes)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            File.WriteAllBytes(path, bytes);
            return;
        }
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(bytes);
    }

    /// <summary>A complete dataset folder of <paramref name="train"/> and <paramref name="test"/> random images.</summary>
    public static void WriteDataset(string folder, int train, int test, int height = 4, int width = 4, int seed = 7)
    {
        var random = new Random(seed);
        foreach (var (prefix, count) in new[] { ("train", train), ("t10k", test) })
        {
            var pixels = new byte[count * height * width];
            random.NextBytes(pixels);
            Write(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), Bytes([count, height, width], pixels));
            Write(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), Bytes([count], Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray()));
        }
    }
}
