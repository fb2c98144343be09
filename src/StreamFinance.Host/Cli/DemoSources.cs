using System.Globalization;

namespace StreamFinance.Host.Cli;

/// <summary>
/// The vendor sample files the demo feeds through file-drop connectors: one connector per shipped profile (named after
/// it), whose inbox under the demo's working folder receives the profile's sample files from the <c>Samples</c> folder
/// next to the executable. Profiles that are not loaded, or whose samples are missing, are left out.
/// </summary>
public static class DemoSources
{
    /// <summary>Sample files (relative to <c>Samples</c>) by profile name.</summary>
    public static IReadOnlyDictionary<string, string[]> SamplesByProfile { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["concur-expense-entries"] = ["concur/expense-entries-page-1.json"],
        ["expensify-report-export"] = ["expensify/report-export.json"],
        ["ramp-card-transactions"] = ["ramp/transactions-page-1.json"],
        ["brex-card-transactions"] = ["brex/card-transactions-page-1.json"],
        ["coupa-purchase-orders"] = ["coupa/purchase-orders.json"],
        ["coupa-invoices"] = ["coupa/invoices.json"],
        ["sap-cost-centers"] = ["sap/cost-centers.csv"],
        ["sap-suppliers"] = ["sap/suppliers.csv"],
        ["sap-gl-accounts"] = ["sap/gl-accounts.csv"],
        ["sap-expense-categories"] = ["sap/expense-categories.json"],
        ["sap-tax-codes"] = ["sap/tax-codes.csv"],
        ["sap-posting-periods"] = ["sap/posting-periods.csv"],
        ["netsuite-employees"] = ["netsuite/employees.csv"],
        ["netsuite-projects"] = ["netsuite/projects.csv"],
        ["d365-legal-entities"] = ["d365/legal-entities.json"],
        ["d365-exchange-rates"] = ["d365/exchange-rates.json"],
        ["edi-850-purchase-orders"] = ["edi/purchase-orders-850.x12", "edi/malformed-850.x12"],
        ["edi-810-supplier-invoices"] = ["edi/invoices-810.x12"],
    };

    /// <summary>The folder of the shipped sample files.</summary>
    public static string SampleDirectory => Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>
    /// Settings that declare a file-drop connector for each of <paramref name="loadedProfiles"/> that has samples, with its
    /// inbox under <paramref name="workDirectory"/>; polled every 500 ms so the samples show up quickly.
    /// </summary>
    public static Dictionary<string, string?> Connectors(IEnumerable<string> loadedProfiles, string workDirectory)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in Available(loadedProfiles))
        {
            var prefix = $"Connectors:{profile}";
            settings[$"{prefix}:Kind"] = "FileDrop";
            settings[$"{prefix}:Profile"] = profile;
            settings[$"{prefix}:FileDrop:Inbox"] = Inbox(workDirectory, profile);
            settings[$"{prefix}:FileDrop:PollIntervalMs"] = 500.ToString(CultureInfo.InvariantCulture);
            settings[$"{prefix}:FileDrop:SettleMs"] = 200.ToString(CultureInfo.InvariantCulture);
        }
        return settings;
    }

    /// <summary>Copies each available profile's sample files into its inbox; returns how many files were copied.</summary>
    public static int CopySamples(IEnumerable<string> loadedProfiles, string workDirectory)
    {
        var copied = 0;
        foreach (var profile in Available(loadedProfiles))
        {
            var inbox = Directory.CreateDirectory(Inbox(workDirectory, profile)).FullName;
            foreach (var sample in SamplesByProfile[profile])
            {
                File.Copy(Path.Combine(SampleDirectory, sample), Path.Combine(inbox, Path.GetFileName(sample)), overwrite: true);
                copied++;
            }
        }
        return copied;
    }

    private static IEnumerable<string> Available(IEnumerable<string> loadedProfiles) =>
        loadedProfiles.Where(p => SamplesByProfile.TryGetValue(p, out var samples) && samples.All(s => File.Exists(Path.Combine(SampleDirectory, s))));

    private static string Inbox(string workDirectory, string profile) => Path.Combine(workDirectory, "inbox", profile);

    /// <summary>The demo's ERP sink: connector <c>erp-journals</c> posting every journal with the NetSuite profile to the fake ERP at <paramref name="erpUrl"/>.</summary>
    public static Dictionary<string, string?> ErpSink(string erpUrl) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Connectors:erp-journals:Kind"] = "ErpRest",
        ["Connectors:erp-journals:Profile"] = ErpSinkProfile,
        ["Connectors:erp-journals:ErpRest:BaseUrl"] = erpUrl,
        ["Connectors:erp-journals:ErpRest:TargetSystem"] = "fake-netsuite",
        ["Connectors:erp-journals:ErpRest:BearerToken"] = "demo-token",
    };

    /// <summary>The outbound profile of the demo's ERP sink.</summary>
    public const string ErpSinkProfile = "netsuite-journal-entries";
}
