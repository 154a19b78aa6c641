"""Generates the durability benchmark's data (seeded): a counting-process Cox data set and a Kaplan-Meier data set.

cox.csv: SUBJECTS subjects, each followed over up to three intervals (about 3 rows a subject), eight covariates:
x1..x4 fixed per subject, x5..x8 changing at each interval boundary (time-varying, as tmerge splits them).
Hazard 0.5 * exp(beta . x) with known betas; times rounded to 3 decimals so that tied event times occur (Efron matters).
km.csv: ROWS rows of (time, event), exponential times rounded to 2 decimals, about 30% censored.
"""
import sys
import numpy as np

out, subjects, km_rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(20261203)
beta = np.array([0.5, -0.3, 0.2, 0.0, 0.4, -0.5, 0.1, 0.3])

with open(f"{out}/cox.csv", "w") as f:
    f.write("id,start,stop,event,x1,x2,x3,x4,x5,x6,x7,x8\n")
    fixed = rng.normal(size=(subjects, 4))
    bounds = np.cumsum(rng.uniform(0.2, 1.0, size=(subjects, 3)), axis=1)
    varying = rng.normal(size=(subjects, 3, 4))
    waits = rng.exponential(size=(subjects, 3))
    lines = []
    for i in range(subjects):
        start = 0.0
        for k in range(3):
            x = np.concatenate([fixed[i], varying[i, k]])
            stop = round(float(bounds[i, k]), 3)
            if stop <= start:
                break
            rate = 0.5 * np.exp(beta @ x)
            t_event = start + waits[i, k] / rate
            event = 0
            if t_event < stop:
                stop, event = max(round(float(t_event), 3), round(start + 0.001, 3)), 1
            lines.append(f"{i},{start:.3f},{stop:.3f},{event}," + ",".join(f"{v:.6f}" for v in x))
            if event:
                break
            start = stop
    f.write("\n".join(lines) + "\n")

with open(f"{out}/km.csv", "w") as f:
    f.write("time,event\n")
    t = np.round(rng.exponential(2.0, size=km_rows), 2) + 0.01
    c = np.round(rng.exponential(5.0, size=km_rows), 2) + 0.01
    e = (t <= c).astype(int)
    tt = np.minimum(t, c)
    f.write("\n".join(f"{a:.2f},{b}" for a, b in zip(tt, e)) + "\n")
