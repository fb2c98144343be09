using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Connectors.Mapping;

/// <summary>
/// A loaded mapping profile: turns source records of one format from one source system into canonical records of one
/// target topic. Mapping is pure and never throws for bad content: a record that cannot be mapped comes back as a
/// <see cref="MappingResult.Failure"/> with its reason. Implementations are immutable and safe for concurrent use.
/// </summary>
public interface IRecordMapper
{
    /// <summary>Profile name, e.g. <c>concur-expense-entries</c>.</summary>
    string ProfileName { get; }

    /// <summary>Profile version as written in the profile file, e.g. <c>3</c>.</summary>
    string ProfileVersion { get; }

    /// <summary><c>name@version</c>, written into <c>envelope.mappingProfile</c> and into dead letters.</summary>
    string ProfileId => $"{ProfileName}@{ProfileVersion}";

    /// <summary>Source system stamped on every record, e.g. <c>concur</c>.</summary>
    string SourceSystem { get; }

    /// <summary>The payload format the profile reads (<see cref="ISourceFormat.Name"/>).</summary>
    string Format { get; }

    /// <summary>Options for the format (CSV delimiter, JSON records path); empty for defaults.</summary>
    IReadOnlyDictionary<string, string> FormatOptions { get; }

    /// <summary>The canonical topic the mapped records go to.</summary>
    TopicSpec TargetTopic { get; }

    /// <summary>Source fields declared <c>sensitive:</c> (card numbers, bank accounts), masked in every dead letter. Default none.</summary>
    IReadOnlyList<SensitiveField> SensitiveFields => [];

    /// <summary>Maps one source record.</summary>
    /// <param name="record">The parsed source record.</param>
    /// <param name="ingestTime">When the connector read it (UTC); becomes <c>envelope.ingestTime</c>.</param>
    MappingResult Map(SourceRecord record, DateTime ingestTime);
}
