using StreamFinance.Contracts.Common;

namespace StreamFinance.Kafka.Holds;

/// <summary>A record that left a hold in a <see cref="HoldRelease.Sweep{T}"/>, with the decision to forward.</summary>
/// <typeparam name="T">The decision type.</typeparam>
/// <param name="Key">Its key in the hold store.</param>
/// <param name="Held">The record as it was held: key, bytes, headers, origin, first-held time, last reasons.</param>
/// <param name="Outcome">The decision of its last evaluation.</param>
/// <param name="Expired">True when it still waited but reached the horizon: <paramref name="Outcome"/> is then the failure it waited to avoid.</param>
public sealed record ReleasedRecord<T>(string Key, HeldRecord Held, T Outcome, bool Expired);
