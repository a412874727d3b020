namespace QppOrleans.Bench;

/// <summary>A read stream that draws a progress bar on standard error as it is read.</summary>
internal sealed class ProgressStream(Stream inner, string label) : Stream
{
    private long read;
    private long lastDrawn = -1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int bytes)
    {
        read += bytes;
        var percent = inner.Length == 0 ? 100 : read * 100 / inner.Length;
        if (percent != lastDrawn)
        {
            lastDrawn = percent;
            Console.Error.Write($"\r{label}: [{new string('#', (int)(percent / 5)),-20}] {percent,3}% ({read / 1048576.0:F0} MiB)");
        }

        return bytes;
    }
}
