using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Core.Runs;

namespace SpectralLab.Tests.Fuzz;

/// <summary>
/// Damaged snapshot blobs, as a damaged run database would hand them over: they decode or raise an InvalidDataException,
/// never allocate by a damaged length, and what decodes encodes again.
/// </summary>
public sealed class SnapshotCodecFuzzTests
{
    /// <summary>Two layers of three filters whose values fit their grids, as the snapshotter makes them.</summary>
    static byte[] FormatTwo()
    {
        LayerSnapshot Layer(int index, int size)
        {
            int grid = size * (size / 2 + 1);
            float[] Ramp(int length) => Enumerable.Range(0, length).Select(i => i / (float)length).ToArray();
            return new LayerSnapshot(index, size, size, 0, 1, ["x0", "y0"],
                Enumerable.Range(0, 3).Select(f => new FilterSnapshot(f, [f, -f], Ramp(grid), Ramp(grid), Ramp(grid), Ramp(grid), Ramp(size * size), 0, 1)).ToList(),
                [1, 2, 3, 4]);
        }
        return SnapshotCodec.Encode(new Snapshot(40, 2, true, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), [9, 9, 9], [Layer(0, 4), Layer(1, 2)]));
    }

    static void DecodeAndEncodeAgain(byte[] bytes) => SnapshotCodec.Encode(SnapshotCodec.Decode(bytes));

    [Fact]
    public void Decode_ValidBlobs_Decode()
    {
        DecodeAndEncodeAgain(FormatTwo());
        DecodeAndEncodeAgain(SnapshotCodecTests.FormatOne(2, 2, [[0, 0, 0, 0], [1, 1, 1, 1]]));
    }

    [Fact]
    public void Decode_FormatTwoDamaged_DecodesOrRaisesInvalidDataException()
    {
        var valid = FormatTwo();
        var cases = Mutations.Of(valid, 400, seed: 11).Concat(Mutations.Truncations(valid, stride: 7)).Concat(Mutations.HugeLengths(valid, 200));

        int count = FuzzAssert.EachSucceedsOrRefuses(cases, DecodeAndEncodeAgain, typeof(InvalidDataException));

        Assert.True(count > 700, $"{count} cases");
    }

    [Fact]
    public void Decode_FormatOneDamaged_DecodesOrRaisesInvalidDataException()
    {
        var valid = SnapshotCodecTests.FormatOne(4, 4, [Enumerable.Repeat(0.5f, 12).ToArray(), Enumerable.Repeat(1f, 12).ToArray()]);
        var cases = Mutations.Of(valid, 300, seed: 12).Concat(Mutations.HugeLengths(valid, 100));

        FuzzAssert.EachSucceedsOrRefuses(cases, DecodeAndEncodeAgain, typeof(InvalidDataException));
    }
}
