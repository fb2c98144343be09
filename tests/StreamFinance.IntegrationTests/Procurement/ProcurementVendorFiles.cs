using System.Globalization;
using System.Text.Json.Nodes;
using StreamFinance.IntegrationTests.EndToEnd;

namespace StreamFinance.IntegrationTests.Procurement;

/// <summary>
/// Purchase-order exports for the sample world (<c>SampleWorld</c>: US01, cost center CC-1020, supplier SUP-0001,
/// requester E-US01-003 approved by E-US01-001), dated today, in the shapes of the shipped samples
/// (<c>Samples/coupa/purchase-orders.json</c>, <c>Samples/edi/purchase-orders-850.x12</c>).
/// </summary>
public static class ProcurementVendorFiles
{
    /// <summary>Profile of the Coupa exports.</summary>
    public const string CoupaProfile = "coupa-purchase-orders";

    /// <summary>Profile of the X12 850 interchanges.</summary>
    public const string EdiProfile = "edi-850-purchase-orders";

    /// <summary>A Coupa export of one order of CC-1020 at SUP-0001 with one goods line of <paramref name="quantity"/> x <paramref name="price"/> USD.</summary>
    /// <param name="fileName">The file's name.</param>
    /// <param name="poNumber">The PO number.</param>
    /// <param name="version">Coupa's version of the order, its revision.</param>
    /// <param name="status">Coupa's status: <c>issued</c> (approved), <c>cancelled</c>, ...</param>
    /// <param name="quantity">Quantity of the one line.</param>
    /// <param name="price">Its unit price in USD.</param>
    /// <param name="today">The order's date.</param>
    public static VendorFile Coupa(string fileName, string poNumber, int version, string status, decimal quantity, decimal price, DateTime today)
    {
        var total = (quantity * price).ToString("0.00", CultureInfo.InvariantCulture);
        var stamp = today.ToString("yyyy-MM-dd'T'08:00:00+00:00", CultureInfo.InvariantCulture);
        var order = new JsonObject
        {
            ["id"] = 31000 + version,
            ["po-number"] = poNumber,
            ["status"] = status,
            ["version"] = version,
            ["created-at"] = stamp,
            ["updated-at"] = stamp,
            ["currency"] = new JsonObject { ["code"] = "USD" },
            ["total"] = total,
            ["supplier"] = new JsonObject { ["id"] = 4401, ["name"] = "Acme Industrial Supply Inc.", ["number"] = "SUP-0001" },
            ["requester"] = new JsonObject { ["login"] = "e-us01-003", ["employee-number"] = "E-US01-003", ["email"] = "e-us01-003@streamfinance.example" },
            ["custom-fields"] = new JsonObject { ["legal-entity"] = "US01", ["cost-center"] = "CC-1020" },
            ["order-lines"] = new JsonArray(new JsonObject
            {
                ["line-num"] = "1", ["description"] = "Rack server 2U", ["quantity"] = quantity.ToString("0.0", CultureInfo.InvariantCulture),
                ["price"] = price.ToString("0.00", CultureInfo.InvariantCulture), ["total"] = total, ["account"] = new JsonObject { ["code"] = "650200" },
            }),
        };
        return new VendorFile(CoupaProfile, fileName, new JsonArray(order).ToJsonString(), []);
    }

    /// <summary>
    /// One X12 850 interchange (control number <paramref name="control"/>) with one original order of US01 on CC-1020 at
    /// SUP-0001: 10 x 12.50 USD. X12 850 names no requester and no GL account.
    /// </summary>
    public static VendorFile Edi850(string fileName, string poNumber, int control, DateTime today)
    {
        var day = today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var isa13 = control.ToString("000000000", CultureInfo.InvariantCulture);
        string[] set =
        [
            "ST*850*0001",
            $"BEG*00*NE*{poNumber}**{day}",
            "CUR*BY*USD",
            "REF*DP*CC-1020",
            "PER*BD*JSMITH*EM*j.smith@streamfinance.example",
            "N1*BY*StreamFinance Demo Inc.*92*US01",
            "N1*VN*Acme Industrial Supply Inc.*92*SUP-0001",
            "PO1*1*10*EA*12.50**VP*AC-1001*CG*46181504",
            "PID*F****Nitrile safety gloves, box of 100",
            "CTT*1",
        ];
        var segments = new List<string>
        {
            $"ISA*00*          *00*          *ZZ*STREAMFINUS01  *ZZ*SUPPLIERNET    *{today:yyMMdd}*0930*^*00501*{isa13}*0*P*>",
            $"GS*PO*STREAMFINUS01*SUPPLIERNET*{day}*0930*{control}*X*005010",
        };
        segments.AddRange(set);
        segments.Add($"SE*{set.Length + 1}*0001");
        segments.Add($"GE*1*{control}");
        segments.Add($"IEA*1*{isa13}");
        return new VendorFile(EdiProfile, fileName, string.Join("~\n", segments) + "~\n", []);
    }
}
