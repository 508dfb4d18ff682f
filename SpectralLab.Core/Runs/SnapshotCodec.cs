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

    public static Snapshot Decode(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data));
        int version = reader.ReadInt32();
        if (version is not (Version or PicturePerFilter))
            throw new InvalidDataException($"Snapshot format {version} is not supported (expected {PicturePerFilter} or {Version}).");
        int step = reader.ReadInt32(), epoch = reader.ReadInt32();
        bool epochEnd = reader.ReadBoolean();
        var taken = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var reconstructions = Bytes(reader);
        var layers = new List<LayerSnapshot>();
        for (int l = reader.ReadInt32(); l > 0; l--)
        {
            int index = reader.ReadInt32(), height = reader.ReadInt32(), width = reader.ReadInt32();
            float scaleMin = reader.ReadSingle(), scaleMax = reader.ReadSingle();
            var names = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString()).ToList();
            var mosaic = version == Version ? Bytes(reader) : null;
            var filters = new List<FilterSnapshot>();
            for (int f = reader.ReadInt32(); f > 0; f--)
            {
                int filter = reader.ReadInt32();
                var (parameters, real, imaginary, magnitude, phase, kernel) =
                    (Floats(reader), Floats(reader), Floats(reader), Floats(reader), Floats(reader), Floats(reader));
                filters.Add(new FilterSnapshot(filter, parameters, real, imaginary, magnitude, phase, kernel, reader.ReadSingle(), reader.ReadSingle()));
                if (version == PicturePerFilter) Bytes(reader);
            }
            mosaic ??= FilterMosaic.Render(filters.Select(f => f.Magnitude).ToList(), height, width, scaleMin, scaleMax);
            layers.Add(new LayerSnapshot(index, height, width, scaleMin, scaleMax, names, filters, mosaic));
        }
        return new Snapshot(step, epoch, epochEnd, taken, reconstructions, layers);
    }

    static void Bytes(BinaryWriter writer, byte[] bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    static byte[] Bytes(BinaryReader reader) => reader.ReadBytes(reader.ReadInt32());

    static void Floats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    static float[] Floats(BinaryReader reader)
    {
        var values = new float[reader.ReadInt32()];
        reader.Read(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
