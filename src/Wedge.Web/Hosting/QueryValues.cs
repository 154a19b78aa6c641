using Wedge.Application.Problems;
using Wedge.Core.Model;

namespace Wedge.Web.Hosting;

/// <summary>Values read from the query beyond the clocks, refused as the command line refuses its options' values.</summary>
public static class QueryValues
{
    /// <summary>A kebab-case enum value; a usage problem listing the values when it names none.</summary>
    public static T Kind<T>(string parameter, string text)
        where T : struct, Enum
        => EnumNames.Parse<T>(text) ?? throw Problem.Usage("bad-value", $"{parameter}: '{text}' is not one of: {string.Join(", ", EnumNames.All<T>())}").Exception();
}
