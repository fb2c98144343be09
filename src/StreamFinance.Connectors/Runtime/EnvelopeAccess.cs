using System.Collections.Concurrent;
using System.Reflection;
using Avro.Specific;
using StreamFinance.Contracts.Common;

namespace StreamFinance.Connectors.Runtime;

/// <summary>Reads the <see cref="Envelope"/> of any canonical record (every canonical type has an <c>envelope</c> field).</summary>
internal static class EnvelopeAccess
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> Properties = new();

    /// <summary>The record's envelope, or null when its type has none.</summary>
    public static Envelope? Of(ISpecificRecord record) =>
        Properties.GetOrAdd(record.GetType(), t => t.GetProperty("envelope"))?.GetValue(record) as Envelope;
}
