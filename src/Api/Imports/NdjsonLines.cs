using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace QppOrleans.Api.Imports;

/// <summary>One line of an NDJSON stream: its text, or (when <see cref="Text"/> is null) why it cannot be read.</summary>
public readonly record struct NdjsonLine(int Number, string? Text, string? Refusal);

/// <summary>
/// The lines of an NDJSON stream of any size, read a buffer at a time and split at LF bytes. A line
/// longer than the limit is refused (and skipped), so no single line can exhaust memory. Each line
/// is decoded as strict UTF-8: a line with bytes that are not UTF-8 is refused, not read with
/// replacement characters (U+FFFD) that would put garbled names into the directory. A byte-order
/// mark before the first line is skipped.
/// </summary>
public static class NdjsonLines
{
    /// <summary>The longest line read, in bytes.</summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>
    /// How every import reads a line's JSON: a property named twice would leave which value counts
    /// to chance, so such a line is not valid JSON.
    /// </summary>
    public static readonly JsonDocumentOptions Json = new() { AllowDuplicateProperties = false };

    public static async IAsyncEnumerable<NdjsonLine> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new byte[1 << 16];
        var line = new ArrayBufferWriter<byte>(1 << 12);
        var number = 1;
        var tooLong = false;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            int end;
            while ((end = Array.IndexOf(buffer, (byte)'\n', start, read - start)) >= 0)
            {
                Append(buffer.AsSpan(start, end - start));
                yield return Complete();
                start = end + 1;
            }

            Append(buffer.AsSpan(start, read - start));
        }

        if (line.WrittenCount > 0 || tooLong)
        {
            yield return Complete();
        }

        void Append(ReadOnlySpan<byte> part)
        {
            if (tooLong || line.WrittenCount + part.Length > MaxLineLength)
            {
                tooLong = true;
                line.ResetWrittenCount();
                return;
            }

            line.Write(part);
        }

        NdjsonLine Complete()
        {
            var result = tooLong
                ? new NdjsonLine(number, null, $"The line is longer than {MaxLineLength} bytes.")
                : Decode(number, line.WrittenSpan);
            number++;
            tooLong = false;
            line.ResetWrittenCount();
            return result;
        }
    }

    private static NdjsonLine Decode(int number, ReadOnlySpan<byte> bytes)
    {
        var bom = number == 1 && bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        bytes = bytes[bom..];

        if (bytes.EndsWith("\r"u8))
        {
            bytes = bytes[..^1];
        }

        if (Utf8.IsValid(bytes))
        {
            return new NdjsonLine(number, Encoding.UTF8.GetString(bytes), null);
        }

        Utf8.ToUtf16(bytes, new char[bytes.Length], out var valid, out _, replaceInvalidSequences: false);
        return new NdjsonLine(number, null, $"The line is not valid UTF-8 (byte {bom + valid + 1} of the line); files are imported in UTF-8.");
    }
}
