using System.Globalization;

namespace StreamFinance.Host.Tests.Parity;

/// <summary>What one side made of one expense line, in terms both sides can be compared on.</summary>
/// <param name="Valid">Approved by the pipeline; <c>valid</c> in the API's answer.</param>
/// <param name="Codes">Every violation's code, in order (the pipeline: the dead letter's structured violations, whose first must be its reason code).</param>
/// <param name="Messages">Every violation's message, in order (the pipeline lists them all in the dead letter's message).</param>
/// <param name="Values">Every violation's value, in order (the pipeline: the dead letter's structured violations).</param>
/// <param name="FunctionalAmount">The amount in the booking entity's functional currency, when the side gives one.</param>
public sealed record Judgement(bool Valid, IReadOnlyList<string> Codes, IReadOnlyList<string> Messages, IReadOnlyList<string?> Values, decimal? FunctionalAmount)
{
    /// <summary>An approval at <paramref name="functionalAmount"/>.</summary>
    public static Judgement Approved(decimal? functionalAmount) => new(true, [], [], [], functionalAmount);

    /// <inheritdoc />
    public override string ToString() =>
        Valid
            ? $"approved at {FunctionalAmount?.ToString(CultureInfo.InvariantCulture) ?? "-"}"
            : $"rejected [{string.Join(", ", Codes)}] values [{string.Join(", ", Values)}]: {string.Join(" | ", Messages)}" +
              (FunctionalAmount is { } amount ? $" (functional {amount.ToString(CultureInfo.InvariantCulture)})" : "");
}
