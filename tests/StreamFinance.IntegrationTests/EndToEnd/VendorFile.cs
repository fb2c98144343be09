namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>A vendor export the end-to-end test drops into a connector's inbox.</summary>
/// <param name="Profile">The mapping profile that reads it, e.g. <c>concur-expense-entries</c>.</param>
/// <param name="FileName">File name in the inbox.</param>
/// <param name="Content">The file's text.</param>
/// <param name="Lines">Every line of the file in order, re-deliveries included, with its planned outcome.</param>
public sealed record VendorFile(string Profile, string FileName, string Content, IReadOnlyList<PlannedExpense> Lines);
