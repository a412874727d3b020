using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Registration;
using QppOrleans.Grains.Access;
using QppOrleans.Grains.Events;
using QppOrleans.Grains.Notifications.Email;
using QppOrleans.Grains.Registration;

namespace QppOrleans.Silo.Hosting;

/// <summary>The event pipeline of a silo (memory streams, the outbox timings, email delivery) and the domain's settings.</summary>
public static class QppEvents
{
    /// <summary>
    /// Memory streams carry events between grains; they are not durable, the publishers'
    /// outboxes are. Only implicit subscriptions are used, so no pub-sub store is needed.
    /// </summary>
    public static ISiloBuilder UseQppEvents(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddMemoryStreams(EventStreams.Provider, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));

        var services = silo.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<EventDeliveryOptions>().Bind(configuration.GetSection(EventDeliveryOptions.Section));
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddOptions<RegistrationOptions>().Bind(configuration.GetSection(RegistrationOptions.Section));
        services.TryAddSingleton<SmtpMailTransport>();
        services.TryAddSingleton<DevelopmentMailSink>();
        services.TryAddSingleton<IMailTransport>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.DevelopmentSink
                ? provider.GetRequiredService<DevelopmentMailSink>()
                : provider.GetRequiredService<SmtpMailTransport>());
        return silo;
    }
}
