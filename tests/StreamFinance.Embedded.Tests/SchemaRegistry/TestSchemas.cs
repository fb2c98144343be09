namespace StreamFinance.Embedded.Tests.SchemaRegistry;

/// <summary>Avro schemas shared by the registry tests: a payment record and its evolutions.</summary>
internal static class TestSchemas
{
    public const string PaymentV1 = """
        {"type":"record","name":"Payment","namespace":"streamfinance.test","fields":[
          {"name":"id","type":"string"},
          {"name":"amount","type":"long"},
          {"name":"status","type":{"type":"enum","name":"PaymentStatus","symbols":["OPEN","PAID","CANCELLED"]}},
          {"name":"note","type":["null","string"],"default":null}
        ]}
        """;

    /// <summary>V1 plus an optional field with a default: BACKWARD compatible.</summary>
    public const string PaymentV2WithOptionalCurrency = """
        {"type":"record","name":"Payment","namespace":"streamfinance.test","fields":[
          {"name":"id","type":"string"},
          {"name":"amount","type":"long"},
          {"name":"status","type":{"type":"enum","name":"PaymentStatus","symbols":["OPEN","PAID","CANCELLED"]}},
          {"name":"note","type":["null","string"],"default":null},
          {"name":"currency","type":"string","default":"EUR"}
        ]}
        """;

    /// <summary>V1 plus a required field without a default: not BACKWARD compatible, but FORWARD compatible.</summary>
    public const string PaymentV2WithRequiredCurrency = """
        {"type":"record","name":"Payment","namespace":"streamfinance.test","fields":[
          {"name":"id","type":"string"},
          {"name":"amount","type":"long"},
          {"name":"status","type":{"type":"enum","name":"PaymentStatus","symbols":["OPEN","PAID","CANCELLED"]}},
          {"name":"note","type":["null","string"],"default":null},
          {"name":"currency","type":"string"}
        ]}
        """;

    /// <summary>V1 without the CANCELLED enum symbol: the new reader cannot read old CANCELLED payments.</summary>
    public const string PaymentV2WithoutCancelled = """
        {"type":"record","name":"Payment","namespace":"streamfinance.test","fields":[
          {"name":"id","type":"string"},
          {"name":"amount","type":"long"},
          {"name":"status","type":{"type":"enum","name":"PaymentStatus","symbols":["OPEN","PAID"]}},
          {"name":"note","type":["null","string"],"default":null}
        ]}
        """;

    /// <summary>V1 with the note union changed from [null,string] to [null,int].</summary>
    public const string PaymentV2WithIntNote = """
        {"type":"record","name":"Payment","namespace":"streamfinance.test","fields":[
          {"name":"id","type":"string"},
          {"name":"amount","type":"long"},
          {"name":"status","type":{"type":"enum","name":"PaymentStatus","symbols":["OPEN","PAID","CANCELLED"]}},
          {"name":"note","type":["null","int"],"default":null}
        ]}
        """;

    /// <summary>V1 without the optional note field: FORWARD compatible (old readers use the note default), and BACKWARD too.</summary>
    public const string PaymentV2WithoutNote = """
        {"type":"record","name":"Payment","namespace":"streamfinance.test","fields":[
          {"name":"id","type":"string"},
          {"name":"amount","type":"long"},
          {"name":"status","type":{"type":"enum","name":"PaymentStatus","symbols":["OPEN","PAID","CANCELLED"]}}
        ]}
        """;

    /// <summary>V1 without the required amount field: BACKWARD compatible only (old readers need amount).</summary>
    public const string PaymentV2WithoutAmount = """
        {"type":"record","name":"Payment","namespace":"streamfinance.test","fields":[
          {"name":"id","type":"string"},
          {"name":"status","type":{"type":"enum","name":"PaymentStatus","symbols":["OPEN","PAID","CANCELLED"]}},
          {"name":"note","type":["null","string"],"default":null}
        ]}
        """;

    public const string Unrelated = """
        {"type":"record","name":"Shipment","namespace":"streamfinance.test","fields":[{"name":"weight","type":"double"}]}
        """;
}
