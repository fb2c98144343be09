using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Host.Api.Audit;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Host.Api.Procurement;
using StreamFinance.Topologies.Procurement;
using StreamFinance.Topologies.Audit;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies;
using StreamFinance.Topologies.Validation;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Api.Http;

/// <summary>Wires the validation API into the pipeline host.</summary>
public static class ValidationApiRegistration
{
    /// <summary>
    /// Adds a <see cref="ValidationApiService"/> answering from the store of the validation topology, which must be among
    /// <paramref name="topologies"/>. Register it before the topologies start so that it listens (503) while they restore.
    /// </summary>
    /// <exception cref="ConfigurationException">The validation topology is not run, so the API would have no data.</exception>
    public static IServiceCollection AddValidationApi(
        this IServiceCollection services, StreamFinanceSettings settings, IReadOnlyList<IStreamTopology> topologies, TextWriter output)
    {
        if (!topologies.Any(t => t is ValidationTopology))
            throw new ConfigurationException(
                $"Api:Enabled is true but the '{ValidationTopology.TopologyName}' topology is not among the topologies run, so the validation API would have no master data. " +
                "Run it, or set Api:Enabled=false.");
        return services.AddSingleton<IHostedService>(sp =>
        {
            // Resolved at the first request: the topology's hosted service is created with the other hosted services.
            var lookup = new StoreMasterDataLookup(new MasterDataStoreAccessor(
                () => PipelineHost.TopologyServices(sp).Single(t => t.Topology is ValidationTopology)));
            var loggerFactory = sp.GetRequiredService<ILoggerFactory>();
            IAuditTrail audit = topologies.Any(t => t is AuditIndexTopology)
                ? new AuditIndexTrail(() => PipelineHost.TopologyServices(sp).Single(t => t.Topology is AuditIndexTopology))
                : UnavailableAuditTrail.Instance;
            IProcurementBook? procurement = topologies.Any(t => t is ProcurementTopology)
                ? new ProcurementStoreBook(() => PipelineHost.TopologyServices(sp).Single(t => t.Topology is ProcurementTopology))
                : null;
            var server = new ValidationApiServer(
                new ValidationApiContext(settings.Api, lookup, settings.MasterData.FxFallback, expenses: settings.Expenses, audit: audit, procurement: procurement), loggerFactory);
            return new ValidationApiService(server, output, loggerFactory.CreateLogger<ValidationApiService>());
        });
    }
}
