using SpectralLab.Core.Data;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Data;

public sealed class IdxReaderTests
{
    static readonly byte[] Values = Enumerable.Range(0, 2 * 3 * 2).Select(i => (byte)(i * 10)).ToArray();

    [Theory]
    [InlineData("images-idx3-ubyte")]
    [InlineData("images-idx3-ubyte.gz")]
    public void Read_WellFormedFile_ReturnsDimensionsAndValues(string name)
    {
        using var folder = new TempDirectory();
        IdxFiles.Write(folder.File(name), IdxFiles.Bytes([2, 3, 2], Values));

        var array = IdxReader.Read(folder.File(name));

        Assert.Equal([2, 3, 2], array.Dimensions);
        Assert.Equal(Values, array.Values);
        Assert.Equal(2, array.Count);
    }

    [Fact]
    public void Read_TruncatedFile_SaysTruncatedAndNamesTheFile()
    {
        using var folder = new TempDirectory();
        var bytes = IdxFiles.Bytes([2, 3, 2], Values);
        IdxFiles.Write(folder.File("short"), bytes[..^5]);

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(folder.File("short")));

        Assert.Contains(folder.File("short"), error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Read_WrongMagicNumber_SaysNotAnIdxFile()
    {
        using var folder = new TempDirectory();
        var bytes = IdxFiles.Bytes([2, 3, 2], Values);
        bytes[0] = 0x1f;
        IdxFiles.Write(folder.File("wrong"), bytes);

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(folder.File("wrong")));

        Assert.Contains("magic number", error.Message);
        Assert.Contains(folder.File("wrong"), error.Message);
    }

    [Theory]
    [InlineData(0x0D, "not supported")] // floats
    [InlineData(0x08, "unexpected bytes")] // trailing data
    public void Parse_UnsupportedTypeOrExtraBytes_Throws(byte type, string expected)
    {
        byte[] bytes = [.. IdxFiles.Bytes([2, 3, 2], Values, type), .. (type == 0x08 ? new byte[] { 1, 2 } : [])];

        var error = Assert.Throws<DataFileException>(() => IdxReader.Parse(bytes, "x"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Read_CorruptGzip_GivesOneClearMessage()
    {
        using var folder = new TempDirectory();
        File.WriteAllBytes(folder.File("bad.gz"), [0x1f, 0x8b, 8, 0, 1, 2, 3]);

        var error = Assert.Throws<DataFileException>(() => IdxReader.Read(folder.File("bad.gz")));

        Assert.Contains(folder.File("bad.gz"), error.Message);
    }

    [Fact]
    public void LoadImageSet_ImageAndLabelCountsDiffer_SaysBothCounts()
    {
        using var folder = new TempDirectory();
        IdxFiles.Write(folder.File("images"), IdxFiles.Bytes([2, 3, 2], Values));
        IdxFiles.Write(folder.File("labels"), IdxFiles.Bytes([3], [1, 2, 3]));

        var error = Assert.Throws<DataFileException>(() => ImageSet.Load(folder.File("images"), folder.File("labels")));

        Assert.Contains("2 images but 3 labels", error.Message);
    }
}
