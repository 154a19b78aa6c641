using System.Text.RegularExpressions;
using Wedge.Core.Model;

namespace Wedge.Data.Mmp;

/// <summary>
/// Reads from an MMP description whether the row reports conduct (what the groups did together or
/// to each other) or a declaration (what a group said, pledged or denied). docs/import-mmp.md lists
/// the words and the order in which they are tried.
/// </summary>
/// <remarks>
/// Conduct words win over declaration words: "declared war … the two groups clashed" reports the
/// clash. A row with neither is left unstated; nothing is guessed from the type code alone.
/// </remarks>
public static partial class MmpReports
{
    public static ClaimReports Classify(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (Conduct().IsMatch(description))
        {
            return ClaimReports.Conduct;
        }

        return Declaration().IsMatch(description) ? ClaimReports.Declaration : ClaimReports.Unstated;
    }

    [GeneratedRegex(@"\b(attack(s|ed|ing)?|fought|fight(s|ing)?|clash(es|ed)?|battl(e|es|ed)|joint(ly)?|together|trained|training|bomb(s|ed|ing)?|kill(s|ed|ing)?|captur(e|ed|ing)|seiz(e|ed)|assassinat(e|ed|ion)|ambush(ed)?|kidnapp(ed|ing)|shelter(ed)?|harbou?r(ed)?|fund(s|ed|ing)|financ(ed|ing)|provided|supplied|weapons|fighters|cooperat(e|ed|ion)|coordinat(e|ed|ion)|operation(s|al)?|offensive|merged|raid(s|ed)?|suicide)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Conduct();

    [GeneratedRegex(@"\b(announc(e|ed|es|ement)|declar(e|ed|es|ation)|statement|stated|said|says|pledg(e|ed|es)|bay'?a|allegiance|denied|denies|deny|condemn(ed|s)?|adamant|publicly|rumou?rs?|claimed|vowed|promised|insist(ed|s)?|renounc(e|ed)|disavow(ed)?|separated itself)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();
}
