namespace StreamFinance.Contracts.Catalog;

/// <summary>What kind of component a <see cref="TopicUser"/> is: it decides how the component is named and whether its writes make a topic live.</summary>
public enum TopicUserKind
{
    /// <summary>A Streamiz topology: its declared inputs, outputs and dead-letter topic.</summary>
    Topology,

    /// <summary>What every connector does, whatever its source: dead letters and source positions.</summary>
    Connectors,

    /// <summary>A mapping profile: a connector reading with it writes the profile's target topic; an ERP sink sending with an outbound profile reads its erp.* topic and writes confirmations.</summary>
    ConnectorProfile,

    /// <summary>The sample-data generator connector.</summary>
    Generator,

    /// <summary>
    /// A command of the <c>streamfinance</c> executable. A command only writes records back where they came from
    /// (<c>dlq replay</c>), so its writes never make a planned topic live.
    /// </summary>
    Command,
}
