using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using YamlDotNet.RepresentationModel;

namespace Wedge.Data.Cases;

/// <summary>
/// Writes facts in the case format. Everything a fact holds is written, so reading the output back
/// gives the same facts (the round trip the tests check). Facts are ordered by kind, then id.
/// </summary>
public static class CaseWriter
{
    public static void Write(TextWriter output, string caseId, string title, string? description, IEnumerable<Fact> facts)
    {
        var all = facts.ToList();
        var root = new YamlMappingNode();
        Put(root, "case", caseId);
        Put(root, "title", title);
        Put(root, "description", description);
        Section(root, "sources", all.OfType<Source>().OrderBy(f => f.Id.Value, StringComparer.Ordinal), WriteSource);
        Section(root, "claims", all.OfType<Claim>().OrderBy(f => f.Id.Value, StringComparer.Ordinal), WriteClaim);
        Section(root, "actors", all.OfType<Actor>().OrderBy(f => f.Id.Value, StringComparer.Ordinal), WriteActor);
        Section(root, "roles", all.OfType<Role>().OrderBy(f => f.Id, StringComparer.Ordinal), WriteRole);
        Section(root, "ties", all.OfType<Tie>().OrderBy(f => f.Id, StringComparer.Ordinal), WriteTie);
        Section(root, "ledger", all.OfType<LedgerEntry>().OrderBy(f => f.Id, StringComparer.Ordinal), WriteLedger);
        Section(root, "events", all.OfType<Event>().OrderBy(f => f.Id, StringComparer.Ordinal), WriteEvent);
        Section(root, "attributes", all.OfType<ActorAttribute>().OrderBy(f => f.Id, StringComparer.Ordinal), WriteAttribute);
        new YamlStream(new YamlDocument(root)).Save(output, assignAnchors: false);
    }

    public static void Write(TextWriter output, KnowledgeBase kb, string caseId = "export", string title = "Wedge export")
        => Write(output, caseId, title, null, kb.Facts);

    private static void Section<T>(YamlMappingNode root, string name, IEnumerable<T> items, Action<YamlMappingNode, T> write)
    {
        var seq = new YamlSequenceNode();
        foreach (var item in items)
        {
            var m = new YamlMappingNode();
            write(m, item);
            seq.Add(m);
        }

        if (seq.Children.Count > 0)
        {
            root.Add(name, seq);
        }
    }

    private static void WriteSource(YamlMappingNode m, Source s)
    {
        Put(m, "id", s.Id.Value);
        Put(m, "title", s.Title);
        Put(m, "author", s.Author);
        Put(m, "publisher", s.Publisher);
        Put(m, "date", s.Date?.ToString());
        Put(m, "url", s.Url);
        Put(m, "marking", s.Marking?.Label());
    }

    private static void WriteClaim(YamlMappingNode m, Claim c)
    {
        Put(m, "id", c.Id.Value);
        Put(m, "source", c.Source.Value);
        Put(m, "locator", c.Locator);
        Put(m, "text", c.Text);
        Put(m, "grade", c.Grade.ToString());
        Put(m, "grade-reason", c.GradeReason);
        Put(m, "public-since", c.PublicSince?.ToString());
        if (c.Stance != ClaimStance.Supports)
        {
            Put(m, "stance", Name(c.Stance));
        }

        if (c.Reports != ClaimReports.Unstated)
        {
            Put(m, "reports", Name(c.Reports));
        }

        if (c.Context)
        {
            Put(m, "context", "true");
        }

        Put(m, "marking", c.Marking?.Label());
    }

    private static void WriteActor(YamlMappingNode m, Actor a)
    {
        Put(m, "id", a.Id.Value);
        Put(m, "name", a.Name);
        Put(m, "kind", Name(a.Kind));
        List(m, "aliases", a.Aliases);
        Put(m, "parent", a.Parent?.Value);
        List(m, "ideology", a.Ideology);
        Put(m, "home-base", a.HomeBase);
        PutPeriod(m, "active", a.Active);
        Put(m, "end-public-since", a.EndPublicSince?.ToString());
        if (a.ExternalIds.Count > 0)
        {
            var ids = new YamlMappingNode();
            foreach (var (k, v) in a.ExternalIds.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                ids.Add(k, new YamlScalarNode(v) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted });
            }

            m.Add("external-ids", ids);
        }

        Put(m, "description", a.Description);
        Claims(m, a);
    }

    private static void WriteRole(YamlMappingNode m, Role r)
    {
        Put(m, "id", r.Id);
        Put(m, "person", r.Person.Value);
        Put(m, "organisation", r.Organisation.Value);
        Put(m, "title", r.Title.Value);
        PutPeriod(m, "period", r.Period);
        Put(m, "end-public-since", r.EndPublicSince?.ToString());
        Claims(m, r);
    }

    private static void WriteTie(YamlMappingNode m, Tie t)
    {
        Put(m, "id", t.Id);
        Put(m, "kind", Name(t.Kind));
        Put(m, "from", t.From.Value);
        Put(m, "to", t.To.Value);
        PutPeriod(m, "period", t.Period);
        Put(m, "end-public-since", t.EndPublicSince?.ToString());
        if (t.Stance != TieStance.Unstated)
        {
            Put(m, "stance", Name(t.Stance));
        }

        if (t.Acknowledgement != Acknowledgement.Unstated)
        {
            Put(m, "acknowledgement", Name(t.Acknowledgement));
        }

        Put(m, "note", t.Note);
        if (t.StartOnly)
        {
            Put(m, "start-only", "true");
        }

        Claims(m, t);
    }

    private static void WriteLedger(YamlMappingNode m, LedgerEntry l)
    {
        Put(m, "id", l.Id);
        Put(m, "provider", l.Provider.Value);
        Put(m, "recipient", l.Recipient.Value);
        Put(m, "category", Name(l.Category));
        PutPeriod(m, "period", l.Period);
        Put(m, "magnitude", l.Magnitude.ToString());
        Put(m, "note", l.Note);
        Claims(m, l);
    }

    private static void WriteEvent(YamlMappingNode m, Event e)
    {
        Put(m, "id", e.Id);
        Put(m, "date", e.Date.ToString());
        Put(m, "kind", Name(e.Kind));
        Put(m, "title", e.Title);
        List(m, "actors", e.Actors.Select(a => a.Value).ToList());
        Put(m, "fatalities", e.Fatalities?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Claims(m, e);
    }

    private static void WriteAttribute(YamlMappingNode m, ActorAttribute a)
    {
        Put(m, "id", a.Id);
        Put(m, "actor", a.Actor.Value);
        Put(m, "name", a.Name);
        Put(m, "value", a.Value);
        PutPeriod(m, "period", a.Period);
        Put(m, "end-public-since", a.EndPublicSince?.ToString());
        Claims(m, a);
    }

    private static string Name<T>(T value) where T : struct, Enum => value.Kebab();

    private static void Put(YamlMappingNode m, string key, string? value)
    {
        if (value is not null)
        {
            // Quoted whenever a plain scalar could be misread (empty, leading symbols, numbers, "yes").
            m.Add(key, new YamlScalarNode(value) { Style = NeedsQuotes(value) ? YamlDotNet.Core.ScalarStyle.DoubleQuoted : YamlDotNet.Core.ScalarStyle.Any });
        }
    }

    private static bool NeedsQuotes(string value)
        => value.Length == 0 || value != value.Trim() || value.Contains('\n') || value.Contains('\\')
           || value is "null" or "~" or "true" or "false" or "yes" or "no" or "on" or "off";

    private static void PutPeriod(YamlMappingNode m, string key, Period p)
    {
        if (p.Start is null && p.End is null)
        {
            return;
        }

        var node = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
        Put(node, "from", p.Start?.ToString());
        Put(node, "until", p.End?.ToString());
        m.Add(key, node);
    }

    private static void List(YamlMappingNode m, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var seq = new YamlSequenceNode { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
        foreach (var v in values)
        {
            seq.Add(new YamlScalarNode(v) { Style = NeedsQuotes(v) ? YamlDotNet.Core.ScalarStyle.DoubleQuoted : YamlDotNet.Core.ScalarStyle.Any });
        }

        m.Add(key, seq);
    }

    private static void Claims(YamlMappingNode m, Fact f) => List(m, "claims", f.Claims.Select(c => c.Value).ToList());
}
