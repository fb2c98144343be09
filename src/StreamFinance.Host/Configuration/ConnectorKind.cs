namespace StreamFinance.Host.Configuration;

/// <summary>The kinds of connector a <c>Connectors</c> entry can declare.</summary>
public enum ConnectorKind
{
    /// <summary>A folder (SFTP landing zone) watched for CSV, JSON Lines, JSON or X12 files; settings in <c>FileDrop</c>.</summary>
    FileDrop,

    /// <summary>A REST API polled page by page; settings in <c>Rest</c>.</summary>
    RestPoll,

    /// <summary>A webhook receiver on its own listener; settings in <c>Webhook</c>.</summary>
    Webhook,

    /// <summary>The synthetic-data generator; settings in <c>Generator</c>.</summary>
    Generator,

    /// <summary>An ERP sink: consumes an <c>erp.*</c> topic and posts each record to an ERP's REST/OData API with an outbound profile; settings in <c>ErpRest</c>.</summary>
    ErpRest,
}
