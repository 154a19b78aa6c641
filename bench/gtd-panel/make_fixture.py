"""Writes tests/fixtures/gtd/synthetic.csv: thirteen hand-made incidents in the GTD layout (see the README there)."""
import pathlib
import sys

from gtd_layout import row, writer

# eventid, iyear, imonth, iday, gname, gname2, gname3, guncertain1..3, claimed, nkill, country_txt
INCIDENTS = [
    (201001050001, 2010, 1, 5, "Taliban", "Haqqani Network", "", 0, 0, "", 1, 4, "Afghanistan"),
    (201003000001, 2010, 3, 0, "Taliban", "al-Qaida", "", 0, 1, "", 0, 10, "Afghanistan"),
    (201000000001, 2010, 0, 0, "al-Qaida", "Taliban", "", 1, 0, "", -9, "", "Afghanistan"),
    (201006150001, 2010, 6, 15, "Taliban", "al-Qaida", "Haqqani Network", 0, 0, 1, 0, 7, "Afghanistan"),
    (201107020001, 2011, 7, 2, "Tehrik-i-Taliban Pakistan (TTP)", "Lashkar-e-Jhangvi", "", 0, 0, "", 1, 12, "Pakistan"),
    (201108000001, 2011, 8, 0, "Lashkar-e-Islam", "Tehrik-i-Taliban Pakistan (TTP)", "", 0, 0, "", 0, 2, "Pakistan"),
    (201109090001, 2011, 9, 9, "Taliban", "", "", 0, "", "", 1, 3, "Afghanistan"),
    (201110100001, 2011, 10, 10, "Unknown", "", "", 0, "", "", -9, 1, "Afghanistan"),
    (201111110001, 2011, 11, 11, "Taliban", "Unknown", "", 0, 0, "", 0, "", "Afghanistan"),
    (201201010001, 2012, 1, 1, "Haqqani Network", "Taliban", "", 1, 1, "", 1, 0, "Afghanistan"),
    (201202020001, 2012, 2, 2, "Islamic State of Iraq and the Levant (ISIL)", "al-Qaida", "", 0, 0, "", 0, 25, "Syria"),
    (201202030001, 2012, 2, 3, "Taliban", "Taliban", "", 0, 0, "", 0, 1, "Afghanistan"),
    (201203000002, 2012, 3, 0, "Al-Qaida", "Haqqani Network", "Lashkar-e-Islam", 0, 0, 0, 1, 5, "Afghanistan"),
]

out = pathlib.Path(sys.argv[1])
with out.open("w", newline="", encoding="utf-8") as f:
    w = writer(f)
    for (eid, y, m, d, g1, g2, g3, u1, u2, u3, claimed, nkill, country) in INCIDENTS:
        w.writerow(row(eventid=eid, iyear=y, imonth=m, iday=d, gname=g1, gname2=g2, gname3=g3, guncertain1=u1, guncertain2=u2,
                       guncertain3=u3, claimed=claimed, nkill=nkill, country_txt=country, city="Synthetic city, \"quoted\""))
