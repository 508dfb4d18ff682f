using System.Buffers.Binary;
using System.IO.Compression;

namespace SpectralLab.Core.Data;

/// <summary>
/// Reads IDX files (the MNIST format): two zero bytes, a type code, the rank, one big-endian int32 per
/// dimension, then the values. Only unsigned bytes (type 0x08) are used by image datasets. Files ending
/// in ".gz" are decompressed on the fly.
/// </summary>
public static class IdxReader
{
    const byte UnsignedByteType = 0x08;
    const int MaxRank = 4;

    public static IdxArray Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? ReadGzip(path) : File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new DataFileException($"Cannot read data file {path}: {e.Message}");
        }
        return Parse(bytes, path);
    }

    public static IdxArray Parse(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < 4)
            throw Fault(name, $"it is only {bytes.Length} bytes long, too short for an IDX header");
        if (bytes[0] != 0 || bytes[1] != 0)
            throw Fault(name, $"bad magic number 0x{BinaryPrimitives.ReadUInt32BigEndian(bytes):X8} (not an IDX file)");
        if (bytes[2] != UnsignedByteType)
            throw Fault(name, $"value type 0x{bytes[2]:X2} is not supported (only unsigned bytes, 0x08)");
        int rank = bytes[3];
        if (rank is < 1 or > MaxRank)
            throw Fault(name, $"rank {rank} is not supported (expected 1 to {MaxRank})");
        int headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength)
            throw Fault(name, $"the header is truncated ({bytes.Length} bytes, {headerLength} needed for rank {rank})");

        var dimensions = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(bytes[(4 + 4 * i)..]);
            if (dimensions[i] <= 0)
                throw Fault(name, $"dimension {i} is {dimensions[i]}; every dimension must be positive");
            expected *= dimensions[i];
            if (expected > Array.MaxLength)
                throw Fault(name, $"its dimensions ({string.Join('×', dimensions[..(i + 1)])}) are implausibly large");
        }
        long actual = bytes.Length - headerLength;
        if (actual != expected)
            throw Fault(name, actual < expected
                ? $"it is truncated: {actual:N0} bytes of values, {expected:N0} expected for {string.Join('×', dimensions)}"
                : $"it has {actual - expected:N0} unexpected bytes after the {expected:N0} values for {string.Join('×', dimensions)}");
        return new IdxArray(dimensions, bytes[headerLength..].ToArray());
    }

    static byte[] ReadGzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    static DataFileException Fault(string name, string fault) => new($"Data file {name} is unusable: {fault}.");
}
