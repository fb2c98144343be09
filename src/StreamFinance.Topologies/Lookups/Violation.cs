namespace StreamFinance.Topologies.Lookups;

/// <summary>One rule a request breaks.</summary>
/// <param name="Code">Stable reason code from <see cref="ViolationCodes"/>.</param>
/// <param name="Field">The request field it is about, in the request's JSON spelling (<c>costCenterId</c>).</param>
/// <param name="Message">What is wrong, for people, e.g. "cost center CC-1042 is inactive since 2026-03-31".</param>
public sealed record Violation(string Code, string Field, string Message);
