using System.Text;

namespace PairingRules.Cli;

/// <summary>Writes a file whole or not at all: to a temporary file in the same folder, then moved into place.</summary>
internal static class AtomicFile
{
    public static void WriteText(string path, Encoding encoding, Action<TextWriter> write) =>
        WriteBytes(path, stream =>
        {
            using var writer = new StreamWriter(stream, encoding, bufferSize: 65536, leaveOpen: true);
            write(writer);
        });

    public static void WriteBytes(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
