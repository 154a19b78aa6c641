using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Yaml;
using YamlDotNet.RepresentationModel;

namespace Wedge.Data.Cases;

/// <summary>
/// Reads the YAML case format (docs/case-format.md). Strict: unknown keys, wrong types, bad dates,
/// grades, magnitudes and enum values are all errors with file, line and column. Reference checks
/// (does that actor exist?) happen when the case is planned against a knowledge base.
/// </summary>
public sealed class CaseReader
{
    private static readonly string[] Sections = ["case", "title", "description", "sources", "claims", "actors", "roles", "ties", "ledger", "events", "attributes"];

    private readonly string file;
    private readonly List<CaseError> errors = [];
    private readonly List<Fact> facts = [];
    private readonly Dictionary<FactKey, (int, int)> positions = [];

    private CaseReader(string file) => this.file = file;

    public static (CaseDocument? Case, IReadOnlyList<CaseError> Errors) Read(string file, TextReader text)
    {
        var reader = new CaseReader(file);
        var doc = reader.ReadAll(text);
        return reader.errors.Count == 0 ? (doc, []) : (null, reader.errors);
    }

    public static (CaseDocument? Case, IReadOnlyList<CaseError> Errors) ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            return (null, [new CaseError(path, 0, 0, "no such file")]);
        }

        using var text = File.OpenText(path);
        return Read(path, text);
    }

    private CaseDocument? ReadAll(TextReader text)
    {
        var (document, syntax) = YamlNodes.Load(text);
        if (syntax is not null)
        {
            errors.Add(new CaseError(file, syntax.Line, syntax.Column, "malformed YAML: " + syntax.Reason));
            return null;
        }

        if (document is null)
        {
            errors.Add(new CaseError(file, 0, 0, "the file is empty"));
            return null;
        }

        if (document is not YamlMappingNode root)
        {
            Error(document, "a case must be a mapping with keys such as case, title, actors, ties");
            return null;
        }

        var top = new Item(this, root, Sections);
        var id = top.Str("case", required: true) ?? "";
        var title = top.Str("title", required: true) ?? "";
        var description = top.Str("description");
        foreach (var item in top.Items("sources"))
        {
            Add(item, ReadSource(item));
        }

        foreach (var item in top.Items("claims"))
        {
            Add(item, ReadClaim(item));
        }

        foreach (var item in top.Items("actors"))
        {
            Add(item, ReadActor(item));
        }

        foreach (var item in top.Items("roles"))
        {
            Add(item, ReadRole(item));
        }

        foreach (var item in top.Items("ties"))
        {
            Add(item, ReadTie(item));
        }

        foreach (var item in top.Items("ledger"))
        {
            Add(item, ReadLedger(item));
        }

        foreach (var item in top.Items("events"))
        {
            Add(item, ReadEvent(item));
        }

        foreach (var item in top.Items("attributes"))
        {
            Add(item, ReadAttribute(item));
        }

        return new CaseDocument(id, title, description, facts, positions);
    }

    private void Add(Item item, Fact? fact)
    {
        if (fact is null)
        {
            return;
        }

        if (!positions.TryAdd(fact.Key, (item.Line, item.Column)))
        {
            var (l, c) = positions[fact.Key];
            item.Error($"duplicate id '{fact.Key.Id}' (first used at line {l}, column {c})");
            return;
        }

        facts.Add(fact);
    }

    private void Error(YamlNode node, string message) => errors.Add(new CaseError(file, node.Line(), node.Column(), message));

    private static Source? ReadSource(Item i)
    {
        var id = i.Id(s => new SourceId(s));
        var title = i.Str("title", required: true);
        var s = new Source
        {
            Id = id ?? default,
            Title = title ?? "",
            Author = i.Str("author"),
            Publisher = i.Str("publisher"),
            Date = i.Date("date"),
            Url = i.Str("url"),
            Marking = i.Marking("marking"),
        };
        return i.Ok && id is not null && title is not null ? s : null;
    }

    private static Claim? ReadClaim(Item i)
    {
        var id = i.Id(s => new ClaimId(s));
        var source = i.Ref("source", s => new SourceId(s), required: true);
        var text = i.Str("text", required: true);
        var grade = i.Grade("grade");
        var c = new Claim
        {
            Id = id ?? default,
            Source = source ?? default,
            Text = text ?? "",
            Grade = grade ?? default,
            GradeReason = i.Str("grade-reason"),
            Locator = i.Str("locator"),
            PublicSince = i.Date("public-since"),
            Stance = i.Enum("stance", ClaimStance.Supports),
            Reports = i.Enum("reports", ClaimReports.Unstated),
            Context = i.Bool("context"),
            Marking = i.Marking("marking"),
        };
        return i.Ok && id is not null && source is not null && text is not null && grade is not null ? c : null;
    }

    private static Actor? ReadActor(Item i)
    {
        var id = i.Id(s => new ActorId(s));
        var name = i.Str("name", required: true);
        var kind = i.RequiredEnum<ActorKind>("kind");
        var parent = i.Ref("parent", s => new ActorId(s));
        var a = new Actor
        {
            Id = id ?? default,
            Name = name ?? "",
            Kind = kind ?? default,
            Aliases = i.Strings("aliases"),
            Parent = parent,
            Ideology = i.Strings("ideology"),
            HomeBase = i.Str("home-base"),
            Active = i.Period("active"),
            EndPublicSince = i.Date("end-public-since"),
            ExternalIds = i.Map("external-ids"),
            Description = i.Str("description"),
            Claims = i.ClaimIds(),
        };
        return i.Ok && id is not null && name is not null && kind is not null ? a : null;
    }

    private static Role? ReadRole(Item i)
    {
        var id = i.Str("id", required: true);
        var person = i.Ref("person", s => new ActorId(s), required: true);
        var org = i.Ref("organisation", s => new ActorId(s), required: true);
        var title = i.Str("title", required: true);
        var r = new Role
        {
            Id = id ?? "",
            Person = person ?? new ActorId("?"),
            Organisation = org ?? new ActorId("?"),
            Title = new RoleTitle(title ?? ""),
            Period = i.Period("period"),
            EndPublicSince = i.Date("end-public-since"),
            Claims = i.ClaimIds(),
        };
        return i.Ok && id is not null && person is not null && org is not null && title is not null ? r : null;
    }

    private static Tie? ReadTie(Item i)
    {
        var id = i.Str("id", required: true);
        var kind = i.RequiredEnum<TieKind>("kind");
        var from = i.Ref("from", s => new ActorId(s), required: true);
        var to = i.Ref("to", s => new ActorId(s), required: true);
        if (from is not null && from == to)
        {
            i.Error($"a tie joins two different actors, but from and to are both '{from}'");
        }

        var t = new Tie
        {
            Id = id ?? "",
            Kind = kind ?? default,
            From = from ?? new ActorId("?"),
            To = to ?? new ActorId("?"),
            Period = i.Period("period"),
            EndPublicSince = i.Date("end-public-since"),
            Stance = i.Enum("stance", TieStance.Unstated),
            Acknowledgement = i.Enum("acknowledgement", Acknowledgement.Unstated),
            Note = i.Str("note"),
            StartOnly = i.Bool("start-only"),
            Claims = i.ClaimIds(),
        };
        return i.Ok && id is not null && kind is not null && from is not null && to is not null ? t : null;
    }

    private static LedgerEntry? ReadLedger(Item i)
    {
        var id = i.Str("id", required: true);
        var provider = i.Ref("provider", s => new ActorId(s), required: true);
        var recipient = i.Ref("recipient", s => new ActorId(s), required: true);
        var category = i.RequiredEnum<LedgerCategory>("category");
        var magnitude = i.Magnitude("magnitude");
        var l = new LedgerEntry
        {
            Id = id ?? "",
            Provider = provider ?? new ActorId("?"),
            Recipient = recipient ?? new ActorId("?"),
            Category = category ?? default,
            Period = i.Period("period"),
            Magnitude = magnitude ?? new Magnitude(1),
            Note = i.Str("note"),
            Claims = i.ClaimIds(),
        };
        return i.Ok && id is not null && provider is not null && recipient is not null && category is not null && magnitude is not null ? l : null;
    }

    private static Event? ReadEvent(Item i)
    {
        var id = i.Str("id", required: true);
        var date = i.Date("date", required: true);
        var kind = i.RequiredEnum<EventKind>("kind");
        var title = i.Str("title", required: true);
        var e = new Event
        {
            Id = id ?? "",
            Date = date ?? default,
            Kind = kind ?? default,
            Title = title ?? "",
            Actors = i.Refs("actors", a => new ActorId(a)),
            Fatalities = i.Count("fatalities"),
            Claims = i.ClaimIds(),
        };
        return i.Ok && id is not null && date is not null && kind is not null && title is not null ? e : null;
    }

    private static ActorAttribute? ReadAttribute(Item i)
    {
        var id = i.Str("id", required: true);
        var actor = i.Ref("actor", s => new ActorId(s), required: true);
        var name = i.Str("name", required: true);
        var value = i.Str("value", required: true);
        var a = new ActorAttribute
        {
            Id = id ?? "",
            Actor = actor ?? new ActorId("?"),
            Name = name ?? "",
            Value = value ?? "",
            Period = i.Period("period"),
            EndPublicSince = i.Date("end-public-since"),
            Claims = i.ClaimIds(),
        };
        return i.Ok && id is not null && actor is not null && name is not null && value is not null ? a : null;
    }

    /// <summary>One entry of the file (a source, claim, actor…), read key by key through the shared <see cref="YamlMap"/>; every problem is collected.</summary>
    private sealed class Item
    {
        private readonly CaseReader owner;
        private readonly YamlMap map;
        private readonly int errorsAtStart;

        public Item(CaseReader owner, YamlMappingNode node, IReadOnlyCollection<string> allowed)
        {
            this.owner = owner;
            errorsAtStart = owner.errors.Count;
            map = new YamlMap(node, owner.Error).AllowOnly(allowed);
        }

        public int Line => map.Node.Line();

        public int Column => map.Node.Column();

        public bool Ok => owner.errors.Count == errorsAtStart;

        public void Error(string message) => map.Report(message);

        private YamlNode? Get(string key) => map.Get(key);

        public string? Str(string key, bool required = false)
            => required ? (map.Require(key, $"missing required key '{key}'") is { } v ? map.Scalar(v, $"'{key}' must be a single value, not a list or mapping") : null)
                : map.Scalar(key, $"'{key}' must be a single value, not a list or mapping");

        public T? Id<T>(Func<string, T> make) where T : struct => Ref("id", make, required: true);

        /// <summary>
        /// An id under <paramref name="key"/> (this item's own or a reference to another), made by <paramref name="make"/>;
        /// one that breaks the id rules (control characters, padding) is an error at that key, not an exception.
        /// </summary>
        public T? Ref<T>(string key, Func<string, T> make, bool required = false) where T : struct
        {
            var s = Str(key, required);
            return s is null ? null : MakeId(Get(key)!, s, make);
        }

        /// <summary>A list of ids under <paramref name="key"/>, each checked as <see cref="Ref{T}"/> is.</summary>
        public IReadOnlyList<T> Refs<T>(string key, Func<string, T> make) where T : struct
        {
            var list = new List<T>();
            if (Get(key) is not YamlSequenceNode seq)
            {
                Strings(key); // empty when absent; reports a value that is not a list
                return list;
            }

            foreach (var child in seq)
            {
                if (child is not YamlScalarNode { Value: { Length: > 0 } value })
                {
                    owner.Error(child, $"'{key}' must be a list of single values");
                }
                else if (MakeId(child, value, make) is { } id)
                {
                    list.Add(id);
                }
            }

            return list;
        }

        private T? MakeId<T>(YamlNode node, string value, Func<string, T> make) where T : struct
        {
            try
            {
                return make(value);
            }
            catch (ArgumentException)
            {
                owner.Error(node, $"'{value}' is not a usable id (empty, padded or with control characters)");
                return null;
            }
        }

        public FuzzyDate? Date(string key, bool required = false) => ParseDate(Get(key), key, required);

        /// <summary>An optional true/false flag; absent means false.</summary>
        public bool Bool(string key)
        {
            var text = Str(key);
            if (text is null)
            {
                return false;
            }

            if (bool.TryParse(text, out var value))
            {
                return value;
            }

            owner.Error(Get(key)!, $"'{key}' must be true or false, not '{text}'");
            return false;
        }

        private FuzzyDate? ParseDate(YamlNode? v, string key, bool required)
        {
            if (v is null)
            {
                if (required)
                {
                    map.Report($"missing required key '{key}'");
                }

                return null;
            }

            var text = (v as YamlScalarNode)?.Value;
            var parsed = FuzzyDate.TryParse(text);
            if (!parsed.IsSuccess)
            {
                owner.Error(v, $"'{key}': {parsed.Error}");
                return null;
            }

            return parsed.Value;
        }

        public Period Period(string key)
        {
            var v = Get(key);
            if (v is null)
            {
                return Core.Time.Period.Always;
            }

            if (v is not YamlMappingNode m)
            {
                owner.Error(v, $"'{key}' must be a mapping like {{from: 1996, until: 2001-10}}");
                return Core.Time.Period.Always;
            }

            var inner = new Item(owner, m, ["from", "until"]);
            var start = inner.Date("from");
            var end = inner.Date("until");
            if (Core.Time.Period.Check(start, end) is { } problem)
            {
                owner.Error(v, $"'{key}' {problem}");
                return Core.Time.Period.Always;
            }

            return new Period(start, end);
        }

        public Grade? Grade(string key)
        {
            var s = Str(key, required: true);
            if (s is null)
            {
                return null;
            }

            if (!Core.Model.Grade.TryParse(s, out var g, out var error))
            {
                owner.Error(Get(key)!, error!);
                return null;
            }

            return g;
        }

        public Magnitude? Magnitude(string key)
        {
            var s = Str(key, required: true);
            if (s is null)
            {
                return null;
            }

            if (!Core.Model.Magnitude.TryParse(s, out var m, out var error))
            {
                owner.Error(Get(key)!, error!);
                return null;
            }

            return m;
        }

        public T? RequiredEnum<T>(string key) where T : struct, Enum
        {
            var s = Str(key, required: true);
            return s is null ? null : ParseEnum<T>(key, s);
        }

        /// <summary>A count (0 or more, e.g. fatalities); null when absent.</summary>
        public int? Count(string key)
        {
            var s = Str(key);
            if (s is null)
            {
                return null;
            }

            if (int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            owner.Error(Get(key)!, $"'{key}': '{s}' is not a count (a whole number, 0 or more)");
            return null;
        }

        /// <summary>A TLP 2.0 marking (TLP:AMBER+STRICT, amber+strict, …); null when absent.</summary>
        public Marking? Marking(string key)
        {
            var s = Str(key);
            if (s is null)
            {
                return null;
            }

            var marking = Markings.Parse(s);
            if (marking is null)
            {
                owner.Error(Get(key)!, $"'{key}': '{s}' is not a TLP 2.0 marking: TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED");
            }

            return marking;
        }

        public T Enum<T>(string key, T fallback) where T : struct, Enum
        {
            var s = Str(key);
            return s is null ? fallback : ParseEnum<T>(key, s) ?? fallback;
        }

        private T? ParseEnum<T>(string key, string s) where T : struct, Enum
        {
            if (EnumNames.Parse<T>(s) is { } value)
            {
                return value;
            }

            owner.Error(Get(key)!, $"'{key}': '{s}' is not one of: {string.Join(", ", EnumNames.All<T>())}");
            return null;
        }

        public IReadOnlyList<string> Strings(string key)
        {
            var list = new List<string>();
            foreach (var child in map.List(key, $"'{key}' must be a list, e.g. [a, b]"))
            {
                if (child is YamlScalarNode { Value: { Length: > 0 } value })
                {
                    list.Add(value);
                }
                else
                {
                    owner.Error(child, $"'{key}' must be a list of single values");
                }
            }

            return list;
        }

        public IReadOnlyList<ClaimId> ClaimIds() => Refs("claims", c => new ClaimId(c));

        public IReadOnlyDictionary<string, string> Map(string key)
        {
            var v = Get(key);
            if (v is null)
            {
                return new Dictionary<string, string>();
            }

            if (v is not YamlMappingNode m)
            {
                owner.Error(v, $"'{key}' must be a mapping like {{mmp: \"367\"}}");
                return new Dictionary<string, string>();
            }

            var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, val) in m.Children)
            {
                if (k is YamlScalarNode { Value: { } ks } && val is YamlScalarNode { Value: { } vs })
                {
                    map[ks] = vs;
                }
                else
                {
                    owner.Error(k, $"'{key}' entries must be single values");
                }
            }

            return new Dictionary<string, string>(map);
        }

        public IEnumerable<Item> Items(string key)
        {
            var seq = map.List(key, $"'{key}' must be a list of entries");

            var allowed = key switch
            {
                "sources" => new[] { "id", "title", "author", "publisher", "date", "url", "marking" },
                "claims" => ["id", "source", "text", "grade", "grade-reason", "locator", "public-since", "stance", "reports", "context", "marking"],
                "actors" => ["id", "name", "kind", "aliases", "parent", "ideology", "home-base", "active", "end-public-since", "external-ids", "description", "claims"],
                "roles" => ["id", "person", "organisation", "title", "period", "end-public-since", "claims"],
                "ties" => ["id", "kind", "from", "to", "period", "end-public-since", "stance", "acknowledgement", "note", "start-only", "claims"],
                "ledger" => ["id", "provider", "recipient", "category", "period", "magnitude", "note", "claims"],
                "events" => ["id", "date", "kind", "title", "actors", "fatalities", "claims"],
                "attributes" => ["id", "actor", "name", "value", "period", "end-public-since", "claims"],
                _ => throw new ArgumentOutOfRangeException(nameof(key)),
            };
            foreach (var child in seq)
            {
                if (child is YamlMappingNode m)
                {
                    yield return new Item(owner, m, allowed);
                }
                else
                {
                    owner.Error(child, $"each entry of '{key}' must be a mapping");
                }
            }
        }
    }
}
