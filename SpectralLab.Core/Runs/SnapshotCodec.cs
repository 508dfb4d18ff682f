using SpectralLab.Core.Imaging;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>
/// A compact binary form of a <see cref="Snapshot"/> for the run store: arrays of floats stay floats. Format 1 stored a
/// picture per filter; format 2 one <see cref="FilterMosaic"/> per layer, which a format-1 snapshot gets redrawn from
/// its stored magnitudes, so runs stored before the change keep their gallery.
/// </summary>
public static class SnapshotCodec
{
    const int Version = 2, PicturePerFilter = 1;
    const int MinLayerBytes = 28, MinFilterBytes = 36; // the fixed fields of a layer and of a filter, all lengths zero

    public static byte[] Encode(Snapshot snapshot)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(Version);
            writer.Write(snapshot.Step);
            writer.Write(snapshot.Epoch);
            writer.Write(snapshot.EpochEnd);
            writer.Write(snapshot.Taken.UtcTicks);
            Bytes(writer, snapshot.ReconstructionPng);
            writer.Write(snapshot.Layers.Count);
            foreach (var layer in snapshot.Layers)
            {
                writer.Write(layer.Layer);
                writer.Write(layer.Height);
                writer.Write(layer.Width);
                writer.Write(layer.ScaleMin);
                writer.Write(layer.ScaleMax);
                writer.Write(layer.ParameterNames.Count);
                foreach (var name in layer.ParameterNames) writer.Write(name);
                Bytes(writer, layer.FiltersPng);
                writer.Write(layer.Filters.Count);
                foreach (var f in layer.Filters)
                {
                    writer.Write(f.Index);
                    foreach (var values in new[] { f.Parameters, f.Real, f.Imaginary, f.Magnitude, f.Phase, f.Kernel }) Floats(writer, values);
                    writer.Write(f.Min);
                    writer.Write(f.Max);
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Reads what <see cref="Encode"/> wrote. Every length is checked against the bytes that remain before anything is
    /// allocated, and every filter against its layer, so a damaged blob is an <see cref="InvalidDataException"/> saying so.
    /// </summary>
    public static Snapshot Decode(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data, writable: false));
        try
        {
            var snapshot = Read(reader);
            if (data.Length - reader.BaseStream.Position is > 0 and var extra) throw Damaged($"{extra:N0} bytes follow its end");
            return snapshot;
        }
        catch (EndOfStreamException) { throw new InvalidDataException($"The snapshot is truncated ({data.Length:N0} bytes)."); }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException) { throw Damaged(e.Message.TrimEnd('.')); }
    }

    static Snapshot Read(BinaryReader reader)
    {
        int version = reader.ReadInt32();
        if (version is not (Version or PicturePerFilter))
            throw new InvalidDataException($"Snapshot format {version} is not supported (expected {PicturePerFilter} or {Version}).");
        int step = reader.ReadInt32(), epoch = reader.ReadInt32();
        bool epochEnd = reader.ReadBoolean();
        var taken = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var reconstructions = Bytes(reader);
        var layers = new List<LayerSnapshot>();
        for (int l = Count(reader, MinLayerBytes); l > 0; l--)
        {
            int index = reader.ReadInt32(), height = reader.ReadInt32(), width = reader.ReadInt32();
            if (height < 1 || width < 1) throw Damaged($"layer {index} is {height}×{width}");
            float scaleMin = reader.ReadSingle(), scaleMax = reader.ReadSingle();
            var names = Enumerable.Range(0, Count(reader, 1)).Select(_ => reader.ReadString()).ToList();
            if (names.Distinct().Count() != names.Count) throw Damaged($"layer {index} names a parameter twice");
            var mosaic = version == Version ? Bytes(reader) : null;
            var filters = new List<FilterSnapshot>();
            for (int f = Count(reader, MinFilterBytes); f > 0; f--)
            {
                int filter = reader.ReadInt32();
                var (parameters, real, imaginary, magnitude, phase, kernel) =
                    (Floats(reader), Floats(reader), Floats(reader), Floats(reader), Floats(reader), Floats(reader));
                var snapshot = new FilterSnapshot(filter, parameters, real, imaginary, magnitude, phase, kernel, reader.ReadSingle(), reader.ReadSingle());
                CheckFits(snapshot, index, height, width, names.Count);
                filters.Add(snapshot);
                if (version == PicturePerFilter) Bytes(reader);
            }
            // Redrawn only from filters that fit the grid: the picture's size is then bounded by the data's.
            mosaic ??= filters.Count == 0 ? [] : FilterMosaic.Render(filters.Select(f => f.Magnitude).ToList(), height, width, scaleMin, scaleMax);
            layers.Add(new LayerSnapshot(index, height, width, scaleMin, scaleMax, names, filters, mosaic));
        }
        return new Snapshot(step, epoch, epochEnd, taken, reconstructions, layers);
    }

    /// <summary>A filter's values lie on its layer's grids and name each parameter once, as the pictures and the API expect.</summary>
    static void CheckFits(FilterSnapshot filter, int layer, int height, int width, int parameterNames)
    {
        long grid = (long)height * (width / 2 + 1);
        if (filter.Parameters.Length != parameterNames)
            throw Damaged($"filter {filter.Index} of layer {layer} has {filter.Parameters.Length} parameters for {parameterNames} names");
        if (new[] { filter.Real, filter.Imaginary, filter.Magnitude, filter.Phase }.Any(values => values.Length != grid) || filter.Kernel.Length != (long)height * width)
            throw Damaged($"filter {filter.Index} of layer {layer} does not fit the layer's {height}×{width} grid");
    }

    static InvalidDataException Damaged(string problem) => new($"The snapshot is damaged ({problem}).");

    /// <summary>A count read from the blob, checked against the bytes left, so a damaged one allocates and loops no further than the data.</summary>
    static int Count(BinaryReader reader, int leastBytesEach)
    {
        int count = reader.ReadInt32();
        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || (long)count * leastBytesEach > left)
            throw Damaged($"it counts {count:N0} items of {leastBytesEach}+ bytes with {left:N0} bytes left");
        return count;
    }

    static void Bytes(BinaryWriter writer, byte[] bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    static byte[] Bytes(BinaryReader reader) => reader.ReadBytes(Count(reader, 1));

    static void Floats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    static float[] Floats(BinaryReader reader)
    {
        var values = new float[Count(reader, sizeof(float))];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
