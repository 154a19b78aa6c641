"""Writes the synthetic UCDP GED and ACLED fixtures (tests/fixtures/ucdp, tests/fixtures/acled): made-up rows in the
published layouts, counted by hand in each folder's README.
usage: /usr/bin/python3 bench/event-import/make_fixtures.py tests/fixtures"""
import os
import sys

from layouts import ACLED, UCDP_GED, writer

root = sys.argv[1]


def ged(id, year, type, a, a_id, b, b_id, prec, start, end, clarity=1, where=1, best=1, low=None, high=None, country="Syria"):
    return {
        "id": id, "relid": f"SYR-{year}-{type}-{id}", "year": year, "active_year": "true", "code_status": "Clear",
        "type_of_violence": type, "conflict_name": f"{a} - {b}", "dyad_name": f"{a} - {b}", "side_a_new_id": a_id,
        "side_a": a, "side_b_new_id": b_id, "side_b": b, "number_of_sources": 2,
        "source_headline": "Clashes, again; \"heavy\" losses", "where_prec": where, "country": country, "region": "Middle East",
        "event_clarity": clarity, "date_prec": prec, "date_start": start, "date_end": end, "best": best,
        "low": best if low is None else low, "high": best if high is None else high, "deaths_a": best,
        "deaths_b": 0, "deaths_civilians": 0, "deaths_unknown": 0, "gwnoa": "", "gwnob": "",
    }


f, w = writer(os.path.join(root, "ucdp", "synthetic.csv"), UCDP_GED)
for row in [
    ged(1001, 2015, 2, "IS", 234, "Taleban", 303, 1, "2015-03-10 00:00:00.000", "2015-03-10 00:00:00.000", best=5, low=4, high=7),
    ged(1002, 2015, 2, "IS", 234, "Taleban", 303, 2, "2015-04-06", "2015-04-09", best=3),
    ged(1003, 2015, 2, "IS", 234, "Taleban", 303, 3, "2015-04-28 00:00:00.000", "2015-05-04 00:00:00.000", clarity=2, where=4, best=10, low=8, high=6),
    ged(1004, 2016, 2, "Jabhat Fateh al-Sham", 1111, "IS", 234, 4, "2016-02-01 00:00:00.000", "2016-02-29 00:00:00.000", best=12),
    ged(1005, 2016, 2, "Hayat Tahrir al-Sham", 1112, "IS", 234, 5, "2016-01-01 00:00:00.000", "2016-12-31 00:00:00.000", where=6, best=20),
    ged(1006, 2017, 2, "IS", 234, "Taleban", 303, 5, "2016-11-15 00:00:00.000", "2017-01-20 00:00:00.000", best=0, country="Afghanistan"),
    ged(1007, 2015, 1, "Government of Afghanistan", 130, "Taleban", 303, 1, "2015-06-01 00:00:00.000", "2015-06-01 00:00:00.000", best=9, country="Afghanistan"),
    ged(1008, 2015, 3, "IS", 234, "Civilians", 1, 1, "2015-07-01 00:00:00.000", "2015-07-01 00:00:00.000", best=4),
    ged(1009, 2016, 2, "Taleban", 303, "Government of Afghanistan", 130, 1, "2016-08-01 00:00:00.000", "2016-08-01 00:00:00.000", best=2, country="Afghanistan"),
    ged(1010, 2016, 2, "Ahrar al-Sham", 1113, "Jabhat Fateh al-Sham", 1111, 1, "2016-09-01 00:00:00.000", "2016-09-01 00:00:00.000", best=6),
]:
    w.writerow(row)
f.close()


def acled(id, date, year, prec, etype, sub, a1, i1, a2="", i2="", as1="", as2="", fat=0, country="Mali", disorder="Political violence"):
    return {
        "event_id_cnty": id, "event_date": date, "year": year, "time_precision": prec, "disorder_type": disorder,
        "event_type": etype, "sub_event_type": sub, "actor1": a1, "assoc_actor_1": as1, "inter1": i1, "actor2": a2,
        "assoc_actor_2": as2, "inter2": i2, "interaction": "", "iso": 466, "region": "Western Africa", "country": country,
        "admin1": "Mopti", "location": "Somewhere", "latitude": "14.5", "longitude": "-4.2", "geo_precision": 1,
        "source": "Local source; \"Radio\", national", "source_scale": "Local partner-National", "notes": "Made up, for tests.",
        "fatalities": fat, "tags": "", "timestamp": 1700000000,
    }


JNIM = "JNIM: Group for Support of Islam and Muslims"
ISGS = "Islamic State (Greater Sahara)"
GATIA = "GATIA: Imghad Tuareg and Allies Self-Defense Group"
MALI = "Military Forces of Mali (2016-2021)"
f, w = writer(os.path.join(root, "acled", "synthetic.csv"), ACLED)
for row in [
    acled("MLI1", "2019-03-02", 2019, 1, "Battles", "Armed clash", JNIM, 2, ISGS, 2, as1="Ansaroul Islam", fat=12),
    acled("MLI2", "2019-03-10", 2019, 2, "Explosions/Remote violence", "Remote explosive/landmine/IED", JNIM, 2, MALI, 1,
          as1="Ansaroul Islam; Katiba Macina", fat=3),
    acled("MLI3", "2019-05-31", 2019, 2, "Battles", "Armed clash", GATIA, "Political militia", ISGS, "Rebel group",
          as1="MSA: Movement for the Salvation of Azawad", fat=7),
    acled("MLI4", "2019-07-15", 2019, 3, "Battles", "Armed clash", JNIM, 2, ISGS, 2, fat=20),
    acled("MLI5", "2019-12-30", 2019, 2, "Violence against civilians", "Attack", JNIM, 2, "Civilians (Mali)", 7, as1="Ansaroul Islam"),
    acled("MLI6", "2020-01-10", 2020, 1, "Protests", "Peaceful protest", "Protesters (Mali)", 6, as1="Students (Mali); Teachers (Mali)",
          disorder="Demonstrations"),
    acled("MLI7", "2020-02-01", 2020, 1, "Battles", "Armed clash", MALI, 1, JNIM, 2, as1="Dan Na Ambassagou", fat=5),
    acled("MLI8", "2020-03-05", 2020, 1, "Battles", "Armed clash", JNIM, 2, JNIM, 2, fat=1),
    acled("MLI9", "2020-04-04", 2020, 1, "Battles", "Armed clash", "Katiba Macina", 2, ISGS, 2, fat=2),
]:
    w.writerow(row)
f.close()
