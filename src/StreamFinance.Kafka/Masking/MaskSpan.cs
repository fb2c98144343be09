namespace StreamFinance.Kafka.Masking;

/// <summary>A stretch of text to replace by its masked form.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Characters replaced.</param>
/// <param name="Replacement">The masked form, e.g. <c>****1111</c>.</param>
public readonly record struct MaskSpan(int Start, int Length, string Replacement);
