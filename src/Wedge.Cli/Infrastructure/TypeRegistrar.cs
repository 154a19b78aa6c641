using Spectre.Console.Cli;

namespace Wedge.Cli.Infrastructure;

/// <summary>
/// A minimal container for Spectre.Console.Cli: services registered by instance, type or factory;
/// command classes are built by constructor injection from those services.
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, Func<object>> factories = [];

    public void Register(Type service, Type implementation) => factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory)
    {
        var lazy = new Lazy<object>(factory);
        factories[service] = () => lazy.Value;
    }

    public ITypeResolver Build() => new Resolver(this);

    private object Create(Type type)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => Resolve(p.ParameterType)
            ?? throw new InvalidOperationException($"No service registered for {p.ParameterType.Name}, needed by {type.Name}.")).ToArray();
        return ctor.Invoke(args);
    }

    private object? Resolve(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (factories.TryGetValue(type, out var factory))
        {
            return factory();
        }

        return type.IsClass && !type.IsAbstract ? Create(type) : null;
    }

    private sealed class Resolver(TypeRegistrar registrar) : ITypeResolver
    {
        public object? Resolve(Type? type) => registrar.Resolve(type);
    }
}
