using Spectre.Console.Cli;

namespace Wedge.Cli.Infrastructure;

/// <summary>
/// A minimal container for Spectre.Console.Cli: services registered by instance, type or factory;
/// command classes are built by constructor injection from those services.
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar
{
    // Several registrations of one service are kept: the last wins for a single resolve, all of them for IEnumerable<T>.
    private readonly Dictionary<Type, List<Func<object>>> factories = [];

    public void Register(Type service, Type implementation) => Add(service, () => Create(implementation));

    public void RegisterInstance(Type service, object implementation) => Add(service, () => implementation);

    public void RegisterLazy(Type service, Func<object> factory)
    {
        var lazy = new Lazy<object>(factory);
        Add(service, () => lazy.Value);
    }

    private void Add(Type service, Func<object> factory)
    {
        if (!factories.TryGetValue(service, out var list))
        {
            factories[service] = list = [];
        }

        list.Add(factory);
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

        if (factories.TryGetValue(type, out var registered))
        {
            return registered[^1]();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var item = type.GetGenericArguments()[0];
            var all = factories.TryGetValue(item, out var many) ? many.Select(f => f()).ToArray() : [];
            var array = Array.CreateInstance(item, all.Length);
            Array.Copy(all, array, all.Length);
            return array;
        }

        return type.IsClass && !type.IsAbstract ? Create(type) : null;
    }

    private sealed class Resolver(TypeRegistrar registrar) : ITypeResolver
    {
        public object? Resolve(Type? type) => registrar.Resolve(type);
    }
}
