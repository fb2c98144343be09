using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamFinance.Embedded.Erp;

/// <summary>
/// How the fake ERP answers, by the path called, in the shape of the vendor's API: NetSuite REST
/// (<c>.../record/v1/&lt;type&gt;/...</c>: 204 with <c>Location</c>, errors with <c>o:errorDetails</c>), SAP OData V2
/// (<c>/sap/opu/odata/...</c>: 201 with <c>d.SupplierInvoice</c> and <c>d.FiscalYear</c>, errors with
/// <c>error.message.value</c>), or Dynamics 365 OData (anything else: 201 with <c>JournalBatchNumber</c>, errors with
/// <c>error.message</c> and <c>error.innererror.message</c>).
/// </summary>
public enum FakeErpDialect
{
    /// <summary>NetSuite REST record service.</summary>
    NetSuite,

    /// <summary>SAP S/4HANA OData V2.</summary>
    Sap,

    /// <summary>Dynamics 365 Finance &amp; Operations OData.</summary>
    Dynamics365,
}

/// <summary>The dialects' document numbers and answers.</summary>
public static class FakeErpDialects
{
    /// <summary>The dialect of a call to <paramref name="path"/>.</summary>
    public static FakeErpDialect Of(string path) =>
        path.Contains("/record/v1/", StringComparison.Ordinal) ? FakeErpDialect.NetSuite
        : path.Contains("/sap/opu/odata/", StringComparison.Ordinal) ? FakeErpDialect.Sap
        : FakeErpDialect.Dynamics365;

    /// <summary>The <paramref name="sequence"/>-th document number of a dialect: NetSuite internal ids from 1001, SAP from 5105600001, D365 batch numbers GJ-000001.</summary>
    public static string Number(FakeErpDialect dialect, int sequence) => dialect switch
    {
        FakeErpDialect.NetSuite => (1000 + sequence).ToString(CultureInfo.InvariantCulture),
        FakeErpDialect.Sap => (5105600000L + sequence).ToString(CultureInfo.InvariantCulture),
        _ => $"GJ-{sequence:D6}",
    };

    /// <summary>The success answer of <paramref name="document"/>: status, headers and body.</summary>
    public static (int Status, IReadOnlyDictionary<string, string> Headers, string Body) Created(FakeErpDocument document, string baseUrl)
    {
        switch (document.Dialect)
        {
            case FakeErpDialect.NetSuite:
                var recordType = RecordType(document.Path);
                return (204, new Dictionary<string, string> { ["Location"] = $"{baseUrl.TrimEnd('/')}/services/rest/record/v1/{recordType}/{document.Number}" }, "");
            case FakeErpDialect.Sap:
                var d = new JsonObject
                {
                    ["SupplierInvoice"] = document.Number,
                    ["FiscalYear"] = document.FiscalYear.ToString(CultureInfo.InvariantCulture),
                    ["SupplierInvoiceIDByInvcgParty"] = Field(document.Body, "SupplierInvoiceIDByInvcgParty"),
                };
                return (201, new Dictionary<string, string>(), new JsonObject { ["d"] = d }.ToJsonString());
            default:
                var header = JsonNode.Parse(document.Body) as JsonObject ?? [];
                header.Remove("LedgerJournalLines");
                header["@odata.context"] = $"{baseUrl.TrimEnd('/')}/data/$metadata#LedgerJournalHeaders/$entity";
                header["JournalBatchNumber"] = document.Number;
                return (201, new Dictionary<string, string> { ["OData-Version"] = "4.0" }, header.ToJsonString());
        }
    }

    /// <summary>The rejection answer (400) with <paramref name="message"/> in the dialect's error shape.</summary>
    public static string Rejection(FakeErpDialect dialect, string message) => dialect switch
    {
        FakeErpDialect.NetSuite => new JsonObject
        {
            ["type"] = "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1",
            ["title"] = "Bad Request",
            ["status"] = 400,
            ["o:errorDetails"] = new JsonArray(new JsonObject { ["detail"] = message, ["o:errorCode"] = "INVALID_KEY_OR_REF" }),
        }.ToJsonString(),
        FakeErpDialect.Sap => new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = "M8/321",
                ["message"] = new JsonObject { ["lang"] = "en", ["value"] = message },
                ["innererror"] = new JsonObject { ["errordetails"] = new JsonArray(new JsonObject { ["code"] = "M8/321", ["message"] = message, ["severity"] = "error" }) },
            },
        }.ToJsonString(),
        _ => new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = "",
                ["message"] = "An error has occurred.",
                ["innererror"] = new JsonObject { ["message"] = message, ["type"] = "Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException" },
            },
        }.ToJsonString(),
    };

    /// <summary>The fiscal year a document posts into: the year of the body's <c>tranDate</c>/<c>PostingDate</c>/line <c>TransDate</c>, else of <paramref name="today"/>.</summary>
    public static int FiscalYear(string body, DateTimeOffset today)
    {
        foreach (var name in new[] { "tranDate", "PostingDate", "TransDate" })
            if (Field(body, name) is { Length: >= 4 } date && int.TryParse(date[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                return year;
        return today.Year;
    }

    private static string RecordType(string path)
    {
        var after = path[(path.IndexOf("/record/v1/", StringComparison.Ordinal) + "/record/v1/".Length)..];
        return after.Split('/')[0];
    }

    private static string? Field(string body, string name)
    {
        try
        {
            return Find(JsonNode.Parse(body), name);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Find(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject o:
                if (o[name] is JsonValue v && v.TryGetValue<string>(out var s))
                    return s;
                return o.Select(p => Find(p.Value, name)).FirstOrDefault(f => f is not null);
            case JsonArray a:
                return a.Select(i => Find(i, name)).FirstOrDefault(f => f is not null);
            default:
                return null;
        }
    }
}
