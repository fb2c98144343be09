using System.Text;
using Confluent.Kafka;

namespace StreamFinance.Topologies.Tests.DeadLetters;

/// <summary>Kafka headers from and to text.</summary>
internal static class TestHeaders
{
    public static Headers Of(params (string Name, string Value)[] headers)
    {
        var result = new Headers();
        foreach (var (name, value) in headers)
        {
            result.Add(name, Encoding.UTF8.GetBytes(value));
        }

        return result;
    }

    public static List<(string Name, string Value)> AsText(Headers headers) =>
        headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))).ToList();
}
