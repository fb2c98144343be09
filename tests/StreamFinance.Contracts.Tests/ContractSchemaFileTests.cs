using System.Text.Json;
using Avro;
using Avro.Generic;
using Avro.IO;
using Avro.Specific;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Tests.Support;
using StreamFinance.TestSupport.Files;

namespace StreamFinance.Contracts.Tests;

public sealed class ContractSchemaFileTests
{
    private static readonly Dictionary<string, string> CSharpNamespaces = new()
    {
        ["streamfinance.common"] = "StreamFinance.Contracts.Common",
        ["streamfinance.masterdata"] = "StreamFinance.Contracts.MasterData",
        ["streamfinance.transactions"] = "StreamFinance.Contracts.Transactions",
        ["streamfinance.outputs"] = "StreamFinance.Contracts.Outputs",
    };

    public static TheoryData<string> SchemaFiles { get; } = new(
        Directory.GetFiles(RepositoryRoot.Combine("avro"), "*.avsc").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Every_schema_file_has_a_generated_class_in_its_mapped_CSharp_namespace(string fileName)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("avro", fileName)));
        var name = json.RootElement.GetProperty("name").GetString();
        var avroNamespace = json.RootElement.GetProperty("namespace").GetString()!;

        var type = ContractTypes.Assembly.GetType($"{CSharpNamespaces[avroNamespace]}.{name}");

        Assert.True(type is not null, $"{fileName} defines {avroNamespace}.{name} but no {CSharpNamespaces[avroNamespace]}.{name} was generated.");
    }

    [Fact]
    public void Data_written_with_the_canonical_schema_reads_into_the_generated_class()
    {
        var canonical = Schema.Parse(File.ReadAllText(RepositoryRoot.Combine("avro", "money.avsc")));
        Assert.Equal("streamfinance.common.Money", ((NamedSchema)canonical).Fullname);
        var written = new GenericRecord((RecordSchema)canonical);
        written.Add("amount", AvroDecimals.ToAvro(-12.5m, AvroDecimals.MoneyScale));
        written.Add("currency", "CHF");
        using var stream = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(canonical).Write(written, new BinaryEncoder(stream));
        stream.Position = 0;

        var read = new SpecificDatumReader<Money>(canonical, Money._SCHEMA).Read(null!, new BinaryDecoder(stream));

        Assert.Equal(-12.5m, read.ToDecimal());
        Assert.Equal("CHF", read.currency);
    }
}
