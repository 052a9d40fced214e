using System.Text;

namespace PairingRules.Cli;

/// <summary>
/// Writes a file whole or not at all: to a temporary file in the same folder, flushed to disk, then moved into place
/// (a rename, atomic on one file system). A write that fails or is cancelled deletes the temporary file and leaves
/// whatever was at the destination as it was; a process killed mid-write leaves at most a hidden
/// <c>.NAME.RANDOM.tmp</c> beside it, never a half-written NAME.
/// </summary>
internal static class AtomicFile
{
    public static void WriteText(string path, Encoding encoding, Action<TextWriter> write, CancellationToken cancellationToken = default) =>
        WriteBytes(
            path,
            stream =>
            {
                using var writer = new StreamWriter(stream, encoding, bufferSize: 65536, leaveOpen: true);
                write(writer);
            },
            cancellationToken);

    public static void WriteBytes(string path, Action<Stream> write, CancellationToken cancellationToken = default)
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

            cancellationToken.ThrowIfCancellationRequested();
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
