using System.Text.Json;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Contracts.Tests;

public class AvroJsonWriterTests
{
    private static readonly Envelope Envelope = new()
    {
        eventId = Guid.Parse("6f1c7a52-5a7e-4c1e-9d0a-2f7f2f0e7a11"), correlationId = "sap-s4:BUD-1", sourceSystem = "sap-s4", sourceId = "BUD-1",
        eventTime = new DateTime(2026, 3, 31, 7, 30, 0, DateTimeKind.Utc), ingestTime = new DateTime(2026, 3, 31, 8, 0, 0, DateTimeKind.Utc),
        idempotencyKey = "sap-s4:BUD-1:1", mappingProfile = null,
    };

    [Fact]
    public void Decimals_dates_enums_and_optional_fields_render_as_plain_json()
    {
        var costCenter = new CostCenter
        {
            envelope = Envelope, costCenterId = "CC-1042", name = "Marketing Events", legalEntityId = "US01", status = CostCenterStatus.INACTIVE,
            validFrom = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), validTo = null, ownerEmployeeId = "E-1",
            effectiveFrom = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc),
        };

        using var json = JsonDocument.Parse(AvroJsonWriter.ToJson(costCenter));
        var root = json.RootElement;

        Assert.Equal("INACTIVE", root.GetProperty("status").GetString());
        Assert.Equal("2024-01-01", root.GetProperty("validFrom").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("validTo").ValueKind);
        Assert.Equal("2026-03-31T07:30:00.000Z", root.GetProperty("envelope").GetProperty("eventTime").GetString());
        Assert.Equal("6f1c7a52-5a7e-4c1e-9d0a-2f7f2f0e7a11", root.GetProperty("envelope").GetProperty("eventId").GetString());
    }

    [Fact]
    public void Money_amounts_keep_their_exact_digits()
    {
        var budget = new Budget { envelope = Envelope, budgetId = "BUD-1", costCenterId = "CC-1000", projectId = "PRJ-1", periodId = "US01-2026-03", amount = 1042.5m.ToMoney("USD") };

        using var json = JsonDocument.Parse(AvroJsonWriter.ToJson(budget));

        Assert.Equal("1042.5000", json.RootElement.GetProperty("amount").GetProperty("amount").GetString());
        Assert.Equal("USD", json.RootElement.GetProperty("amount").GetProperty("currency").GetString());
        Assert.Equal("PRJ-1", json.RootElement.GetProperty("projectId").GetString());
    }
}
