using System.Text.Json;
using System.Text.Json.Nodes;
using Avro.Specific;
using Microsoft.OpenApi;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// The examples in the OpenAPI document. Bodies, answers and master-data records are serialized by the code that
/// serializes real ones (the API's serializer contracts, <see cref="AvroJsonWriter"/>), so they cannot show a member the
/// API does not read or send; the look-up envelope and the problems are written here. Tests validate every example
/// against its schema and send the request examples to the API.
/// </summary>
internal static class ApiExamples
{
    private static readonly DateOnly Day = new(2026, 4, 1);

    /// <summary>
    /// Puts the examples on <paramref name="operation"/>: <paramref name="request"/> on its JSON body (when given),
    /// <paramref name="response"/> on its 200 answer and <paramref name="badRequest"/> on its 400 answer.
    /// </summary>
    public static void Attach(OpenApiOperation operation, JsonNode? request, JsonNode response, JsonNode badRequest)
    {
        if (request is not null && Media(operation.RequestBody?.Content, "application/json") is { } body)
            body.Example = request;
        if (Media(Response(operation, "200")?.Content, "application/json") is { } answer)
            answer.Example = response;
        if (Media(Response(operation, "400")?.Content, "application/problem+json") is { } problem)
            problem.Example = badRequest;
    }

    /// <summary>A 400 answer of <paramref name="path"/> whose <paramref name="field"/> has <paramref name="problem"/>.</summary>
    public static JsonNode BadRequest(string path, string field, string problem) => new JsonObject
    {
        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        ["title"] = "The request is invalid",
        ["status"] = 400,
        ["detail"] = $"Fix {field}: {problem}.",
        ["instance"] = path,
        ["errors"] = new JsonObject { [field] = new JsonArray(problem) },
        ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    };

    /// <summary>An answer of <c>GET /v1/audit/{id}</c>: an expense line approved after it was mapped.</summary>
    public static JsonNode AuditTrail()
    {
        var origin = new AuditOriginResponse(null, null, null, "concur/expenses-2026-04-10.csv", 3);
        var mapped = new AuditEventResponse("5b0f6a1e-2c4d-8e1f-9a3b-7c6d5e4f3a2b", "c-7f3e", 1, "mapped", "SUCCEEDED", null, "EXP-1001", [],
            "connector.concur-files", "1.0.0", new DateTime(2026, 4, 10, 9, 0, 1, DateTimeKind.Utc), new DateTime(2026, 4, 9, 17, 30, 0, DateTimeKind.Utc), origin, 1,
            new SortedDictionary<string, string>(StringComparer.Ordinal) { ["profile"] = "concur-expense-entries@3", ["topic"] = "ingest.expenses" },
            "StreamFinance.Contracts.Transactions.ExpenseLine", """{"expenseId":"EXP-1001","amount":{"amount":"42.5000","currency":"USD"}}""",
            "9f2c1b7e4d3a6f5e8c7b0a1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f", null,
            "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809", new DateTime(2026, 4, 10, 9, 0, 1, DateTimeKind.Utc));
        var approved = mapped with
        {
            EventId = "8d7c6b5a-4e3f-8a2b-9c1d-0e9f8a7b6c5d", Sequence = 2, Step = "approved", Component = "expense",
            Origin = new AuditOriginResponse("ingest.expenses", 2, 1187, null, null), Detail = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["legalEntityId"] = "US01" },
            PayloadType = "StreamFinance.Contracts.Outputs.ApprovedExpense", PreviousHash = mapped.Hash,
            Hash = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
        };
        return Node(new AuditTrailResponse("EXP-1001", ["c-7f3e"], [mapped, approved]), ApiJsonContext.Default.AuditTrailResponse);
    }

    /// <summary>A request of <c>POST /v1/validate/expense-coding</c>.</summary>
    public static JsonNode ExpenseCodingRequest() => Node(new ExpenseCodingBody
    {
        LegalEntityId = "US01", CostCenterId = "CC-1042", ProjectId = "PRJ-ERP", Date = "2026-04-01", Amount = 12.50m, Currency = "EUR",
    }, ApiJsonContext.Default.ExpenseCodingBody);

    /// <summary>Its answer: the cost center was deactivated the day before.</summary>
    public static JsonNode ExpenseCodingResponse() => Node(new ExpenseCodingResponse(false, Day,
        [new ViolationResponse("INACTIVE_COST_CENTER", "costCenterId", "CC-1042", "cost center CC-1042 is inactive since 2026-03-31")],
        new ConversionResponse("12.50", "EUR", "13.56", "USD", "1.08500000", Day, 0, false)), ApiJsonContext.Default.ExpenseCodingResponse);

    /// <summary>A request of <c>POST /v1/validate/requisition</c>, dated today by default.</summary>
    public static JsonNode RequisitionRequest() => Node(new RequisitionBody
    {
        CostCenterId = "CC-1000", SupplierId = "SUP-1", Amount = 2500m, Currency = "USD",
    }, ApiJsonContext.Default.RequisitionBody);

    /// <summary>Its answer, with the budget it was measured against.</summary>
    public static JsonNode RequisitionResponse() => Node(new RequisitionResponse(true, Day, [],
        new BudgetResponse("CC-1000/US01-2026-04", "US01-2026-04", "10000.0000", "USD", "2500", "3150.0000", "850.0000", "6000.0000", "3500.0000",
            Rules.Requisitions.BudgetBasis.BudgetLessCommitmentsAndActuals, ValidationEndpoints.DeductedNote)), ApiJsonContext.Default.RequisitionResponse);

    /// <summary>An answer of <c>GET /v1/budgets/CC-1000?period=US01-2026-04</c>.</summary>
    public static JsonNode BudgetPosition() => Node(new BudgetPositionResponse("CC-1000/US01-2026-04", "CC-1000", "US01-2026-04", Day, "USD",
        "10000.0000", "3150.0000", "850.0000", "6000.0000", Rules.Requisitions.BudgetBasis.BudgetLessCommitmentsAndActuals), ApiJsonContext.Default.BudgetPositionResponse);

    /// <summary>An answer of <c>GET /v1/purchase-orders/4500012</c>: revision 1 held for budget while revision 0 stays committed.</summary>
    public static JsonNode PurchaseOrderStatus() => Node(new PurchaseOrderStatusResponse("4500012", "HELD", 1, 0,
        new CommitmentSummaryResponse("4500012/R0", "COMMIT", "CMT-4500012-R0-5d41402a", "8000.0000", "EUR"),
        new HoldResponse("BUDGET_EXCEEDED", "PO 4500012 needs 12,400.00 EUR on CC-2010/DE01-2026-04; 3,150.00 EUR available (budget 20,000.00 EUR, committed 14,000.00 EUR, actual 2,850.00 EUR)",
            new DateTime(2026, 4, 1, 9, 30, 0, DateTimeKind.Utc),
            [new HoldReasonResponse("BUDGET_EXCEEDED", "lines[0].costCenterId", "PO 4500012 needs 12,400.00 EUR on CC-2010/DE01-2026-04; 3,150.00 EUR available (budget 20,000.00 EUR, committed 14,000.00 EUR, actual 2,850.00 EUR)")])),
        ApiJsonContext.Default.PurchaseOrderStatusResponse);

    /// <summary>An answer of <c>GET /v1/fx-rates/EUR/USD?date=2026-03-29</c>, a Sunday: Friday's rate.</summary>
    public static JsonNode FxRateResponse() => Node(new FxRateResponse("EUR", "USD", new DateOnly(2026, 3, 29), "1.08000000", new DateOnly(2026, 3, 27), 2, false),
        ApiJsonContext.Default.FxRateResponse);

    /// <summary>An answer of a master-data look-up of <paramref name="record"/>.</summary>
    public static JsonNode Lookup(string objectType, string key, DateOnly effectiveFrom, ISpecificRecord record) => new JsonObject
    {
        ["objectType"] = objectType,
        ["businessKey"] = key,
        ["asOf"] = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["effectiveFrom"] = effectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["record"] = JsonNode.Parse(AvroJsonWriter.ToJson(record)),
    };

    /// <summary>The business key of an example record.</summary>
    public static string KeyOf(ISpecificRecord record) => record switch
    {
        CostCenter c => c.costCenterId,
        Supplier s => s.supplierId,
        Project p => p.projectId,
        TaxCode t => t.taxCodeId,
        _ => throw new ArgumentException($"No example key for {record.GetType().Name}.", nameof(record)),
    };

    /// <summary>Cost center CC-1042, deactivated on 2026-03-31.</summary>
    public static CostCenter CostCenter() => new()
    {
        envelope = Envelope("sap-s4", "CC-1042"), costCenterId = "CC-1042", name = "Field marketing", legalEntityId = "US01",
        status = CostCenterStatus.INACTIVE, validFrom = At(2024, 1, 1), validTo = null, ownerEmployeeId = "E-1001", effectiveFrom = At(2026, 3, 31),
    };

    /// <summary>Supplier SUP-1, known to two sources.</summary>
    public static Supplier Supplier() => new()
    {
        envelope = Envelope("sap-s4", "SUP-1"), supplierId = "SUP-1", legalName = "Muster Bürobedarf GmbH", taxId = "DE811234567", country = "DE",
        bankAccountFingerprint = "5f2b1c9e0a7d4e3f8b6a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f", status = SupplierStatus.ACTIVE,
        riskStatus = SupplierRiskStatus.LOW, complianceStatus = SupplierComplianceStatus.COMPLIANT,
        sourceReferences = [new SupplierSourceReference { sourceSystem = "coupa", sourceId = "8812" }, new SupplierSourceReference { sourceSystem = "sap-s4", sourceId = "100042" }],
        effectiveFrom = At(2026, 1, 1), contacts = null,
    };

    /// <summary>Project PRJ-ERP, open.</summary>
    public static Project Project() => new()
    {
        envelope = Envelope("netsuite", "PRJ-ERP"), projectId = "PRJ-ERP", name = "ERP roll-out", legalEntityId = "US01", status = ProjectStatus.OPEN,
        startDate = At(2026, 1, 1), endDate = At(2026, 12, 31), effectiveFrom = At(2026, 1, 1),
    };

    /// <summary>Tax code DE-VAT19, 19 %.</summary>
    public static TaxCode TaxCode() => new()
    {
        envelope = Envelope("sap-s4", "DE-VAT19"), taxCodeId = "DE-VAT19", jurisdiction = "DE", description = "German VAT, standard rate",
        rate = AvroDecimals.ToAvro(0.19m, AvroDecimals.TaxRateScale), validFrom = At(2007, 1, 1), validTo = null,
    };

    private static Envelope Envelope(string source, string id) => new()
    {
        eventId = new Guid("6f1d2c3b-4a59-4e8f-9b7a-0c1d2e3f4a5b"), correlationId = $"{source}:{id}", sourceSystem = source, sourceId = id,
        eventTime = At(2026, 3, 31, 6), ingestTime = At(2026, 3, 31, 6), idempotencyKey = $"{source}:{id}:7", mappingProfile = $"{source}-master-data@2",
    };

    private static IOpenApiResponse? Response(OpenApiOperation operation, string status) =>
        operation.Responses is { } responses && responses.TryGetValue(status, out var response) ? response : null;

    private static OpenApiMediaType? Media(IDictionary<string, OpenApiMediaType>? content, string mediaType) =>
        content is not null && content.TryGetValue(mediaType, out var media) ? media : null;

    private static DateTime At(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static JsonNode Node<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => JsonSerializer.SerializeToNode(value, type)!;
}
