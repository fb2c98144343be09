using System.Collections.Concurrent;
using Confluent.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Kafka.Hosting;

/// <summary>
/// A Streamiz <see cref="StreamConfig{KS,VS}"/> that builds each admin-client configuration once.
/// </summary>
/// <remarks>
/// <para>Streamiz's sink processor asks the producer for the sink topic's partition count on every record it writes,
/// and the producer first rebuilds the whole admin configuration to read one refresh interval from it: a union, a
/// distinct and a dictionary over every setting, plus an assembly-name look-up by reflection. In a source-to-sink
/// topology that did nothing else it was 37% of the stream thread's time (expense-pipeline benchmark, profiled).</para>
/// <para>This class re-implements <see cref="IStreamConfig.ToAdminConfig"/>, the member Streamiz calls through its
/// <see cref="IStreamConfig"/> reference, to build the settings once per client id, at first use, and hand out a copy
/// each time, so a caller that changes its copy changes nothing else. First use is when the <c>KafkaStream</c> is
/// created, which also builds its clients from the settings of that moment: settings changed afterwards reach neither
/// the clients nor this cache.</para>
/// </remarks>
/// <typeparam name="TKeySerDes">Default key SerDes.</typeparam>
/// <typeparam name="TValueSerDes">Default value SerDes.</typeparam>
public sealed class AdminConfigReusingStreamConfig<TKeySerDes, TValueSerDes> : StreamConfig<TKeySerDes, TValueSerDes>, IStreamConfig
    where TKeySerDes : ISerDes, new()
    where TValueSerDes : ISerDes, new()
{
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> adminSettings = new();

    AdminClientConfig IStreamConfig.ToAdminConfig(string clientId)
    {
        var settings = adminSettings.GetOrAdd(clientId, id => new Dictionary<string, string>(ToAdminConfig(id)));
        return new AdminClientConfig(new Dictionary<string, string>(settings));
    }
}
