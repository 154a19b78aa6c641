using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Data.Store;

/// <summary>
/// The checkpoint's binary form of a projected record: every fact, field by field in a fixed order, with each distinct
/// string written once and referred to by number afterwards (ids, names, grade reasons and enum names repeat a great
/// deal). Reading it back costs a fraction of deserialising the same facts from the journal's JSON.
/// </summary>
/// <remarks>
/// Positional: adding, removing or reordering a field changes the format, so <see cref="Format"/> must then be bumped
/// (a stored checkpoint of another format is ignored and rebuilt from the journal). Enum members are written by their
/// payload names (<see cref="WireNames"/>), so reordering an enum cannot misread a checkpoint.
/// </remarks>
internal static class CheckpointCodec
{
    /// <summary>The format written; a checkpoint stored in any other is not read.</summary>
    public const int Format = 1;

    /// <summary>How many payload members of each fact type the codec writes (a test compares them with <see cref="WireNames.Members"/>).</summary>
    internal static readonly Dictionary<Type, int> FieldsWritten = new()
    {
        [typeof(Fact)] = 1,
        [typeof(Source)] = 6,
        [typeof(Claim)] = 10,
        [typeof(Actor)] = 11,
        [typeof(Role)] = 6,
        [typeof(Tie)] = 10,
        [typeof(LedgerEntry)] = 7,
        [typeof(Event)] = 5,
        [typeof(ActorAttribute)] = 6,
    };

    private enum Tag : byte
    {
        Source = 1,
        Claim = 2,
        Actor = 3,
        Role = 4,
        Tie = 5,
        Ledger = 6,
        Event = 7,
        Attribute = 8,
    }

    public static byte[] Write(KnowledgeBase kb)
    {
        using var buffer = new MemoryStream();
        using (var w = new Writer(buffer))
        {
            w.Count(kb.Count);
            foreach (var fact in kb.Facts)
            {
                w.Fact(fact);
            }
        }

        return buffer.ToArray();
    }

    public static List<Fact> Read(Stream data)
    {
        using var r = new Reader(data);
        var count = r.Count();
        var facts = new List<Fact>(count);
        for (var i = 0; i < count; i++)
        {
            facts.Add(r.Fact());
        }

        return facts;
    }

    private sealed class Writer(Stream stream) : BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)
    {
        private readonly Dictionary<string, int> strings = new(StringComparer.Ordinal);

        public void Count(int n) => Write7BitEncodedInt(n);

        /// <summary>0: null; 1: a new string follows; n ≥ 2: the (n-2)-th string written.</summary>
        public void Str(string? s)
        {
            if (s is null)
            {
                Write7BitEncodedInt(0);
            }
            else if (strings.TryGetValue(s, out var n))
            {
                Write7BitEncodedInt(n + 2);
            }
            else
            {
                Write7BitEncodedInt(1);
                Write(s);
                strings.Add(s, strings.Count);
            }
        }

        public void Name<T>(T value) where T : struct, Enum => Str(WireNames.Of(value));

        public void Date(FuzzyDate? date)
        {
            if (date is not { } d)
            {
                Write((short)0);
                return;
            }

            Write((short)d.Year);
            Write((byte)(d.Month ?? 0));
            Write((byte)(d.Day ?? 0));
        }

        public void Period(Period p)
        {
            Date(p.Start);
            Date(p.End);
        }

        public void Strs(IEnumerable<string> items)
        {
            var list = items as IReadOnlyCollection<string> ?? [.. items];
            Count(list.Count);
            foreach (var s in list)
            {
                Str(s);
            }
        }

        public void Fact(Fact fact)
        {
            Write((byte)TagOf(fact));
            Strs(fact.Claims.Select(c => c.Value));
            switch (fact)
            {
                case Source s:
                    Str(s.Id.Value);
                    Str(s.Title);
                    Str(s.Author);
                    Str(s.Publisher);
                    Date(s.Date);
                    Str(s.Url);
                    break;
                case Claim c:
                    Str(c.Id.Value);
                    Str(c.Source.Value);
                    Str(c.Text);
                    Write(c.Grade.Reliability);
                    Write((byte)c.Grade.Credibility);
                    Str(c.GradeReason);
                    Str(c.Locator);
                    Date(c.PublicSince);
                    Name(c.Stance);
                    Name(c.Reports);
                    Write(c.Context);
                    break;
                case Actor a:
                    Str(a.Id.Value);
                    Str(a.Name);
                    Name(a.Kind);
                    Strs(a.Aliases);
                    Str(a.Parent?.Value);
                    Strs(a.Ideology);
                    Str(a.HomeBase);
                    Period(a.Active);
                    Date(a.EndPublicSince);
                    Count(a.ExternalIds.Count);
                    foreach (var (k, v) in a.ExternalIds)
                    {
                        Str(k);
                        Str(v);
                    }

                    Str(a.Description);
                    break;
                case Role r:
                    Str(r.Id);
                    Str(r.Person.Value);
                    Str(r.Organisation.Value);
                    Str(r.Title.Value);
                    Period(r.Period);
                    Date(r.EndPublicSince);
                    break;
                case Tie t:
                    Str(t.Id);
                    Name(t.Kind);
                    Str(t.From.Value);
                    Str(t.To.Value);
                    Period(t.Period);
                    Date(t.EndPublicSince);
                    Name(t.Stance);
                    Name(t.Acknowledgement);
                    Str(t.Note);
                    Write(t.StartOnly);
                    break;
                case LedgerEntry l:
                    Str(l.Id);
                    Str(l.Provider.Value);
                    Str(l.Recipient.Value);
                    Name(l.Category);
                    Period(l.Period);
                    Write((byte)l.Magnitude.Low);
                    Write((byte)l.Magnitude.High);
                    Str(l.Note);
                    break;
                case Event e:
                    Str(e.Id);
                    Date(e.Date);
                    Name(e.Kind);
                    Str(e.Title);
                    Strs(e.Actors.Select(x => x.Value));
                    break;
                case ActorAttribute at:
                    Str(at.Id);
                    Str(at.Actor.Value);
                    Str(at.Name);
                    Str(at.Value);
                    Period(at.Period);
                    Date(at.EndPublicSince);
                    break;
            }
        }

        private static Tag TagOf(Fact fact) => fact switch
        {
            Source => Tag.Source,
            Claim => Tag.Claim,
            Actor => Tag.Actor,
            Role => Tag.Role,
            Tie => Tag.Tie,
            LedgerEntry => Tag.Ledger,
            Event => Tag.Event,
            ActorAttribute => Tag.Attribute,
            _ => throw new InvalidOperationException($"The checkpoint cannot hold a {fact.GetType().Name}."),
        };
    }

    private static class ByName<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<string, T> Values = WireNames.Enums[typeof(T)].ToDictionary(p => p.Value, p => (T)p.Key, StringComparer.Ordinal);
    }

    private sealed class Reader(Stream stream) : BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true)
    {
        private readonly List<string> strings = [];

        // Ids repeat (an actor is referred to by thousands of ties): each distinct one is checked and wrapped once.
        private readonly Dictionary<string, ActorId> actorIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ClaimId> claimIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SourceId> sourceIds = new(StringComparer.Ordinal);

        public int Count() => Read7BitEncodedInt();

        public string? Str()
        {
            var n = Read7BitEncodedInt();
            switch (n)
            {
                case 0:
                    return null;
                case 1:
                    var s = ReadString();
                    strings.Add(s);
                    return s;
                default:
                    return strings[n - 2];
            }
        }

        private string Req() => Str() ?? throw new InvalidDataException("The checkpoint lacks a required string.");

        public T Name<T>() where T : struct, Enum
        {
            var name = Req();
            return ByName<T>.Values.TryGetValue(name, out var value) ? value : throw new InvalidDataException($"The checkpoint holds an unknown {typeof(T).Name} '{name}'.");
        }

        public FuzzyDate? Date()
        {
            var year = ReadInt16();
            return year == 0 ? null : new FuzzyDate(year, ReadByte(), ReadByte());
        }

        public Period Period()
        {
            var start = Date();
            var end = Date();
            return start is null && end is null ? Wedge.Core.Time.Period.Always : new Period(start, end);
        }

        private ActorId Actor() => Id(actorIds, Req(), s => new ActorId(s));

        private ActorId? OptionalActor() => Str() is { } s ? Id(actorIds, s, x => new ActorId(x)) : null;

        private static T Id<T>(Dictionary<string, T> cache, string s, Func<string, T> make)
        {
            if (!cache.TryGetValue(s, out var id))
            {
                id = make(s);
                cache.Add(s, id);
            }

            return id;
        }

        private string[] Strs()
        {
            var n = Count();
            if (n == 0)
            {
                return [];
            }

            var items = new string[n];
            for (var i = 0; i < n; i++)
            {
                items[i] = Req();
            }

            return items;
        }

        private IReadOnlyList<ClaimId> Claims()
        {
            var n = Count();
            if (n == 0)
            {
                return [];
            }

            var items = new ClaimId[n];
            for (var i = 0; i < n; i++)
            {
                items[i] = Id(claimIds, Req(), s => new ClaimId(s));
            }

            return items;
        }

        public Fact Fact()
        {
            var tag = (Tag)ReadByte();
            var claims = Claims();
            return tag switch
            {
                Tag.Source => new Source
                {
                    Claims = claims,
                    Id = Id(sourceIds, Req(), s => new SourceId(s)),
                    Title = Req(),
                    Author = Str(),
                    Publisher = Str(),
                    Date = Date(),
                    Url = Str(),
                },
                Tag.Claim => new Claim
                {
                    Claims = claims,
                    Id = Id(claimIds, Req(), s => new ClaimId(s)),
                    Source = Id(sourceIds, Req(), s => new SourceId(s)),
                    Text = Req(),
                    Grade = new Grade(ReadChar(), ReadByte()),
                    GradeReason = Str(),
                    Locator = Str(),
                    PublicSince = Date(),
                    Stance = Name<ClaimStance>(),
                    Reports = Name<ClaimReports>(),
                    Context = ReadBoolean(),
                },
                Tag.Actor => ReadActor(claims),
                Tag.Role => new Role
                {
                    Claims = claims,
                    Id = Req(),
                    Person = Actor(),
                    Organisation = Actor(),
                    Title = new RoleTitle(Req()),
                    Period = Period(),
                    EndPublicSince = Date(),
                },
                Tag.Tie => new Tie
                {
                    Claims = claims,
                    Id = Req(),
                    Kind = Name<TieKind>(),
                    From = Actor(),
                    To = Actor(),
                    Period = Period(),
                    EndPublicSince = Date(),
                    Stance = Name<TieStance>(),
                    Acknowledgement = Name<Acknowledgement>(),
                    Note = Str(),
                    StartOnly = ReadBoolean(),
                },
                Tag.Ledger => new LedgerEntry
                {
                    Claims = claims,
                    Id = Req(),
                    Provider = Actor(),
                    Recipient = Actor(),
                    Category = Name<LedgerCategory>(),
                    Period = Period(),
                    Magnitude = new Magnitude(ReadByte(), ReadByte()),
                    Note = Str(),
                },
                Tag.Event => new Event
                {
                    Claims = claims,
                    Id = Req(),
                    Date = Date() ?? throw new InvalidDataException("An event in the checkpoint has no date."),
                    Kind = Name<EventKind>(),
                    Title = Req(),
                    Actors = ReadActors(),
                },
                Tag.Attribute => new ActorAttribute
                {
                    Claims = claims,
                    Id = Req(),
                    Actor = Actor(),
                    Name = Req(),
                    Value = Req(),
                    Period = Period(),
                    EndPublicSince = Date(),
                },
                _ => throw new InvalidDataException($"The checkpoint holds an unknown fact tag {(byte)tag}."),
            };
        }

        private Actor ReadActor(IReadOnlyList<ClaimId> claims)
        {
            var id = Actor();
            var name = Req();
            var kind = Name<ActorKind>();
            var aliases = Strs();
            var parent = OptionalActor();
            var ideology = Strs();
            var homeBase = Str();
            var active = Period();
            var endPublicSince = Date();
            var n = Count();
            var externalIds = new Dictionary<string, string>(n);
            for (var i = 0; i < n; i++)
            {
                externalIds.Add(Req(), Req());
            }

            return new Actor
            {
                Id = id,
                Name = name,
                Kind = kind,
                Aliases = aliases,
                Parent = parent,
                Ideology = ideology,
                HomeBase = homeBase,
                Active = active,
                EndPublicSince = endPublicSince,
                ExternalIds = externalIds,
                Description = Str(),
                Claims = claims,
            };
        }

        private ActorId[] ReadActors()
        {
            var n = Count();
            var items = new ActorId[n];
            for (var i = 0; i < n; i++)
            {
                items[i] = Actor();
            }

            return n == 0 ? [] : items;
        }
    }
}
