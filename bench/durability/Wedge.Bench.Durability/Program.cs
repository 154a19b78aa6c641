using System.Diagnostics;
using System.Globalization;
using Wedge.Analysis.Durability;
using Wedge.Core.Durability;
using Wedge.Data.Survival;

// Wedge's side of bench/durability, timed in one process so the fit can be set against R's fit alone:
//   Wedge.Bench.Durability cox FILE     reads the counting-process CSV, fits Cox (Efron) on x1..x8
//   Wedge.Bench.Durability km FILE      reads (time, event), fits Kaplan-Meier
// Prints "read_seconds S" and "fit_seconds S" (each the median of three fits after one warm-up fit).
if (args.Length != 2 || args[0] is not ("cox" or "km"))
{
    Console.Error.WriteLine("usage: Wedge.Bench.Durability cox|km FILE");
    return 2;
}

var clock = Stopwatch.StartNew();
var columns = args[0] == "cox"
    ? new SurvivalColumns("stop", "event", Start: "start", Covariates: ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8"])
    : new SurvivalColumns("time", "event");
var read = SurvivalCsv.Read(args[1], columns);
if (!read.IsSuccess)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, read.Errors));
    return 1;
}

var data = read.Table!.Data;
Console.WriteLine(FormattableString.Invariant($"read_seconds {clock.Elapsed.TotalSeconds:0.0000}"));

Action fit = args[0] == "cox" ? () => CoxModel.Fit(data, new CoxOptions(CoxTies.Efron)) : () => KaplanMeier.Fit(data);
fit(); // warm-up: the first call pays for loading MathNet and the like
var times = new List<double>();
for (var run = 0; run < 3; run++)
{
    clock.Restart();
    fit();
    times.Add(clock.Elapsed.TotalSeconds);
}

times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fit_seconds {times[1]:0.0000}"));
return 0;
