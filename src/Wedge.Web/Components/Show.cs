using System.Globalization;
using Wedge.Analysis.Dyad;

namespace Wedge.Web.Components;

/// <summary>Numbers, periods and names as the pages print them (invariant culture, as the command line does).</summary>
public static class Show
{
    public static string Period(PeriodView p) => $"{p.Start ?? "?"} – {p.End ?? "ongoing"}";

    public static string Percent(double p) => (p * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Number(double x, string format = "0.##") => x.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"armed-group" → "armed group".</summary>
    public static string Words(string kebab) => kebab.Replace('-', ' ');

    public static string Words<T>(T value) where T : struct, Enum => Words(Core.Model.EnumNames.Kebab(value));
}
