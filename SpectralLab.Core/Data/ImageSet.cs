namespace SpectralLab.Core.Data;

/// <summary>Labelled grey-scale images, one byte per pixel, stored image after image.</summary>
public sealed class ImageSet
{
    public ImageSet(byte[] pixels, byte[] labels, int count, int height, int width)
    {
        if ((long)count * height * width != pixels.Length)
            throw new ArgumentException($"{pixels.Length} pixels do not make {count} images of {height}×{width}.");
        if (labels.Length != count)
            throw new ArgumentException($"{labels.Length} labels for {count} images.");
        (Pixels, Labels, Count, Height, Width) = (pixels, labels, count, height, width);
    }

    public byte[] Pixels { get; }
    public byte[] Labels { get; }
    public int Count { get; }
    public int Height { get; }
    public int Width { get; }
    public int PixelsPerImage => Height * Width;

    /// <summary>The first <paramref name="count"/> images (all of them when count is at least <see cref="Count"/>).</summary>
    public ImageSet Take(int count) => count >= Count
        ? this
        : new ImageSet(Pixels[..(count * PixelsPerImage)], Labels[..count], count, Height, Width);

    /// <summary>Reads an images file (rank 3) and its labels file (rank 1) and checks that they belong together.</summary>
    public static ImageSet Load(string imagesPath, string labelsPath)
    {
        var images = IdxReader.Read(imagesPath);
        var labels = IdxReader.Read(labelsPath);
        if (images.Dimensions.Length != 3)
            throw new DataFileException($"Data file {imagesPath} is unusable: it has rank {images.Dimensions.Length}, but an images file has rank 3 (count × height × width).");
        if (labels.Dimensions.Length != 1)
            throw new DataFileException($"Data file {labelsPath} is unusable: it has rank {labels.Dimensions.Length}, but a labels file has rank 1.");
        if (images.Count != labels.Count)
            throw new DataFileException($"Data files {imagesPath} and {labelsPath} do not match: {images.Count:N0} images but {labels.Count:N0} labels.");
        return new ImageSet(images.Values, labels.Values, images.Count, images.Dimensions[1], images.Dimensions[2]);
    }
}
