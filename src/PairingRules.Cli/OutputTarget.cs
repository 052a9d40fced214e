using System.Runtime.InteropServices;
using System.Text;

namespace PairingRules.Cli;

/// <summary>
/// Where <c>--out</c> writes, and how, decided before any work is done so that an unwritable output fails at once with
/// the path the user gave:
/// <list type="bullet">
/// <item><c>-</c>: standard output (the human report then goes to standard error);</item>
/// <item>a new file or a regular file: written whole or not at all, to a temporary file in the same folder that is
/// flushed and then renamed over the destination (atomic on one file system);</item>
/// <item>a symbolic link: the same rules applied to the file it finally points to (the link stays a link);</item>
/// <item>anything else that exists, such as a character device (<c>/dev/null</c>, <c>/dev/stdout</c>) or a named pipe:
/// opened and written in place, never replaced.</item>
/// </list>
/// </summary>
internal sealed class OutputTarget
{
    /// <summary>The <c>--out</c> value that means standard output.</summary>
    public const string StandardOutput = "-";

    private readonly Kind _kind;
    private readonly Func<Stream> _openStandardOutput;

    private OutputTarget(string given, string path, Kind kind, Func<Stream> openStandardOutput)
    {
        Given = given;
        Path = path;
        _kind = kind;
        _openStandardOutput = openStandardOutput;
    }

    private enum Kind
    {
        StandardOutput,
        ReplaceAtomically,
        WriteInPlace,
    }

    /// <summary>The path as the user gave it, for messages.</summary>
    public string Given { get; }

    /// <summary>The path written: the given one, or the final target of a symbolic link.</summary>
    public string Path { get; }

    /// <summary>Whether the result goes to standard output.</summary>
    public bool IsStandardOutput => _kind == Kind.StandardOutput;

    /// <summary>
    /// Decides how to write <paramref name="given"/> and checks, without changing anything the user can see, that it can
    /// be written: the folder exists (or can be made) and takes a new file, or the existing file or device opens for writing.
    /// </summary>
    /// <param name="given">The <c>--out</c> value.</param>
    /// <param name="openStandardOutput">Opens standard output, for <c>-</c>.</param>
    /// <exception cref="UsageException">It cannot be written; the message names <paramref name="given"/> and why.</exception>
    public static OutputTarget Open(string given, Func<Stream> openStandardOutput)
    {
        if (given == StandardOutput)
        {
            return new OutputTarget(given, given, Kind.StandardOutput, openStandardOutput);
        }

        string path;
        try
        {
            path = System.IO.Path.GetFullPath(given);
            if (new FileInfo(path).LinkTarget is not null)
            {
                path = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Unwritable(given, e.Message);
        }

        if (Directory.Exists(path))
        {
            throw Unwritable(given, "it is a folder; give a file name");
        }

        var type = FileTypes.Of(path);
        var target = new OutputTarget(given, path, type is FileType.Missing or FileType.Regular ? Kind.ReplaceAtomically : Kind.WriteInPlace, openStandardOutput);
        target.CheckWritable(type);
        return target;
    }

    /// <summary>Writes text in <paramref name="encoding"/>.</summary>
    public void WriteText(Encoding encoding, Action<TextWriter> write, CancellationToken cancellationToken) =>
        WriteBytes(
            stream =>
            {
                using var writer = new StreamWriter(stream, encoding, bufferSize: 65536, leaveOpen: true);
                write(writer);
            },
            cancellationToken);

    /// <summary>Writes bytes: to standard output, in place, or whole or not at all.</summary>
    public void WriteBytes(Action<Stream> write, CancellationToken cancellationToken)
    {
        switch (_kind)
        {
            case Kind.StandardOutput:
                using (var stdout = _openStandardOutput())
                {
                    write(stdout);
                    stdout.Flush();
                }

                break;
            case Kind.WriteInPlace:
                cancellationToken.ThrowIfCancellationRequested();
                using (var stream = new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                {
                    write(stream);
                    stream.Flush();
                }

                break;
            default:
                ReplaceAtomically(write, cancellationToken);
                break;
        }
    }

    private void ReplaceAtomically(Action<Stream> write, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(Path) ?? ".";
        Directory.CreateDirectory(folder);
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{System.IO.Path.GetRandomFileName()}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(Given, e.Message);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private void CheckWritable(FileType type)
    {
        try
        {
            switch (type)
            {
                case FileType.Missing:
                case FileType.Regular:
                    // The folder must take a new file (the temporary one); an existing file must be writable, since a
                    // rename over a read-only file would replace what the user protected.
                    var folder = System.IO.Path.GetDirectoryName(Path) ?? ".";
                    for (var ancestor = folder; ancestor is not null && !Directory.Exists(ancestor); ancestor = System.IO.Path.GetDirectoryName(ancestor))
                    {
                        if (File.Exists(ancestor))
                        {
                            throw Unwritable(Given, $"'{ancestor}' is a file, not a folder");
                        }
                    }

                    Directory.CreateDirectory(folder);
                    var probe = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{System.IO.Path.GetRandomFileName()}.tmp");
                    using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                    {
                    }

                    if (type == FileType.Regular)
                    {
                        using var existing = new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                    }

                    break;
                case FileType.Fifo:
                    // Opening a named pipe for writing waits for a reader: the writer opens it when the result is ready.
                    break;
                default:
                    using (new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                    {
                    }

                    break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(Given, e is UnauthorizedAccessException ? "permission denied" : e.Message);
        }
    }

    private static UsageException Unwritable(string given, string why) =>
        new($"cannot write --out '{given}': {why}; nothing was done");
}

/// <summary>What kind of file system entry a path names (without following a final symbolic link).</summary>
internal enum FileType
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}

/// <summary>
/// The type of a file system entry. .NET reports a device or a named pipe as a normal file, so on Linux this asks the
/// kernel (<c>statx</c>, whose layout is the same on every architecture); elsewhere it falls back to what .NET knows
/// (every existing entry that is not a folder or a link counts as a regular file).
/// </summary>
internal static partial class FileTypes
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int StatxModeOffset = 28;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    public static FileType Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[StatxSize];
            if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                return Marshal.GetLastPInvokeError() is NoSuchFile or NotADirectory ? FileType.Missing : FileType.Other;
            }

            var mode = BitConverter.ToUInt16(buffer, StatxModeOffset) & 0xF000;
            return mode switch
            {
                0x8000 => FileType.Regular,
                0x4000 => FileType.Directory,
                0xA000 => FileType.SymbolicLink,
                0x2000 => FileType.CharacterDevice,
                0x6000 => FileType.BlockDevice,
                0x1000 => FileType.Fifo,
                0xC000 => FileType.Socket,
                _ => FileType.Other,
            };
        }

        var info = new FileInfo(path);
        return info.LinkTarget is not null ? FileType.SymbolicLink
            : Directory.Exists(path) ? FileType.Directory
            : info.Exists ? FileType.Regular
            : FileType.Missing;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
