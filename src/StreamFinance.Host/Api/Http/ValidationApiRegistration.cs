using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies.Validation;

namespace StreamFinance.Host.Api.Http;

/// <summary>Wires the validation API into the pipeline host.</summary>
public static class ValidationApiRegistration
{
    /// <summary>
    /// Adds a <see cref="ValidationApiService"/> answering from the store of the validation topology's
    /// <see cref="TopologyService"/>, which must be registered as a keyed singleton under <see cref="ValidationTopology.TopologyName"/>.
    /// Register it before the topologies' hosted services so that it listens while they restore.
    /// </summary>
    public static IServiceCollection AddValidationApi(this IServiceCollection services, StreamFinanceSettings settings, TextWriter output) =>
        services.AddSingleton<IHostedService>(sp =>
        {
            var topology = sp.GetRequiredKeyedService<TopologyService>(ValidationTopology.TopologyName);
            var lookup = new StoreMasterDataLookup(new MasterDataStoreAccessor(topology));
            var loggerFactory = sp.GetRequiredService<ILoggerFactory>();
            var server = new ValidationApiServer(new ValidationApiContext(settings.Api, lookup, settings.FxFallback), loggerFactory);
            return new ValidationApiService(server, output, loggerFactory.CreateLogger<ValidationApiService>());
        });
}
