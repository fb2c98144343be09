using System.Net.Http.Headers;

namespace StreamFinance.Benchmarks.Load;

/// <summary>One kind of request the load sends: method, path and, for a POST, a JSON body.</summary>
/// <param name="Kind">Short label for the per-kind counts, e.g. <c>GET cost-center</c>.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query.</param>
/// <param name="Body">UTF-8 JSON body; null for none.</param>
internal sealed record RequestTemplate(string Kind, HttpMethod Method, string Path, byte[]? Body)
{
    /// <summary>A new message for this request (a message can be sent only once).</summary>
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
            message.Content = new ByteArrayContent(Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return message;
    }
}
