using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Wedge.Cli.Infrastructure;

/// <summary>
/// Spectre.Console.Cli's container seam, adapted to Microsoft.Extensions.DependencyInjection: what
/// Spectre registers (commands, settings) goes into the same <see cref="IServiceCollection"/> as
/// Wedge's services, and one <see cref="ServiceProvider"/> builds them all.
/// </summary>
internal sealed class TypeRegistrar(IServiceCollection services) : ITypeRegistrar
{
    public void Register(Type service, Type implementation) => services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory) => services.AddSingleton(service, _ => factory());

    public ITypeResolver Build() => new Resolver(services.BuildServiceProvider());

    private sealed class Resolver(ServiceProvider provider) : ITypeResolver, IDisposable
    {
        public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

        public void Dispose() => provider.Dispose();
    }
}
