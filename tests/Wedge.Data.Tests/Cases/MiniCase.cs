namespace Wedge.Data.Tests.Cases;

/// <summary>A small but complete case, touching every section and option of the format.</summary>
internal static class MiniCase
{
    public const string Yaml = """
        case: mini
        title: A miniature case
        description: Every section of the format, once.
        sources:
          - id: s1
            title: "An article: with a colon"
            author: A. Writer
            publisher: A Review
            date: 2018-09-11
            url: https://example.org/a
        claims:
          - id: c1
            source: s1
            locator: Introduction
            text: The two groups have cooperated since 1996.
            grade: B2
            grade-reason: Scholar's assessment.
            public-since: 1998
          - id: c2
            source: s1
            text: "The Taliban said it would not let Afghanistan be used for attacks <script>alert(1)</script>"
            grade: C3
            stance: disputes
          - id: c3
            source: s1
            text: Omar died in 2013; this became public in 2015.
            grade: B2
            public-since: 2015-07-29
        actors:
          - id: al-qaeda
            name: al-Qaeda
            kind: armed-group
            aliases: [Al Qaeda, AQ]
            ideology: [salafi-jihadist]
            active: {from: 1988}
            external-ids: {mmp: "007"}
            claims: [c1]
          - id: taliban
            name: Taliban
            kind: armed-group
            aliases: [The Taliban]
            home-base: Afghanistan
            claims: [c1]
          - id: haqqani
            name: Haqqani Network
            kind: faction
            parent: taliban
          - id: omar
            name: Mullah Omar
            kind: person
            active: {until: 2013-04}
            end-public-since: 2015-07-29
            description: Founder of the Taliban.
        roles:
          - id: r-omar
            person: omar
            organisation: taliban
            title: leader
            period: {from: 1994, until: 2013-04}
            end-public-since: 2015-07-29
            claims: [c1, c3]
        ties:
          - id: t-alliance
            kind: alliance
            from: al-qaeda
            to: taliban
            period: {from: 1996}
            stance: private
            acknowledgement: acknowledged-then-withdrawn
            note: Contested in public.
            claims: [c1, c2]
        ledger:
          - id: l-expertise
            provider: al-qaeda
            recipient: taliban
            category: expertise
            period: {from: 2001, until: 2018}
            magnitude: minor..moderate
            note: Explosives training.
            claims: [c1]
        events:
          - id: e-911
            date: 2001-09-11
            kind: attack
            title: September 11 attacks
            actors: [al-qaeda]
            claims: [c1]
        attributes:
          - id: a-districts
            actor: taliban
            name: district-control
            value: at least 44% of districts
            period: {from: 2018, until: 2020}
            end-public-since: 2021
            claims: [c1]
        """;
}
