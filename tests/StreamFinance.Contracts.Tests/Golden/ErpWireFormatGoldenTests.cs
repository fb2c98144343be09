using System.Security.Cryptography;
using Avro.IO;
using Avro.Specific;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Tests.Support;

namespace StreamFinance.Contracts.Tests.Golden;

/// <summary>
/// The Avro bytes of the records an ERP consumes (every <c>erp.*</c> topic's value schema), pinned by their SHA-256 for
/// one fully populated record each: a schema or writer change that alters the wire format fails here, as a decision to
/// make with the ERP integration teams, instead of surfacing as records their consumers read differently after a deploy.
/// </summary>
public sealed class ErpWireFormatGoldenTests
{
    /// <summary>Value schema of each ERP topic, with the SHA-256 and length of its sample record's Avro binary encoding.</summary>
    public static TheoryData<string, string, int> Pinned { get; } = new()
    {
        { "erp.journal-postings", "d6669a869a6dffac58381da374114def5f3c4b22a63d66d5c413c0f7ea2ad9f1", 345 },
        { "erp.commitments", "c1f26e0a4cc36bce7182f812c7f0a8a0dbb2c12fd82c07d80b29142a033907e0", 652 }, // revision 3 (issue 16 point 8): the order lines carry their itemCategory (revision 2: kind, revision, reconciliation id, functional totals, commitment lines)
        { "erp.ap-invoices", "716e2ef21d956fe2ac90c4f65bc417ae767ea9f2f24ea30905651cecbd0f8d6b", 314 },
        { "erp.vendor-requests", "9ee25cdc534ed7a1fd447638b589f15ca014c85adb38cb65d404ac2c694d9dde", 172 },
        // Issue 18 added sourceTopic, legalEntityId, amount and businessDate (optional, BACKWARD compatible) for status
        // and daily reconciliation; the ERP sinks write them. Before: 77119a00...0404, 149 bytes.
        { "erp.posting-confirmations", "f6bcdfe9244f38e7b75d951c673c34602964d9fb49f4acbaef5079ab479938b1", 189 },
    };

    [Fact]
    public void Every_erp_topic_of_the_catalog_has_its_wire_format_pinned()
    {
        var erpTopics = Topics.All.Where(t => t.Name.StartsWith("erp.", StringComparison.Ordinal)).Select(t => t.Name).Order();

        Assert.Equal(erpTopics, Pinned.Select(row => row.Data.Item1).Order());
    }

    [Theory]
    [MemberData(nameof(Pinned))]
    public void The_avro_bytes_of_an_erp_record_are_pinned(string topic, string sha256, int length)
    {
        var type = Topics.ByName(topic).ValueType;
        var record = new SampleRecordBuilder().Build(type);

        var bytes = AvroBinary(record);

        Assert.Equal((sha256, length), (Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length));
    }

    private static byte[] AvroBinary(ISpecificRecord record)
    {
        using var stream = new MemoryStream();
        new SpecificDatumWriter<ISpecificRecord>(record.Schema).Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }
}
