using System.Text;

namespace StreamFinance.Benchmarks.Load;

/// <summary>One kind of request the load sends: method, path and, for a POST, a JSON body.</summary>
/// <param name="Kind">Short label for the per-kind counts, e.g. <c>GET cost-center</c>.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query.</param>
/// <param name="Body">UTF-8 JSON body; null for none.</param>
internal sealed record RequestTemplate(string Kind, HttpMethod Method, string Path, byte[]? Body)
{
    /// <summary>The whole HTTP/1.1 request as sent on the wire to <paramref name="host"/> (host:port).</summary>
    public byte[] Encode(string host)
    {
        var head = new StringBuilder()
            .Append(Method.Method).Append(' ').Append(Path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(host).Append("\r\n");
        if (Body is not null)
            head.Append("Content-Type: application/json\r\n").Append("Content-Length: ").Append(Body.Length).Append("\r\n");
        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. Body ?? []];
    }
}
