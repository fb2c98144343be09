using System.Globalization;

namespace StreamFinance.Host.Tests.Parity;

/// <summary>What one side made of one expense line, in terms both sides can be compared on.</summary>
/// <param name="Valid">Approved by the pipeline; <c>valid</c> in the API's answer.</param>
/// <param name="Codes">The pipeline: the dead letter's reason code alone; the API: every violation's code, in order.</param>
/// <param name="Messages">Every violation's message, in order (the pipeline lists them all in the dead letter's message).</param>
/// <param name="FunctionalAmount">The amount in the booking entity's functional currency, when the side gives one.</param>
public sealed record Judgement(bool Valid, IReadOnlyList<string> Codes, IReadOnlyList<string> Messages, decimal? FunctionalAmount)
{
    /// <summary>An approval at <paramref name="functionalAmount"/>.</summary>
    public static Judgement Approved(decimal? functionalAmount) => new(true, [], [], functionalAmount);

    /// <inheritdoc />
    public override string ToString() =>
        Valid
            ? $"approved at {FunctionalAmount?.ToString(CultureInfo.InvariantCulture) ?? "-"}"
            : $"rejected [{string.Join(", ", Codes)}]: {string.Join(" | ", Messages)}" +
              (FunctionalAmount is { } amount ? $" (functional {amount.ToString(CultureInfo.InvariantCulture)})" : "");
}
