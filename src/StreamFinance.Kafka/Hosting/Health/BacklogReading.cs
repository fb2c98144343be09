namespace StreamFinance.Kafka.Hosting.Health;

/// <summary>One local reading of a stream's input backlog (<see cref="InputBacklog.Read"/>).</summary>
/// <param name="PositionSum">The sum of the consumers' positions: it changes whenever a stream thread consumes (or its assignment changes).</param>
/// <param name="WaitingByTopic">Records between each position and its partition's high watermark, summed per source topic; partitions without a known position are left out.</param>
public sealed record BacklogReading(long PositionSum, IReadOnlyDictionary<string, long> WaitingByTopic);
