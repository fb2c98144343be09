using System.Buffers.Binary;
using System.Text;
using Confluent.Kafka;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// The one rule that puts an audit event in its partition of <c>audit.emitted</c>: Kafka's default partitioning of
/// the correlation id (murmur2 of its UTF-8 bytes, made positive, modulo the partition count), the same as a Java
/// producer's. Every writer applies it explicitly, whatever its client's own default (librdkafka hashes with CRC32, and
/// a Streamiz sink writes to its source partition unless told otherwise), so every event of one correlation id reaches
/// the one chainer task that holds its chain.
/// </summary>
public static class AuditPartitioning
{
    /// <summary>The partition of <paramref name="correlationId"/> among <paramref name="partitions"/>.</summary>
    public static int Of(string correlationId, int partitions)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        return (Murmur2(Encoding.UTF8.GetBytes(correlationId)) & 0x7fffffff) % partitions;
    }

    /// <summary>The partition of <paramref name="correlationId"/> in <c>audit.emitted</c>, as a Confluent topic partition.</summary>
    public static TopicPartition In(string topic, int partitions, string correlationId) => new(topic, new Partition(Of(correlationId, partitions)));

    /// <summary>Kafka's murmur2 (seed 0x9747b28c), as its Java client computes it: a signed 32-bit hash.</summary>
    public static int Murmur2(ReadOnlySpan<byte> data)
    {
        const uint m = 0x5bd1e995;
        const int r = 24;
        var h = 0x9747b28cu ^ (uint)data.Length;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
            k *= m;
            k ^= k >> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        var tail = data[(blocks * 4)..];
        switch (tail.Length)
        {
            case 3:
                h ^= (uint)tail[2] << 16;
                h ^= (uint)tail[1] << 8;
                h ^= tail[0];
                h *= m;
                break;
            case 2:
                h ^= (uint)tail[1] << 8;
                h ^= tail[0];
                h *= m;
                break;
            case 1:
                h ^= tail[0];
                h *= m;
                break;
        }
        h ^= h >> 13;
        h *= m;
        h ^= h >> 15;
        return unchecked((int)h);
    }
}
