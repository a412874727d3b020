using System.Runtime.CompilerServices;
using System.Text;

namespace QppOrleans.Grains.Directory;

/// <summary>
/// The lines of an NDJSON stream of any size, read a buffer at a time. A line longer than the
/// limit is given as null (and skipped), so no single line can exhaust memory.
/// </summary>
public static class NdjsonLines
{
    public const int MaxLineLength = 1 << 20;

    public static async IAsyncEnumerable<(int Number, string? Text)> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var buffer = new char[1 << 16];
        var line = new StringBuilder();
        var number = 1;
        var tooLong = false;
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != '\n')
                {
                    continue;
                }

                Append(buffer.AsSpan(start, i - start));
                yield return (number++, tooLong ? null : line.ToString().TrimEnd('\r'));
                line.Clear();
                tooLong = false;
                start = i + 1;
            }

            Append(buffer.AsSpan(start, read - start));
        }

        if (line.Length > 0 || tooLong)
        {
            yield return (number, tooLong ? null : line.ToString().TrimEnd('\r'));
        }

        void Append(ReadOnlySpan<char> part)
        {
            if (tooLong || line.Length + part.Length > MaxLineLength)
            {
                tooLong = true;
                line.Clear();
                return;
            }

            line.Append(part);
        }
    }
}
