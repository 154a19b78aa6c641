using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Wedge.Application.Problems;
using Wedge.Core.Text;

namespace Wedge.Web.Hosting;

/// <summary>
/// Refuses query parameters an endpoint does not take, naming the nearest one it does: <c>?knwonAt=2014</c> must not
/// silently read the present, as <c>--knwon-at</c> is refused on the command line.
/// </summary>
public static class QueryCheck
{
    /// <summary>Adds the check to every endpoint of the group, each with the names its own handler binds from the query.</summary>
    public static TBuilder RefuseUnknownQuery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var known = QueryNames(factory.MethodInfo);
            return context =>
            {
                var unknown = context.HttpContext.Request.Query.Keys.Where(k => !known.Contains(k)).ToList();
                if (unknown.Count == 0)
                {
                    return next(context);
                }

                var first = unknown[0];
                var nearest = known.OrderBy(k => EditDistance.Between(k.ToLowerInvariant(), first.ToLowerInvariant())).FirstOrDefault();
                var hint = nearest is not null && EditDistance.Between(nearest.ToLowerInvariant(), first.ToLowerInvariant()) <= Math.Max(2, first.Length / 3)
                    ? $"; did you mean '{nearest}'?"
                    : known.Count > 0 ? $" (it takes: {string.Join(", ", known.Order(StringComparer.Ordinal))})" : " (it takes no query parameters)";
                return ValueTask.FromResult<object?>(ProblemResponses.Result(
                    Problem.Usage("unknown-parameter", $"this endpoint does not take the query parameter '{string.Join("', '", unknown)}'{hint}")));
            };
        });
        return builder;
    }

    /// <summary>The query names a handler binds: [FromQuery] and simple parameters not in the route, and those of [AsParameters] records.</summary>
    private static HashSet<string> QueryNames(MethodInfo method)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in method.GetParameters())
        {
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                var ctor = p.ParameterType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
                foreach (var member in ctor.GetParameters())
                {
                    Add(member, member.Name!);
                }

                continue;
            }

            Add(p, p.Name!);
        }

        return names;

        void Add(ParameterInfo p, string name)
        {
            if (p.GetCustomAttribute<FromQueryAttribute>() is { } q)
            {
                names.Add(q.Name ?? name);
            }
            else if (p.GetCustomAttribute<FromRouteAttribute>() is null && p.GetCustomAttribute<FromBodyAttribute>() is null
                     && p.GetCustomAttribute<FromFormAttribute>() is null && p.GetCustomAttribute<FromHeaderAttribute>() is null
                     && p.GetCustomAttribute<FromServicesAttribute>() is null && IsSimple(p.ParameterType))
            {
                names.Add(name);
            }
        }
    }

    private static bool IsSimple(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(string[]);
    }
}
