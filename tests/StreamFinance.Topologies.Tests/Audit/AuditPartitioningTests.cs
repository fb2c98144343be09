using System.Text;
using StreamFinance.Kafka.Audit;

namespace StreamFinance.Topologies.Tests.Audit;

public sealed class AuditPartitioningTests
{
    [Theory]
    [InlineData("1", -1993445489)]
    [InlineData("12", 126087238)]
    [InlineData("123", -267702483)]
    [InlineData("1234", -1614185708)]
    [InlineData("12345", -1188365604)]
    public void Murmur2_hashes_as_the_java_kafka_client_does(string key, int expected) =>
        Assert.Equal(expected, AuditPartitioning.Murmur2(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public void A_correlation_id_always_has_the_same_partition_within_range()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => $"c-{i}").ToList();

        var partitions = ids.Select(id => AuditPartitioning.Of(id, 6)).ToList();

        Assert.All(partitions, p => Assert.InRange(p, 0, 5));
        Assert.Equal(partitions, ids.Select(id => AuditPartitioning.Of(id, 6)));
        Assert.Equal(6, partitions.Distinct().Count());
    }
}
