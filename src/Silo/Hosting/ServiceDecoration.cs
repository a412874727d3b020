using Microsoft.Extensions.DependencyInjection;

namespace QppOrleans.Silo.Hosting;

/// <summary>Wraps a service that a provider's extension method registered, keeping that registration as the inner one.</summary>
public static class ServiceDecoration
{
    /// <summary>Replaces the last registration of <typeparamref name="TService"/> by <paramref name="wrap"/> around it.</summary>
    public static void Decorate<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> wrap)
        where TService : class
    {
        var original = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(original);
        services.AddSingleton(provider => wrap(provider, original switch
        {
            { ImplementationFactory: { } factory } => (TService)factory(provider),
            { ImplementationInstance: TService instance } => instance,
            _ => (TService)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!),
        }));
    }
}
