using System.Text;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Topologies.Tests.DeadLetters;

/// <summary>What every tombstone dead letter says, whichever topic the tombstone was on.</summary>
internal static class TombstoneDeadLetter
{
    /// <summary>
    /// Asserts that <paramref name="deadLetter"/> is the dead letter of a tombstone with <paramref name="key"/> read from
    /// <paramref name="topic"/> at partition 0, <paramref name="offset"/>: SCHEMA_INVALID for integration support, a
    /// message naming the topic, the key and <paramref name="instead"/>, the raw key and no raw value.
    /// </summary>
    public static void Assert(DeadLetter deadLetter, string topic, string key, long offset, string processor, string instead)
    {
        Xunit.Assert.Equal(("SCHEMA_INVALID", OwnerRole.INTEGRATION_SUPPORT), (deadLetter.reasonCode, deadLetter.ownerRole));
        Xunit.Assert.Equal((topic, 0, offset), (deadLetter.originTopic, deadLetter.originPartition, deadLetter.originOffset));
        Xunit.Assert.Equal(key, Encoding.UTF8.GetString(deadLetter.rawKey));
        Xunit.Assert.Null(deadLetter.rawValue);
        Xunit.Assert.Equal(processor, deadLetter.processor);
        Xunit.Assert.Contains($"{topic} record with key '{key}' has no value (a tombstone); {topic} takes no tombstones.", deadLetter.message);
        Xunit.Assert.Contains(instead, deadLetter.message);
    }
}
