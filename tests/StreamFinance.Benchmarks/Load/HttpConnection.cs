using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StreamFinance.Benchmarks.Load;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends a pre-encoded request and reads the whole response (status line,
/// headers, and a body framed by Content-Length or chunked transfer coding) into a reused buffer, so that the load
/// generator allocates next to nothing per request and its own garbage collections stay out of the server's latency.
/// </summary>
internal sealed class HttpConnection : IDisposable
{
    private const int BufferBytes = 64 * 1024;
    private readonly Socket socket;
    private readonly byte[] buffer = new byte[BufferBytes];
    private int start;
    private int end;

    private HttpConnection(Socket socket) => this.socket = socket;

    /// <summary>False once the server asked to close the connection or an exchange failed; it must not be reused.</summary>
    public bool Reusable { get; private set; } = true;

    public static async Task<HttpConnection> OpenAsync(EndPoint server, CancellationToken ct)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server, ct);
            return new HttpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="request"/> and returns the response's status code once its last byte is read.</summary>
    public async ValueTask<int> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken ct)
    {
        try
        {
            while (!request.IsEmpty)
                request = request[await socket.SendAsync(request, SocketFlags.None, ct)..];
            return await ReadResponseAsync(ct);
        }
        catch
        {
            Reusable = false;
            throw;
        }
    }

    private async ValueTask<int> ReadResponseAsync(CancellationToken ct)
    {
        var statusLine = await ReadLineAsync(ct);
        var status = ParseStatus(statusLine.Span);
        long contentLength = -1;
        var chunked = false;
        while (true)
        {
            var header = (await ReadLineAsync(ct)).Span;
            if (header.IsEmpty)
                break;
            var colon = header.IndexOf((byte)':');
            if (colon <= 0)
                throw new InvalidDataException("A response header has no name.");
            var name = header[..colon];
            var value = header[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
                contentLength = Utf8Parser.TryParse(value, out long length, out _) ? length : throw new InvalidDataException("Unreadable Content-Length.");
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
                chunked = value.IndexOf("chunked"u8) >= 0;
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8) && Ascii.EqualsIgnoreCase(value, "close"u8))
                Reusable = false;
        }
        if (chunked)
            await SkipChunkedBodyAsync(ct);
        else if (contentLength > 0)
            await SkipAsync(contentLength, ct);
        else if (contentLength < 0 && status is >= 200 and not 204 and not 304)
            throw new InvalidDataException("The response has neither Content-Length nor chunked transfer coding.");
        return status;
    }

    private static int ParseStatus(ReadOnlySpan<byte> line)
    {
        // HTTP/1.1 200 OK
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(line.Slice(9, 3), out int status, out _))
            throw new InvalidDataException("The response does not start with an HTTP/1.x status line.");
        return status;
    }

    private async ValueTask SkipChunkedBodyAsync(CancellationToken ct)
    {
        while (true)
        {
            var sizeLine = (await ReadLineAsync(ct)).Span;
            var extension = sizeLine.IndexOf((byte)';');
            if (!Utf8Parser.TryParse(extension >= 0 ? sizeLine[..extension] : sizeLine, out ulong size, out _, 'X'))
                throw new InvalidDataException("Unreadable chunk size.");
            if (size == 0)
                break;
            await SkipAsync((long)size, ct);
            if (!(await ReadLineAsync(ct)).IsEmpty)
                throw new InvalidDataException("A chunk does not end with CRLF.");
        }
        while (!(await ReadLineAsync(ct)).IsEmpty)
        {
            // trailer fields, ignored
        }
    }

    private async ValueTask SkipAsync(long count, CancellationToken ct)
    {
        while (count > 0)
        {
            if (start == end)
                await FillAsync(ct);
            var take = (int)Math.Min(count, end - start);
            start += take;
            count -= take;
        }
    }

    /// <summary>The next line without its CRLF; valid until the next read.</summary>
    private async ValueTask<ReadOnlyMemory<byte>> ReadLineAsync(CancellationToken ct)
    {
        while (true)
        {
            var crlf = buffer.AsSpan(start, end - start).IndexOf("\r\n"u8);
            if (crlf >= 0)
            {
                var line = new ReadOnlyMemory<byte>(buffer, start, crlf);
                start += crlf + 2;
                return line;
            }
            if (start == 0 && end == buffer.Length)
                throw new InvalidDataException($"A response line is longer than {BufferBytes} bytes.");
            await FillAsync(ct);
        }
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, ct);
        if (read == 0)
            throw new IOException("The server closed the connection in the middle of a response.");
        end += read;
    }

    public void Dispose() => socket.Dispose();
}
