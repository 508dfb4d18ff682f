using System.Buffers.Binary;

namespace SpectralLab.Tests.Fuzz;

/// <summary>One damaged input: what was done to the valid bytes, for the failure message, and the result.</summary>
public sealed record FuzzCase(string Name, byte[] Bytes);

/// <summary>
/// Seeded damage to a valid input, the kinds a disk, a copy or a hand edit does: flipped bits, truncations, lengths set
/// to extremes, bytes inserted, appended or overwritten, and plain noise. The same seed gives the same cases.
/// </summary>
public static class Mutations
{
    static readonly int[] Extremes = [int.MaxValue, int.MinValue, -1, 0, 1, 0x7FFF_FFF0, 1 << 24, 65_536];

    public static IEnumerable<FuzzCase> Of(byte[] valid, int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var (what, bytes) = Mutate(valid, random);
            yield return new FuzzCase($"case {i} (seed {seed}): {what}", bytes);
        }
    }

    /// <summary>The valid bytes cut at every <paramref name="stride"/>-th length, from empty to one byte short.</summary>
    public static IEnumerable<FuzzCase> Truncations(byte[] valid, int stride) =>
        Enumerable.Range(0, (valid.Length + stride - 1) / stride).Select(i => i * stride)
            .Select(length => new FuzzCase($"cut to {length} of {valid.Length} bytes", valid[..length]));

    /// <summary>An int32 set to int.MaxValue at up to <paramref name="most"/> evenly spaced offsets: any length prefix there claims far more than there is.</summary>
    public static IEnumerable<FuzzCase> HugeLengths(byte[] valid, int most)
    {
        int offsets = valid.Length - 3, stride = Math.Max(1, (offsets + most - 1) / most);
        for (int offset = 0; offset < offsets; offset += stride)
            yield return new FuzzCase($"int32 at {offset} := int.MaxValue", WithInt(valid, offset, int.MaxValue));
    }

    static (string What, byte[] Bytes) Mutate(byte[] valid, Random random)
    {
        int At(int length) => length <= 0 ? 0 : random.Next(length);
        byte[] Noise(int length)
        {
            var noise = new byte[length];
            random.NextBytes(noise);
            return noise;
        }
        switch (random.Next(7))
        {
            case 0:
            {
                var bytes = (byte[])valid.Clone();
                int flips = random.Next(1, 5);
                for (int f = 0; f < flips && bytes.Length > 0; f++) bytes[At(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return ($"{flips} bit(s) flipped", bytes);
            }
            case 1:
            {
                int length = At(valid.Length);
                return ($"cut to {length} bytes", valid[..length]);
            }
            case 2 when valid.Length >= 4:
            {
                int offset = At(valid.Length - 3), value = Extremes[random.Next(Extremes.Length)];
                return ($"int32 at {offset} := {value}", WithInt(valid, offset, value));
            }
            case 3:
            {
                int offset = At(valid.Length + 1), length = random.Next(1, 17);
                return ($"{length} bytes inserted at {offset}", [.. valid[..offset], .. Noise(length), .. valid[offset..]]);
            }
            case 4:
            {
                int length = random.Next(1, 65);
                return ($"{length} bytes appended", [.. valid, .. Noise(length)]);
            }
            case 5 when valid.Length > 0:
            {
                var bytes = (byte[])valid.Clone();
                int offset = At(bytes.Length), length = Math.Min(random.Next(1, 65), bytes.Length - offset);
                Noise(length).CopyTo(bytes, offset);
                return ($"{length} bytes overwritten at {offset}", bytes);
            }
            default:
            {
                int length = At(Math.Max(2 * valid.Length, 16));
                return ($"{length} random bytes", Noise(length));
            }
        }
    }

    static byte[] WithInt(byte[] valid, int offset, int value)
    {
        var bytes = (byte[])valid.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), value);
        return bytes;
    }
}
