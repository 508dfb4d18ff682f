using SpectralLab.Build;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Build;

public sealed class ElfVersionNeedPatcherTests
{
    const string Marker = "GLIBCXX_3.4.32";

    [Fact]
    public void Read_SyntheticImage_ListsEveryNeedWithItsLibrary()
    {
        var image = ElfImage.WithVersionNeeds("libstdc++.so.6", ("GLIBCXX_3.4.30", 0), (Marker, 0));

        var needs = ElfVersionNeeds.Read(image);

        Assert.Equal(["GLIBCXX_3.4.30", Marker], needs.Select(n => n.Name));
        Assert.All(needs, n => Assert.Equal("libstdc++.so.6", n.File));
        Assert.All(needs, n => Assert.False(n.IsWeak));
    }

    [Fact]
    public void MarkWeak_NeedPresent_SetsOnlyThatNeedsWeakFlag()
    {
        var image = ElfImage.WithVersionNeeds("libstdc++.so.6", ("GLIBCXX_3.4.30", 0), (Marker, 0));
        var before = (byte[])image.Clone();

        var outcome = ElfVersionNeeds.MarkWeak(image, Marker);

        Assert.Equal(ElfPatchOutcome.Patched, outcome);
        var needs = ElfVersionNeeds.Read(image);
        Assert.True(needs.Single(n => n.Name == Marker).IsWeak);
        Assert.False(needs.Single(n => n.Name == "GLIBCXX_3.4.30").IsWeak);
        Assert.Equal(1, image.Zip(before).Count(pair => pair.First != pair.Second)); // one byte: the flags' low byte
    }

    [Fact]
    public void MarkWeak_RunTwice_SecondRunChangesNothing()
    {
        var image = ElfImage.WithVersionNeeds("libstdc++.so.6", (Marker, 0));
        ElfVersionNeeds.MarkWeak(image, Marker);
        var once = (byte[])image.Clone();

        var outcome = ElfVersionNeeds.MarkWeak(image, Marker);

        Assert.Equal(ElfPatchOutcome.AlreadyWeak, outcome);
        Assert.Equal(once, image);
    }

    [Fact]
    public void MarkWeak_NeedAbsent_IsANoOp()
    {
        var image = ElfImage.WithVersionNeeds("libstdc++.so.6", ("GLIBCXX_3.4.30", 0));
        var before = (byte[])image.Clone();

        Assert.Equal(ElfPatchOutcome.NotNeeded, ElfVersionNeeds.MarkWeak(image, Marker));
        Assert.Equal(before, image);
    }

    [Theory]
    [InlineData("bad magic", "bad magic number")]
    [InlineData("truncated", "outside the file")]
    [InlineData("32-bit", "64-bit")]
    public void Read_UnparsableImage_ThrowsAClearMessage(string fault, string expected)
    {
        var image = ElfImage.WithVersionNeeds("libstdc++.so.6", (Marker, 0));
        image = fault switch
        {
            "bad magic" => [.. "MZ"u8, .. image[2..]],
            "truncated" => image[..(image.Length - 100)],
            _ => [.. image[..4], 1, .. image[5..]],
        };

        var error = Assert.Throws<ElfFormatException>(() => ElfVersionNeeds.Read(image));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void MarkWeakInFile_UnparsableFile_NamesTheFileAndLeavesItAlone()
    {
        using var folder = new TempDirectory();
        string path = folder.File("libBroken.so");
        File.WriteAllBytes(path, [1, 2, 3]);

        var error = Assert.Throws<ElfFormatException>(() => ElfVersionNeeds.MarkWeakInFile(path, Marker));

        Assert.Contains(path, error.Message);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
    }

    [Fact]
    public void MarkWeakInFile_LinkIntoACache_LeavesTheCacheCopyUntouched()
    {
        using var folder = new TempDirectory();
        string cache = folder.File("cache.so"), output = folder.File("output.so");
        File.WriteAllBytes(cache, ElfImage.WithVersionNeeds("libstdc++.so.6", (Marker, 0)));
        File.CreateSymbolicLink(output, cache);

        Assert.Equal(ElfPatchOutcome.Patched, ElfVersionNeeds.MarkWeakInFile(output, Marker));

        Assert.False(ElfVersionNeeds.Read(File.ReadAllBytes(cache)).Single().IsWeak);
        Assert.True(ElfVersionNeeds.Read(File.ReadAllBytes(output)).Single().IsWeak);
    }

    [Fact]
    public void BuildOutput_TorchSharpNativeLibrary_HasTheMarkerNeedWeak()
    {
        string library = Directory.EnumerateFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).Single();

        var needs = ElfVersionNeeds.Read(File.ReadAllBytes(library)).Where(n => n.Name == Marker).ToList();

        Assert.All(needs, n => Assert.True(n.IsWeak));
    }
}
