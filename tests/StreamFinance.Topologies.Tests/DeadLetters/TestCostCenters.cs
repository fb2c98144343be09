using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Topologies.Tests.DeadLetters;

/// <summary>Cost-center records for dead-letter tests.</summary>
internal static class TestCostCenters
{
    public static CostCenter Create(string id, CostCenterStatus status = CostCenterStatus.ACTIVE, string name = "Marketing DE") => new()
    {
        envelope = new Envelope
        {
            eventId = Guid.NewGuid(),
            correlationId = $"corr-{id}",
            sourceSystem = "sap-s4",
            sourceId = id,
            eventTime = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            ingestTime = new DateTime(2025, 3, 1, 0, 0, 1, DateTimeKind.Utc),
            idempotencyKey = $"sap-s4:{id}:1",
        },
        costCenterId = id,
        name = name,
        legalEntityId = "DE01",
        status = status,
        validFrom = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        ownerEmployeeId = "emp-1",
        effectiveFrom = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
