// Marks chosen ELF version needs (.gnu.version_r auxiliary entries) weak, so the dynamic loader accepts a
// library whose only reference to a newer symbol version is a marker nothing relocates against.
// Compiled twice: by MSBuild's RoslynCodeTaskFactory for the build (so it keeps to C# 7.3 and netstandard),
// and by the test project with SPECTRALLAB_ELF_PATCHER_WITHOUT_TASK defined.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SpectralLab.Build
{
    public enum ElfPatchOutcome { Patched, AlreadyWeak, NotNeeded }

    public sealed class ElfFormatException : Exception
    {
        public ElfFormatException(string message) : base(message) { }
    }

    public struct ElfVersionNeed
    {
        public string File;
        public string Name;
        public ushort Flags;
        public int FlagsOffset;
        public bool IsWeak { get { return (Flags & ElfVersionNeeds.WeakFlag) != 0; } }
    }

    public static class ElfVersionNeeds
    {
        public const ushort WeakFlag = 0x2; // VER_FLG_WEAK
        const uint VersionNeedSectionType = 0x6ffffffe; // SHT_GNU_verneed

        /// <summary>Every (library, version) need recorded in a 64-bit little-endian ELF image.</summary>
        public static List<ElfVersionNeed> Read(byte[] image)
        {
            var needs = new List<ElfVersionNeed>();
            if (image.Length < 0x40 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
                throw new ElfFormatException("not an ELF file (bad magic number)");
            if (image[4] != 2) throw new ElfFormatException("only 64-bit ELF files are supported");
            if (image[5] != 1) throw new ElfFormatException("only little-endian ELF files are supported");

            long sectionTable = U64(image, 0x28, "section header offset");
            int entrySize = U16(image, 0x3a, "section header size");
            int count = U16(image, 0x3c, "section header count");
            if (count > 0 && entrySize < 0x40) throw new ElfFormatException("section header entries are too small");
            for (int i = 0; i < count; i++)
            {
                long header = sectionTable + (long)i * entrySize;
                if (U32(image, header + 4, "section type") != VersionNeedSectionType) continue;
                long offset = U64(image, header + 0x18, "version-need offset");
                long size = U64(image, header + 0x20, "version-need size");
                uint link = U32(image, header + 0x28, "version-need string table");
                uint entries = U32(image, header + 0x2c, "version-need count");
                if (link >= count) throw new ElfFormatException("version-need section links to a missing string table");
                long strings = sectionTable + (long)link * entrySize;
                long stringsOffset = U64(image, strings + 0x18, "string table offset");
                long stringsSize = U64(image, strings + 0x20, "string table size");
                Check(image, offset, size, "version-need section");
                Check(image, stringsOffset, stringsSize, "string table");

                long need = offset;
                for (uint n = 0; n < entries; n++)
                {
                    int auxCount = U16(image, need + 2, "version-need entry");
                    string file = Str(image, stringsOffset, stringsSize, U32(image, need + 4, "version-need file"));
                    long aux = need + U32(image, need + 8, "version-need aux offset");
                    for (int a = 0; a < auxCount; a++)
                    {
                        var entry = new ElfVersionNeed();
                        entry.File = file;
                        entry.FlagsOffset = checked((int)(aux + 4));
                        entry.Flags = (ushort)U16(image, aux + 4, "version-need flags");
                        entry.Name = Str(image, stringsOffset, stringsSize, U32(image, aux + 8, "version-need name"));
                        needs.Add(entry);
                        aux += U32(image, aux + 12, "version-need next aux");
                    }
                    need += U32(image, need + 12, "version-need next entry");
                }
            }
            return needs;
        }

        /// <summary>Sets the weak flag on every need of <paramref name="versionName"/> in the image.</summary>
        public static ElfPatchOutcome MarkWeak(byte[] image, string versionName)
        {
            bool found = false, changed = false;
            foreach (var need in Read(image))
            {
                if (need.Name != versionName) continue;
                found = true;
                if (need.IsWeak) continue;
                ushort flags = (ushort)(need.Flags | WeakFlag);
                image[need.FlagsOffset] = (byte)flags;
                image[need.FlagsOffset + 1] = (byte)(flags >> 8);
                changed = true;
            }
            return !found ? ElfPatchOutcome.NotNeeded : changed ? ElfPatchOutcome.Patched : ElfPatchOutcome.AlreadyWeak;
        }

        /// <summary>
        /// Patches a file. A changed image is written to a new file and moved into place, so a hard link into
        /// a package cache is replaced, never written through.
        /// </summary>
        public static ElfPatchOutcome MarkWeakInFile(string path, string versionName)
        {
            byte[] image = File.ReadAllBytes(path);
            ElfPatchOutcome outcome;
            try { outcome = MarkWeak(image, versionName); }
            catch (ElfFormatException e) { throw new ElfFormatException(path + ": " + e.Message); }
            if (outcome != ElfPatchOutcome.Patched) return outcome;
            string temporary = path + ".patching";
            File.WriteAllBytes(temporary, image);
            File.Delete(path);
            File.Move(temporary, path);
            return outcome;
        }

        static void Check(byte[] image, long offset, long length, string what)
        {
            if (offset < 0 || length < 0 || offset + length > image.Length)
                throw new ElfFormatException(what + " lies outside the file (truncated or corrupt)");
        }

        static int U16(byte[] image, long offset, string what)
        {
            Check(image, offset, 2, what);
            return image[offset] | (image[offset + 1] << 8);
        }

        static uint U32(byte[] image, long offset, string what)
        {
            Check(image, offset, 4, what);
            return (uint)(image[offset] | (image[offset + 1] << 8) | (image[offset + 2] << 16) | (image[offset + 3] << 24));
        }

        static long U64(byte[] image, long offset, string what)
        {
            ulong low = U32(image, offset, what), high = U32(image, offset + 4, what);
            ulong value = low | (high << 32);
            if (value > int.MaxValue) throw new ElfFormatException(what + " is out of range (corrupt file)");
            return (long)value;
        }

        static string Str(byte[] image, long tableOffset, long tableSize, uint index)
        {
            if (index >= tableSize) throw new ElfFormatException("a version name lies outside the string table");
            long start = tableOffset + index, end = start;
            while (end < tableOffset + tableSize && image[end] != 0) end++;
            return Encoding.ASCII.GetString(image, (int)start, (int)(end - start));
        }
    }

#if !SPECTRALLAB_ELF_PATCHER_WITHOUT_TASK
    /// <summary>MSBuild task: marks <see cref="VersionName"/> weak in each of <see cref="Files"/>.</summary>
    public sealed class MarkElfVersionNeedWeak : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required] public Microsoft.Build.Framework.ITaskItem[] Files { get; set; }
        [Microsoft.Build.Framework.Required] public string VersionName { get; set; }

        public override bool Execute()
        {
            foreach (var item in Files)
            {
                try
                {
                    var outcome = ElfVersionNeeds.MarkWeakInFile(item.ItemSpec, VersionName);
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "{0}: {1} {2}", item.ItemSpec, VersionName, outcome);
                }
                catch (ElfFormatException e)
                {
                    Log.LogError("Cannot patch the native torch library so it loads on this system: {0}", e.Message);
                }
                catch (IOException e)
                {
                    Log.LogError("Cannot patch the native torch library {0}: {1}", item.ItemSpec, e.Message);
                }
            }
            return !Log.HasLoggedErrors;
        }
    }
#endif
}
