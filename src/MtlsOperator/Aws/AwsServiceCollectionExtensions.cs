using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MtlsOperator.Aws;

/// <summary>Registers the AWS client factory with dependency injection.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>Adds a singleton <see cref="IAwsClientFactory"/> built from <paramref name="options"/>.</summary>
    public static IServiceCollection AddAwsClients(this IServiceCollection services, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(provider => new AwsClientFactory(
            options with { Time = provider.GetService<TimeProvider>() ?? options.Time },
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IMeterFactory>()));
        services.AddSingleton<IAwsClientFactory>(provider => provider.GetRequiredService<AwsClientFactory>());
        return services;
    }
}
