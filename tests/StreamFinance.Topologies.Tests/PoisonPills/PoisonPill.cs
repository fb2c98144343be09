using Microsoft.Extensions.Time.Testing;
using Confluent.Kafka;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Topologies.Tests.PoisonPills;

/// <summary>The value bytes of each <see cref="PoisonKind"/>, seeded so that a failure is repeatable.</summary>
internal static class PoisonPill
{
    public const int OversizedBytes = 1_500_000;

    public static byte[]? Value(PoisonKind kind, SerDesFactory serDes) => kind switch
    {
        PoisonKind.RandomBytes => Random(512, first: 0x7b),
        // Magic byte, schema id 2147483000 (never registered), then Avro-looking bytes.
        PoisonKind.UnknownSchemaId => [0, 0x7f, 0xff, 0xfd, 0x78, 0x02, 0x41, 0x42, 0x43],
        PoisonKind.AnotherSchema => serDes.Avro<DeadLetter>().Serialize(
            new DeadLetterFactory(new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero))).Create(
                new Failure(ReasonCode.SchemaInvalid, "A record of another schema."), new FailedRecord(DeadLetterOrigin.FromTopic("elsewhere", 0, 0), null, null), "poison"),
            new SerializationContext(MessageComponentType.Value, "poison.another-schema")),
        PoisonKind.EmptyValue => [],
        PoisonKind.NullValue => null,
        PoisonKind.OversizedValue => Random(OversizedBytes, first: 0xff),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static byte[] Random(int length, byte first)
    {
        var bytes = new byte[length];
        new Random(14).NextBytes(bytes);
        bytes[0] = first;
        return bytes;
    }
}
