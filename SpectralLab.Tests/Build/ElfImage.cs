using System.Buffers.Binary;
using System.Text;

namespace SpectralLab.Tests.Build;

/// <summary>Builds a minimal 64-bit little-endian ELF image with a .dynstr and a .gnu.version_r section.</summary>
static class ElfImage
{
    public static byte[] WithVersionNeeds(string library, params (string Name, ushort Flags)[] versions)
    {
        var strings = new MemoryStream();
        strings.WriteByte(0);
        int Add(string s) { int at = (int)strings.Length; strings.Write(Encoding.ASCII.GetBytes(s + "\0")); return at; }
        int file = Add(library);
        int[] names = versions.Select(v => Add(v.Name)).ToArray();

        const int headerSize = 64, stringsAt = headerSize;
        int needAt = Align(stringsAt + (int)strings.Length, 8);
        int needSize = 16 + 16 * versions.Length;
        int sectionsAt = Align(needAt + needSize, 8);
        var image = new byte[sectionsAt + 3 * 64];

        "\u007fELF"u8.CopyTo(image);
        image[4] = 2; // 64-bit
        image[5] = 1; // little-endian
        BinaryPrimitives.WriteInt64LittleEndian(image.AsSpan(0x28), sectionsAt);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3a), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3c), 3);
        strings.ToArray().CopyTo(image, stringsAt);

        var need = image.AsSpan(needAt);
        BinaryPrimitives.WriteUInt16LittleEndian(need, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(need[2..], (ushort)versions.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(need[4..], (uint)file);
        BinaryPrimitives.WriteUInt32LittleEndian(need[8..], 16);
        for (int i = 0; i < versions.Length; i++)
        {
            var aux = need[(16 + 16 * i)..];
            BinaryPrimitives.WriteUInt16LittleEndian(aux[4..], versions[i].Flags);
            BinaryPrimitives.WriteUInt16LittleEndian(aux[6..], (ushort)(i + 2));
            BinaryPrimitives.WriteUInt32LittleEndian(aux[8..], (uint)names[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(aux[12..], i + 1 < versions.Length ? 16u : 0u);
        }

        WriteSection(image, sectionsAt + 64, type: 3, stringsAt, (int)strings.Length, link: 0, info: 0);
        WriteSection(image, sectionsAt + 128, type: 0x6ffffffe, needAt, needSize, link: 1, info: 1);
        return image;
    }

    static void WriteSection(byte[] image, int at, uint type, int offset, int size, uint link, uint info)
    {
        var header = image.AsSpan(at);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], type);
        BinaryPrimitives.WriteInt64LittleEndian(header[0x18..], offset);
        BinaryPrimitives.WriteInt64LittleEndian(header[0x20..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x28..], link);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2c..], info);
    }

    static int Align(int value, int to) => (value + to - 1) / to * to;
}
