using Microsoft.Extensions.Configuration;
using StreamFinance.Connectors.Rest;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Tests.Configuration;

public sealed class ConnectorSettingsTests
{
    private static StreamFinanceSettings Bind(params (string Key, string Value)[] values) =>
        StreamFinanceSettings.Bind(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Fact]
    public void Without_a_Connectors_section_no_connector_is_declared()
    {
        Assert.Empty(Bind().Connectors);
    }

    [Fact]
    public void Connectors_of_every_kind_bind_with_their_settings()
    {
        var settings = Bind(
            ("Connectors:concur-files:Kind", "FileDrop"),
            ("Connectors:concur-files:Profile", "concur-expense-entries"),
            ("Connectors:concur-files:Topic", "ingest.expenses"),
            ("Connectors:concur-files:FileDrop:Inbox", "/data/sftp/concur"),
            ("Connectors:ramp-api:Kind", "RestPoll"),
            ("Connectors:ramp-api:Profile", "ramp-card-transactions"),
            ("Connectors:ramp-api:Rest:BaseUrl", "https://api.ramp.example/"),
            ("Connectors:ramp-api:Rest:Path", "developer/v1/transactions"),
            ("Connectors:ramp-api:Rest:Paging", "Watermark"),
            ("Connectors:ramp-api:Rest:BearerToken", "tok"),
            ("Connectors:coupa-hooks:Kind", "Webhook"),
            ("Connectors:coupa-hooks:Profile", "coupa-purchase-orders"),
            ("Connectors:coupa-hooks:Webhook:Port", "8091"),
            ("Connectors:coupa-hooks:Webhook:Secret", "0123456789abcdef0123"),
            ("Connectors:load:Kind", "Generator"),
            ("Connectors:load:Generator:RecordsPerSecond", "500"));

        Assert.Equal(4, settings.Connectors.Count);
        Assert.Equal("/data/sftp/concur", settings.Connectors["concur-files"].FileDrop!.Inbox);
        Assert.Equal(RestPaging.Watermark, settings.Connectors["ramp-api"].Rest!.Paging);
        Assert.Equal(8091, settings.Connectors["coupa-hooks"].Webhook!.Port);
        Assert.Equal(500, settings.Connectors["load"].Generator!.RecordsPerSecond);
    }

    [Fact]
    public void An_unknown_connector_setting_is_an_error_naming_it()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(
            ("Connectors:concur-files:Kind", "FileDrop"), ("Connectors:concur-files:Profile", "p"),
            ("Connectors:concur-files:FileDrop:Inbox", "/in"), ("Connectors:concur-files:FileDrop:Inbx", "/typo")));

        Assert.Contains("Inbx", error.Message);
    }

    [Fact]
    public void A_connector_without_kind_profile_or_its_kind_settings_is_refused_with_every_problem()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(
            ("Connectors:no-kind:Profile", "p"),
            ("Connectors:ramp-api:Kind", "RestPoll"),
            ("Connectors:hooks:Kind", "Webhook"), ("Connectors:hooks:Profile", "p"), ("Connectors:hooks:Webhook:Secret", "short"),
            ("Connectors:hooks:FileDrop:Inbox", "/in")));

        Assert.Contains("Connectors:no-kind:Kind is missing", error.Message);
        Assert.Contains("Connectors:ramp-api:Profile is missing", error.Message);
        Assert.Contains("needs its 'Rest' settings", error.Message);
        Assert.Contains("Connectors:hooks:Webhook:Secret is shorter than 16", error.Message);
        Assert.Contains("Connectors:hooks:FileDrop is set but Kind is Webhook", error.Message);
    }

    [Fact]
    public void A_target_topic_outside_the_catalog_is_refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(
            ("Connectors:f:Kind", "FileDrop"), ("Connectors:f:Profile", "p"), ("Connectors:f:Topic", "ingest.expense"), ("Connectors:f:FileDrop:Inbox", "/in")));

        Assert.Contains("'ingest.expense' is not a catalog topic", error.Message);
    }

    [Fact]
    public void An_erp_sink_binds_its_endpoint_credentials_and_limits()
    {
        var settings = Bind(
            ("Connectors:netsuite-journals:Kind", "ErpRest"),
            ("Connectors:netsuite-journals:Profile", "netsuite-journal-entries"),
            ("Connectors:netsuite-journals:Topic", "erp.journal-postings"),
            ("Connectors:netsuite-journals:ErpRest:BaseUrl", "https://1234567.suitetalk.api.netsuite.com/"),
            ("Connectors:netsuite-journals:ErpRest:BearerToken", "tok"),
            ("Connectors:netsuite-journals:ErpRest:RequestsPerSecond", "2.5"),
            ("Connectors:netsuite-journals:ErpRest:MaxConcurrency", "2"));

        var sink = settings.Connectors["netsuite-journals"];
        Assert.Equal((ConnectorKind.ErpRest, 2.5, 2, "streamfinance-erp-sink.netsuite-journals"),
            (sink.Kind!.Value, sink.ErpRest!.RequestsPerSecond, sink.ErpRest.MaxConcurrency, sink.ErpRest.EffectiveConsumerGroup("netsuite-journals")));
    }

    [Fact]
    public void An_erp_sink_with_unusable_limits_or_half_a_login_is_refused_with_every_problem()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(
            ("Connectors:erp:Kind", "ErpRest"),
            ("Connectors:erp:Profile", "netsuite-journal-entries"),
            ("Connectors:erp:ErpRest:BaseUrl", "not a url"),
            ("Connectors:erp:ErpRest:RequestsPerSecond", "0"),
            ("Connectors:erp:ErpRest:Username", "svc-streamfinance")));

        Assert.Contains("Connectors:erp:ErpRest:BaseUrl", error.Message);
        Assert.Contains("Connectors:erp:ErpRest:RequestsPerSecond", error.Message);
        Assert.Contains("Username and Password go together", error.Message);
    }
}
