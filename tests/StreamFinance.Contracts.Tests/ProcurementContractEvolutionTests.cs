using System.Text.Json.Nodes;
using Avro.Generic;
using Avro.IO;
using Avro.Specific;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Embedded.SchemaRegistry;

namespace StreamFinance.Contracts.Tests;

/// <summary>
/// The procurement fields (issue 16) were added by BACKWARD evolution: each contract of this revision reads data written
/// with the one before it. The previous revision is derived here from the current schema by undoing exactly the change
/// (dropping the added fields, narrowing the widened ones back to required), so the test states what changed. The same
/// for the later revision that lets procurement enrich X12 850 orders from master data (issue 16, point 8): the buyer and
/// item category on the order, the employee's cross-references and the ITEM_CATEGORY object type.
/// </summary>
public class ProcurementContractEvolutionTests
{
    /// <summary>Fields added per record name, and fields widened from T to ["null", T].</summary>
    private static readonly Dictionary<string, (string[] Added, string[] Widened)> Changes = new()
    {
        ["PurchaseOrder"] = (["revision", "poDate", "requesterEmail"], ["requesterId"]),
        ["PurchaseOrderLine"] = (["lineType", "costCenterId", "projectId", "accountString"], ["quantity", "unitPrice", "glAccountId"]),
        ["Employee"] = (["email", "approvalLimit"], []),
        ["Budget"] = (["budgetVersion", "changeAmount", "changeDate"], []),
        ["Supplier"] = (["riskRating"], []),
        ["Commitment"] = (["revision", "kind", "previousCommitmentId", "reconciliationId", "functionalTotal", "functionalChange", "commitmentLines"], []),
        ["PurchaseOrderHold"] = (["revision", "field", "value", "budgetKey", "budgetRequired", "violations"], []),
    };

    /// <summary>The 850 enrichment revision: fields added per record name, and the symbols and union branches added to MasterDataUpdate.</summary>
    private static readonly Dictionary<string, (string[] Added, string[] Widened)> EnrichmentChanges = new()
    {
        ["PurchaseOrder"] = (["buyerId"], []),
        ["PurchaseOrderLine"] = (["itemCategory"], []),
        ["Employee"] = (["sourceReferences"], []),
    };

    private const string AddedObjectType = "ITEM_CATEGORY";
    private const string AddedPayload = "ItemCategory";

    public static TheoryData<string> EnrichedContracts() => [nameof(PurchaseOrder), nameof(Employee), nameof(MasterDataUpdate), nameof(MasterDataHistory)];

    [Theory]
    [MemberData(nameof(EnrichedContracts))]
    public void The_850_enrichment_revision_of_a_contract_reads_data_written_with_the_previous_one(string contract)
    {
        var current = CurrentSchema(contract);
        var previous = (JsonObject)current.DeepClone();
        Undo(previous, EnrichmentChanges);

        Assert.NotEqual(current.ToString(), previous.ToString());
        Assert.Empty(AvroCompatibility.CanRead(Avro.Schema.Parse(current.ToJsonString()), Avro.Schema.Parse(previous.ToJsonString())));
    }

    [Fact]
    public void An_employee_written_before_cross_references_reads_with_none()
    {
        var employee = new Employee
        {
            envelope = TestEnvelope(), employeeId = "E-1", legalEntityId = "DE01", defaultCostCenterId = "CC-2010", status = EmployeeStatus.ACTIVE,
            effectiveFrom = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        var previous = (JsonObject)CurrentSchema(nameof(Employee)).DeepClone();
        Undo(previous, EnrichmentChanges);
        var writer = Avro.Schema.Parse(previous.ToJsonString());

        using var stream = new MemoryStream();
        new SpecificDatumWriter<Employee>(writer).Write(employee, new BinaryEncoder(stream));
        stream.Position = 0;
        var read = new SpecificDatumReader<Employee>(writer, Employee._SCHEMA).Read(null!, new BinaryDecoder(stream));

        Assert.Equal("E-1", read.employeeId);
        Assert.Null(read.sourceReferences);
    }

    private static StreamFinance.Contracts.Common.Envelope TestEnvelope() => new()
    {
        eventId = Guid.Parse("7d1c1f0e-0000-4000-8000-000000000002"), eventTime = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc),
        ingestTime = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), sourceSystem = "netsuite", sourceId = "E-1", correlationId = "E-1", idempotencyKey = "netsuite:E-1",
    };

    public static TheoryData<string> Contracts() =>
        [nameof(PurchaseOrder), nameof(Employee), nameof(Budget), nameof(Supplier), nameof(Commitment), nameof(PurchaseOrderHold)];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void The_procurement_revision_of_a_contract_reads_data_written_with_the_previous_one(string contract)
    {
        var current = CurrentSchema(contract);
        var previous = Previous(current);

        Assert.NotEqual(current.ToString(), previous.ToString());
        Assert.Empty(AvroCompatibility.CanRead(Avro.Schema.Parse(current.ToJsonString()), Avro.Schema.Parse(previous.ToJsonString())));
    }

    [Fact]
    public void A_purchase_order_written_before_revisions_reads_as_revision_0_with_goods_lines_and_no_date()
    {
        var writer = (Avro.RecordSchema)Avro.Schema.Parse(Previous(CurrentSchema(nameof(PurchaseOrder))).ToJsonString());
        var old = new GenericRecord(writer);
        var envelope = new GenericRecord((Avro.RecordSchema)writer["envelope"].Schema);
        foreach (var field in envelope.Schema.Fields)
            envelope.Add(field.Name, field.Name switch
            {
                "eventId" => Guid.Parse("7d1c1f0e-0000-4000-8000-000000000001"),
                "eventTime" or "ingestTime" => new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc),
                "mappingProfile" => null,
                _ => "x",
            });
        var moneySchema = (Avro.RecordSchema)writer["total"].Schema;
        GenericRecord Money(decimal amount)
        {
            var money = new GenericRecord(moneySchema);
            money.Add("amount", AvroDecimals.ToAvro(amount, AvroDecimals.MoneyScale));
            money.Add("currency", "EUR");
            return money;
        }
        var lineSchema = (Avro.RecordSchema)((Avro.ArraySchema)writer["lines"].Schema).ItemSchema;
        var line = new GenericRecord(lineSchema);
        line.Add("lineNumber", 1);
        line.Add("item", "Laptop");
        line.Add("quantity", AvroDecimals.ToAvro(2m, AvroDecimals.QuantityScale));
        line.Add("unitPrice", Money(600m));
        line.Add("lineAmount", Money(1200m));
        line.Add("glAccountId", "650200");
        old.Add("envelope", envelope);
        old.Add("poNumber", "4500012");
        old.Add("legalEntityId", "DE01");
        old.Add("supplierId", "SUP-1");
        old.Add("requesterId", "E-1");
        old.Add("costCenterId", "CC-2010");
        old.Add("projectId", null);
        old.Add("lines", new object[] { line });
        old.Add("total", Money(1200m));
        old.Add("status", new GenericEnum((Avro.EnumSchema)writer["status"].Schema, "APPROVED"));
        old.Add("approvedAt", null);

        using var stream = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(writer).Write(old, new BinaryEncoder(stream));
        stream.Position = 0;
        var read = new SpecificDatumReader<PurchaseOrder>(writer, PurchaseOrder._SCHEMA).Read(null!, new BinaryDecoder(stream));

        Assert.Equal(0, read.revision);
        Assert.Null(read.poDate);
        Assert.Equal("E-1", read.requesterId);
        Assert.Equal(PurchaseOrderLineType.GOODS, read.lines[0].lineType);
        Assert.Equal(2m, AvroDecimals.ToDecimal(read.lines[0].quantity!.Value));
        Assert.Equal("650200", read.lines[0].glAccountId);
        Assert.Null(read.lines[0].costCenterId);
    }

    private static JsonObject CurrentSchema(string contract) => (JsonObject)JsonNode.Parse(contract switch
    {
        nameof(PurchaseOrder) => PurchaseOrder._SCHEMA.ToString(),
        nameof(Employee) => Employee._SCHEMA.ToString(),
        nameof(Budget) => Budget._SCHEMA.ToString(),
        nameof(Supplier) => Supplier._SCHEMA.ToString(),
        nameof(Commitment) => Commitment._SCHEMA.ToString(),
        nameof(PurchaseOrderHold) => PurchaseOrderHold._SCHEMA.ToString(),
        nameof(MasterDataUpdate) => MasterDataUpdate._SCHEMA.ToString(),
        nameof(MasterDataHistory) => MasterDataHistory._SCHEMA.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(contract)),
    })!;

    /// <summary>The schema as it was before the procurement revision: every changed record, wherever it is defined, undone.</summary>
    private static JsonObject Previous(JsonObject current)
    {
        var copy = (JsonObject)current.DeepClone();
        Undo(copy, EnrichmentChanges);
        Undo(copy, Changes);
        return copy;
    }

    private static void Undo(JsonNode? node, Dictionary<string, (string[] Added, string[] Widened)> changes)
    {
        switch (node)
        {
            case JsonArray array:
                if (changes == EnrichmentChanges)
                    foreach (var branch in array.OfType<JsonObject>().Where(b => b["name"]?.GetValue<string>().Split('.')[^1] == AddedPayload).ToList())
                        array.Remove(branch);
                foreach (var item in array)
                    Undo(item, changes);
                break;
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind == "record" && obj["fields"] is JsonArray fields)
                {
                    var name = obj["name"]!.GetValue<string>().Split('.')[^1];
                    if (changes.TryGetValue(name, out var change))
                    {
                        foreach (var added in fields.OfType<JsonObject>().Where(f => change.Added.Contains(f["name"]!.GetValue<string>())).ToList())
                            fields.Remove(added);
                        foreach (var widened in fields.OfType<JsonObject>().Where(f => change.Widened.Contains(f["name"]!.GetValue<string>())))
                        {
                            var union = (JsonArray)widened["type"]!;
                            widened["type"] = union[1]!.DeepClone();
                            widened.Remove("default");
                        }
                    }
                }
                if (changes == EnrichmentChanges && obj["type"] is JsonValue enumType && enumType.GetValue<string>() == "enum" && obj["symbols"] is JsonArray symbols)
                    foreach (var symbol in symbols.Where(s => s!.GetValue<string>() == AddedObjectType).ToList())
                        symbols.Remove(symbol);
                foreach (var (_, child) in obj.ToList())
                    Undo(child, changes);
                break;
        }
    }
}
