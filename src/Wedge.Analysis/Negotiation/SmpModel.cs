using System.Numerics;
using System.Runtime.InteropServices;
using Wedge.Core.Collections;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Negotiation;

/// <summary>
/// The expected-utility spatial model of bargaining, in the form KTAB's <c>smpc</c> runs it, with Wedge's
/// extensions (actors away from the table, limited flexibility, inert zero-salience actors). Pure and thread-safe.
/// </summary>
public static class SmpModel
{
    /// <summary>Distance (on the 0–1 scale) under which two positions count as one (KTAB's posTol).</summary>
    public const double PositionTolerance = 1e-3;

    private const double ChallengeFloor = 1e-10;
    private const double MinimumGain = 1e-5;
    private const double OfferEpsilon = 1e-6;

    /// <summary>Runs the model on the scenario's point estimates until the stopping rule fires.</summary>
    public static NegotiationRun Run(Scenario scenario, SmpOptions? options = null)
    {
        options ??= SmpOptions.KtabDefaults;
        var n = scenario.Actors.Count;
        var dims = scenario.Dimensions.Count;
        var cap = new double[n];
        var x0 = new double[n * dims];
        var sal = new double[n * dims];
        var atTable = new bool[n];
        var flex = new double[n];
        for (var i = 0; i < n; i++)
        {
            var a = scenario.Actors[i];
            cap[i] = a.Capability.Value;
            for (var d = 0; d < dims; d++)
            {
                x0[(i * dims) + d] = a.Positions[d].Value / 100.0;
                sal[(i * dims) + d] = a.Saliences[d].Value / 100.0;
            }

            atTable[i] = !options.HonourTableLimits || a.AtTable;
            flex[i] = options.HonourTableLimits && a.Flexibility is { } f ? f / 100.0 : double.PositiveInfinity;
        }

        return Run(scenario, options, cap, x0, sal, atTable, flex);
    }

    /// <summary>Runs the model on explicit inputs (0–1 scale); used by Monte Carlo to avoid rebuilding scenarios.</summary>
    internal static NegotiationRun Run(Scenario scenario, SmpOptions options, double[] cap, double[] x0, double[] sal, bool[] atTable, double[] flex)
    {
        var engine = new Engine(options, cap, x0, sal, atTable, flex, scenario.Dimensions.Count);
        return engine.Play(scenario);
    }

    private sealed class Engine
    {
        private readonly SmpOptions o;
        private readonly int n;
        private readonly int dims;
        private readonly double[] cap;
        private readonly double[] x0;
        private readonly double[] sal;
        private readonly double[] salSq;
        private readonly double[] salSqSum;
        private readonly double[] salSum;
        private readonly bool[] atTable;
        private readonly bool[] active;
        private readonly double[] flex;
        private readonly Random? random;

        // Fixed per run: the active actors, their capabilities (election weights) and salience × capability (vote weights).
        private readonly int[] activeIndices;
        private readonly double[] activeWeights;
        private readonly double[] voteWeight;

        // Per-state scratch: V[i, j] = δ_i(x_j), R per actor, and riskEstimate[h, i] = h's estimate of i's risk attitude.
        private readonly double[] v;
        private readonly double[] vByPosition; // vByPosition[j, i] = V[i, j]
        private readonly double[] r;
        private readonly double[] riskEstimate;

        // The election over current positions, utility of option a for voter k at [a, k].
        private readonly double[] electionUtility;

        // Per challenger i in step C: utility[j, k] = i's estimate of k's utility for j's position, and utilityOwn[k] the
        // same for k's own position. Tabled once per challenger instead of once per (challenger, target, third party).
        private readonly double[] utility;
        private readonly double[] utilityOwn;

        // Per (challenger, target): each third party k's vote for the challenger (votesFor) and for the target (votesAgainst).
        private readonly double[] votesFor;
        private readonly double[] votesAgainst;

        public Engine(SmpOptions options, double[] cap, double[] x0, double[] sal, bool[] atTable, double[] flex, int dims)
        {
            o = options;
            n = cap.Length;
            this.dims = dims;
            this.cap = cap;
            this.x0 = x0;
            this.sal = sal;
            this.atTable = atTable;
            this.flex = flex;
            salSq = new double[n * dims];
            salSqSum = new double[n];
            salSum = new double[n];
            active = new bool[n];
            for (var i = 0; i < n; i++)
            {
                for (var d = 0; d < dims; d++)
                {
                    var s = sal[(i * dims) + d];
                    salSq[(i * dims) + d] = s * s;
                    salSqSum[i] += s * s;
                    salSum[i] += s;
                }

                // An actor that cares about nothing has no stake: it neither votes, bargains nor moves.
                active[i] = salSqSum[i] > 0;
            }

            activeIndices = Enumerable.Range(0, n).Where(i => active[i]).ToArray();
            activeWeights = activeIndices.Select(i => cap[i]).ToArray();
            voteWeight = new double[n];
            for (var k = 0; k < n; k++)
            {
                voteWeight[k] = salSum[k] * cap[k];
            }

            v = new double[n * n];
            vByPosition = new double[n * n];
            r = new double[n];
            riskEstimate = new double[n * n];
            electionUtility = new double[activeIndices.Length * activeIndices.Length];
            utility = new double[n * n];
            utilityOwn = new double[n];
            votesFor = new double[n];
            votesAgainst = new double[n];
            random = o.Transition == StateTransition.Stochastic ? new Random(o.Seed) : null;
        }

        public NegotiationRun Play(Scenario scenario)
        {
            var x = (double[])x0.Clone();
            var turns = new List<TurnState>();
            var firstStep = 0.0;
            var stopReason = "turn limit";
            for (var t = 0; ; t++)
            {
                SetRisk(x);
                if (t >= o.MaxTurns)
                {
                    turns.Add(Snapshot(t, x, [], []));
                    break;
                }

                var (next, challenges, moves) = Step(x);
                turns.Add(Snapshot(t, x, challenges, moves));
                var step = Distance(x, next);
                x = next;
                var played = t + 1;
                if (played == 1)
                {
                    firstStep = step;
                }

                if (played >= o.MinTurns && step / (firstStep + 1e-4) < o.StopRatio)
                {
                    SetRisk(x);
                    turns.Add(Snapshot(played, x, [], []));
                    stopReason = "converged";
                    break;
                }
            }

            return Summarise(scenario, turns, x, stopReason);
        }

        private TurnState Snapshot(int t, double[] x, IReadOnlyList<Challenge> challenges, IReadOnlyList<Move> moves)
        {
            var positions = new EquatableList<double>[n];
            for (var i = 0; i < n; i++)
            {
                positions[i] = Point(x, i).ToEquatableList();
            }

            var risk = new double[n];
            for (var i = 0; i < n; i++)
            {
                risk[i] = active[i] ? r[i] : double.NaN;
            }

            return new TurnState(t, positions.ToEquatableList(), risk.ToEquatableList(), challenges.ToEquatableList(), moves.ToEquatableList());
        }

        private double[] Point(double[] x, int i)
        {
            var p = new double[dims];
            for (var d = 0; d < dims; d++)
            {
                p[d] = x[(i * dims) + d] * 100.0;
            }

            return p;
        }

        private double Distance(double[] a, double[] b)
        {
            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                var s = 0.0;
                for (var d = 0; d < dims; d++)
                {
                    var diff = a[(i * dims) + d] - b[(i * dims) + d];
                    s += diff * diff;
                }

                total += Math.Sqrt(s);
            }

            return total;
        }

        /// <summary>Salience-weighted, normalised distance from actor i's ideal (its current position) to point y.</summary>
        private double Delta(double[] x, int i, ReadOnlySpan<double> y)
        {
            var num = 0.0;
            for (var d = 0; d < dims; d++)
            {
                var diff = x[(i * dims) + d] - y[d];
                num += salSq[(i * dims) + d] * diff * diff;
            }

            return Math.Sqrt(num / salSqSum[i]);
        }

        /// <summary>B: distances, the election over current positions, and risk attitudes.</summary>
        private void SetRisk(double[] x)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    v[(i * n) + j] = active[i] ? Delta(x, i, x.AsSpan(j * dims, dims)) : 0;
                    vByPosition[(j * n) + i] = v[(i * n) + j];
                }
            }

            var idx = activeIndices;
            var count = idx.Length;
            for (var a = 0; a < count; a++)
            {
                for (var k = 0; k < count; k++)
                {
                    electionUtility[(a * count) + k] = 1 - v[(idx[k] * n) + idx[a]];
                }
            }

            var p = SmpMath.ScalarPce(count, count, activeWeights, electionUtility, o);
            var pMin = p.Min();
            var pMax = p.Max();
            var (lo, hi) = o.RiskRange switch
            {
                RiskRange.Min => (0.0, 1.0),
                RiskRange.Mid => (-0.5, 1.0),
                RiskRange.Max => (-1.0, 1.0),
                _ => throw new ArgumentOutOfRangeException(nameof(o)),
            };
            Array.Fill(r, 0.0);
            for (var k = 0; k < idx.Length; k++)
            {
                // All positions equally likely (e.g. everyone at one point): nobody is favoured, so everyone is risk-neutral.
                // KTAB divides by zero here.
                r[idx[k]] = pMax - pMin < 1e-15 ? 0.0 : o.RiskRange switch
                {
                    RiskRange.Mid => ((3 * p[k]) - (pMax + (2 * pMin))) / (2 * (pMax - pMin)),
                    RiskRange.Max => ((2 * p[k]) - (pMax + pMin)) / (pMax - pMin),
                    _ => lo + ((hi - lo) * (p[k] - pMin) / (pMax - pMin)),
                };
            }

            for (var h = 0; h < n; h++)
            {
                for (var i = 0; i < n; i++)
                {
                    riskEstimate[(h * n) + i] = RiskOf(h, i);
                }
            }
        }

        /// <summary>h's estimate of i's risk attitude.</summary>
        private double RiskOf(int h, int i) => o.RiskAdjustment switch
        {
            RiskAdjustment.None => r[h],
            RiskAdjustment.OneThird => ((2.0 * r[h]) + r[i]) / 3.0,
            RiskAdjustment.Half => (r[h] + r[i]) / 2,
            RiskAdjustment.TwoThirds => (r[h] + (2.0 * r[i])) / 3.0,
            RiskAdjustment.Full => r[i],
            _ => throw new ArgumentOutOfRangeException(nameof(h)),
        };

        /// <summary>h's estimate of i's utility for j's position.</summary>
        private double EstimatedUtility(int h, int i, int j) => SmpMath.Utility(v[(i * n) + j], riskEstimate[(h * n) + i]);

        /// <summary>Tables <see cref="utility"/> and <see cref="utilityOwn"/> for challenger i (targets: the active actors at the table).</summary>
        private void TableUtilities(int i, int[] idx)
        {
            var risk = riskEstimate.AsSpan(i * n, n);
            foreach (var k in idx)
            {
                utilityOwn[k] = SmpMath.Utility(v[(k * n) + k], risk[k]);
            }

            foreach (var j in idx)
            {
                if (!atTable[j])
                {
                    continue;
                }

                var row = utility.AsSpan(j * n, n);
                var distance = vByPosition.AsSpan(j * n, n);
                if (Vector.IsHardwareAccelerated)
                {
                    // Every actor, active or not (inactive ones are never read); the same arithmetic as SmpMath.Utility per lane.
                    var width = Vector<double>.Count;
                    var k = 0;
                    for (; k <= n - width; k += width)
                    {
                        var delta = new Vector<double>(distance[k..]);
                        var rk = new Vector<double>(risk[k..]);
                        var near = (Vector<double>.One - delta) * (Vector<double>.One + (delta * rk));
                        var far = (Vector<double>.One - delta) * (Vector<double>.One + rk);
                        Vector.ConditionalSelect(Vector.LessThanOrEqual(delta, Vector<double>.One), near, far).CopyTo(row[k..]);
                    }

                    for (; k < n; k++)
                    {
                        row[k] = SmpMath.Utility(distance[k], risk[k]);
                    }

                    continue;
                }

                foreach (var k in idx)
                {
                    row[k] = SmpMath.Utility(v[(k * n) + j], risk[k]);
                }
            }
        }

        private sealed record Offer(int Init, int Rcvr, double[] InitPoint, double[] RcvrPoint);

        private (double[] Next, List<Challenge> Challenges, List<Move> Moves) Step(double[] x)
        {
            var idx = activeIndices;
            var offers = new List<Offer>();
            var challenges = new List<Challenge>();

            // C and D: every actor at the table picks its most advantageous target and makes it an offer.
            foreach (var i in idx)
            {
                if (!atTable[i])
                {
                    continue;
                }

                TableUtilities(i, idx);
                var best = -1;
                var bestGain = MinimumGain;
                var bestP = 0.0;
                foreach (var j in idx)
                {
                    if (j == i || !atTable[j])
                    {
                        continue;
                    }

                    var p = ChallengeProbability(i, j, idx);
                    var uki = utility[(i * n) + i];
                    var ukj = utility[(j * n) + i];
                    var resist = salSum[j];
                    var gain = ((1 - resist) * 2 * uki) + (resist * ((p * 2 * uki) + ((1 - p) * 2 * ukj))) - (uki + ukj);
                    if (gain > bestGain)
                    {
                        best = j;
                        bestGain = gain;
                        bestP = p;
                    }
                }

                if (best < 0)
                {
                    continue;
                }

                var (bi, bj) = Interpolate(x, i, best, bestP);
                offers.Add(new Offer(i, best, bi, bj));
                challenges.Add(new Challenge(i, best, bestP, bestGain, bi.Select(c => c * 100).ToEquatableList(), bj.Select(c => c * 100).ToEquatableList()));
            }

            // E: every actor weighs its own options (status quo and the offers it is party to) by a capability-weighted election.
            var rowSum = new double[n];
            foreach (var k in idx)
            {
                for (var l = 0; l < n; l++)
                {
                    if (active[l])
                    {
                        rowSum[k] += EstimatedUtility(k, k, l);
                    }
                }
            }

            var count = idx.Length;
            var sqUtility = idx.Select(k => rowSum[k] / count).ToArray();
            var offerUtility = new double[offers.Count][];
            for (var m = 0; m < offers.Count; m++)
            {
                var of = offers[m];
                var u = new double[count];
                for (var q = 0; q < count; q++)
                {
                    var k = idx[q];
                    var others = rowSum[k] - EstimatedUtility(k, k, of.Init) - EstimatedUtility(k, k, of.Rcvr);
                    u[q] = (others + SmpMath.Utility(Delta(x, k, of.InitPoint), r[k]) + SmpMath.Utility(Delta(x, k, of.RcvrPoint), r[k])) / count;
                }

                offerUtility[m] = u;
            }

            var weights = activeWeights;
            var next = (double[])x.Clone();
            var moves = new List<Move>();
            var optionList = new List<int>();
            var optionUtility = new List<double>();
            foreach (var k in idx)
            {
                optionList.Clear();
                for (var m = 0; m < offers.Count; m++)
                {
                    if (offers[m].Init == k || offers[m].Rcvr == k)
                    {
                        optionList.Add(m);
                    }
                }

                if (optionList.Count == 0)
                {
                    continue;
                }

                // Option 0 is the status quo; option c > 0 is offers[optionList[c - 1]].
                optionUtility.Clear();
                optionUtility.AddRange(sqUtility);
                foreach (var m in optionList)
                {
                    optionUtility.AddRange(offerUtility[m]);
                }

                var p = SmpMath.ScalarPce(count, optionList.Count + 1, weights, CollectionsMarshal.AsSpan(optionUtility), o);
                var chosen = Choose(p);
                if (chosen == 0)
                {
                    continue;
                }

                var offer = offers[optionList[chosen - 1]];
                var point = offer.Init == k ? offer.InitPoint : offer.RcvrPoint;
                var moved = 0.0;
                for (var d = 0; d < dims; d++)
                {
                    var start = x0[(k * dims) + d];
                    var value = Math.Clamp(point[d], start - flex[k], start + flex[k]);
                    var diff = value - x[(k * dims) + d];
                    moved += diff * diff;
                    next[(k * dims) + d] = value;
                }

                moves.Add(new Move(k, offer.Init, offer.Rcvr, Math.Sqrt(moved) * 100));
            }

            return (next, challenges, moves);
        }

        private int Choose(double[] p)
        {
            if (random is null)
            {
                var best = 0;
                for (var m = 1; m < p.Length; m++)
                {
                    if (p[m] > p[best])
                    {
                        best = m;
                    }
                }

                return best;
            }

            var draw = random.NextDouble();
            for (var m = 0; m < p.Length; m++)
            {
                draw -= p[m];
                if (draw < 0)
                {
                    return m;
                }
            }

            return p.Length - 1;
        }

        /// <summary>
        /// i's estimate of the probability that it prevails over j, third parties included. Reads the utilities tabled by
        /// <see cref="TableUtilities"/> for challenger i: utility[j, k] is i's estimate of k's utility for j's position.
        /// </summary>
        private double ChallengeProbability(int i, int j, int[] idx)
        {
            var forI = utility.AsSpan(i * n, n);
            var forJ = utility.AsSpan(j * n, n);
            var own = utilityOwn.AsSpan(0, n);
            var weight = voteWeight.AsSpan(0, n);
            var rule = o.Voting;
            var thirdParty = o.ThirdParty;
            var uii = forI[i];
            var uij = forJ[i];
            var uji = forI[j];
            var ujj = own[j];
            var ai = SmpMath.Vote(rule, weight[i], uii, uij);
            var aj = SmpMath.Vote(rule, weight[j], uji, ujj);
            var cij = ChallengeFloor + Math.Max(0, ai) + Math.Max(0, aj);
            var cji = ChallengeFloor - Math.Min(0, ai) - Math.Min(0, aj);
            var totalIj = cij;
            var totalJi = cji;
            if (rule == VotingRule.Proportional && Vector.IsHardwareAccelerated)
            {
                ThirdPartyVotes(forI, forJ, own, weight, cij, cji, thirdParty);
                foreach (var k in idx)
                {
                    if (k != i && k != j)
                    {
                        // Summed in actor order, as the scalar loop below does, so the totals are the same to the bit.
                        totalIj += votesFor[k];
                        totalJi += votesAgainst[k];
                    }
                }

                return totalIj / (totalIj + totalJi);
            }

            foreach (var k in idx)
            {
                if (k == i || k == j)
                {
                    continue;
                }

                var w = weight[k];
                var uki = forI[k];
                var ukj = forJ[k];
                var ukk = own[k];
                var first = SmpMath.Vote(rule, w, uki, ukj);
                var withI = first > 0 ? cij + first : cij;
                var withJ = first < 0 ? cji - first : cji;
                var pik = withI / (withI + withJ);
                var pjk = 1 - pik;
                double ikBeatsJ, jBeatsIk, iBeatsJk, jkBeatsI;
                switch (thirdParty)
                {
                    case ThirdPartyCommit.FullCommit:
                        ikBeatsJ = iBeatsJk = 3 * uki;
                        jBeatsIk = jkBeatsI = 3 * ukj;
                        break;
                    case ThirdPartyCommit.SemiCommit:
                        ikBeatsJ = uki + uki + ukk;
                        jBeatsIk = 3 * ukj;
                        iBeatsJk = 3 * uki;
                        jkBeatsI = ukj + ukj + ukk;
                        break;
                    default:
                        ikBeatsJ = iBeatsJk = uki + uki + ukk;
                        jBeatsIk = jkBeatsI = ukj + ukj + ukk;
                        break;
                }

                var joinI = (pik * ikBeatsJ) + (pjk * jBeatsIk);
                var joinJ = (pik * iBeatsJk) + (pjk * jkBeatsI);
                var vk = SmpMath.Vote(rule, w, joinI, joinJ);
                if (vk > 0)
                {
                    totalIj += vk;
                }
                else if (vk < 0)
                {
                    totalJi -= vk;
                }
            }

            return totalIj / (totalIj + totalJi);
        }

        /// <summary>
        /// The third-party loop of <see cref="ChallengeProbability"/> under proportional voting, several actors at a time: for
        /// every k, its vote split into votesFor[k] (≥ 0) and votesAgainst[k] (≥ 0). Every lane does the scalar loop's
        /// arithmetic in the same order (no fused multiply-add), so each vote is the same to the bit; a vote of zero or NaN
        /// counts for neither side, as there.
        /// </summary>
        private void ThirdPartyVotes(ReadOnlySpan<double> forI, ReadOnlySpan<double> forJ, ReadOnlySpan<double> own, ReadOnlySpan<double> weight,
            double cij, double cji, ThirdPartyCommit thirdParty)
        {
            var width = Vector<double>.Count;
            var vcij = new Vector<double>(cij);
            var vcji = new Vector<double>(cji);
            var three = new Vector<double>(3.0);
            var k = 0;
            for (; k <= n - width; k += width)
            {
                var w = new Vector<double>(weight[k..]);
                var uki = new Vector<double>(forI[k..]);
                var ukj = new Vector<double>(forJ[k..]);
                var ukk = new Vector<double>(own[k..]);
                var first = w * (uki - ukj);
                var withI = Vector.ConditionalSelect(Vector.GreaterThan(first, Vector<double>.Zero), vcij + first, vcij);
                var withJ = Vector.ConditionalSelect(Vector.LessThan(first, Vector<double>.Zero), vcji - first, vcji);
                var pik = withI / (withI + withJ);
                var pjk = Vector<double>.One - pik;
                Vector<double> ikBeatsJ, jBeatsIk, iBeatsJk, jkBeatsI;
                switch (thirdParty)
                {
                    case ThirdPartyCommit.FullCommit:
                        ikBeatsJ = iBeatsJk = three * uki;
                        jBeatsIk = jkBeatsI = three * ukj;
                        break;
                    case ThirdPartyCommit.SemiCommit:
                        ikBeatsJ = uki + uki + ukk;
                        jBeatsIk = three * ukj;
                        iBeatsJk = three * uki;
                        jkBeatsI = ukj + ukj + ukk;
                        break;
                    default:
                        ikBeatsJ = iBeatsJk = uki + uki + ukk;
                        jBeatsIk = jkBeatsI = ukj + ukj + ukk;
                        break;
                }

                var joinI = (pik * ikBeatsJ) + (pjk * jBeatsIk);
                var joinJ = (pik * iBeatsJk) + (pjk * jkBeatsI);
                var vk = w * (joinI - joinJ);
                Vector.ConditionalSelect(Vector.GreaterThan(vk, Vector<double>.Zero), vk, Vector<double>.Zero).CopyTo(votesFor.AsSpan(k));
                Vector.ConditionalSelect(Vector.LessThan(vk, Vector<double>.Zero), -vk, Vector<double>.Zero).CopyTo(votesAgainst.AsSpan(k));
            }

            for (; k < n; k++)
            {
                var w = weight[k];
                var uki = forI[k];
                var ukj = forJ[k];
                var ukk = own[k];
                var first = w * (uki - ukj);
                var withI = first > 0 ? cij + first : cij;
                var withJ = first < 0 ? cji - first : cji;
                var pik = withI / (withI + withJ);
                var pjk = 1 - pik;
                double ikBeatsJ, jBeatsIk, iBeatsJk, jkBeatsI;
                switch (thirdParty)
                {
                    case ThirdPartyCommit.FullCommit:
                        ikBeatsJ = iBeatsJk = 3 * uki;
                        jBeatsIk = jkBeatsI = 3 * ukj;
                        break;
                    case ThirdPartyCommit.SemiCommit:
                        ikBeatsJ = uki + uki + ukk;
                        jBeatsIk = 3 * ukj;
                        iBeatsJk = 3 * uki;
                        jkBeatsI = ukj + ukj + ukk;
                        break;
                    default:
                        ikBeatsJ = iBeatsJk = uki + uki + ukk;
                        jBeatsIk = jkBeatsI = ukj + ukj + ukk;
                        break;
                }

                var joinI = (pik * ikBeatsJ) + (pjk * jBeatsIk);
                var joinJ = (pik * iBeatsJk) + (pjk * jkBeatsI);
                var vk = w * (joinI - joinJ);
                votesFor[k] = vk > 0 ? vk : 0;
                votesAgainst[k] = vk < 0 ? -vk : 0;
            }
        }

        /// <summary>D: the offer i makes to j, as the point for i and the point for j (0–1 scale).</summary>
        private (double[] ForI, double[] ForJ) Interpolate(double[] x, int i, int j, double p)
        {
            var bi = new double[dims];
            var bj = new double[dims];
            for (var d = 0; d < dims; d++)
            {
                var xi = x[(i * dims) + d];
                var xj = x[(j * dims) + d];
                var si = sal[(i * dims) + d];
                var sj = sal[(j * dims) + d];
                if (o.Interpolation == OfferInterpolation.S2PMax)
                {
                    var di = Math.Max(0, (1 - p) - p);
                    var dj = Math.Max(0, p - (1 - p));
                    var fi = di * sj * sj / ((di * sj * sj) + OfferEpsilon + ((1 - di) * si * si));
                    var fj = dj * si * si / ((dj * si * si) + OfferEpsilon + ((1 - dj) * sj * sj));
                    bi[d] = xi + (fi * (xj - xi));
                    bj[d] = xj + (fj * (xi - xj));
                    continue;
                }

                double wi, wj;
                if (o.Interpolation == OfferInterpolation.S1P1)
                {
                    wi = si * p;
                    wj = sj * (1 - p);
                }
                else
                {
                    wi = si * si * p * p;
                    wj = sj * sj * (1 - p) * (1 - p);
                }

                var denominator = wi + wj + OfferEpsilon;
                bi[d] = Round4(((wi + OfferEpsilon) * xi + (wj * xj)) / denominator);
                bj[d] = Round4(((wi * xi) + ((wj + OfferEpsilon) * xj)) / denominator);
            }

            return (bi, bj);
        }

        /// <summary>Rounds to a 1e-4 grid on the 0–1 scale (0.01 points), as the peer does to its offers.</summary>
        private static double Round4(double value) => (long)(0.5 + (1e4 * value)) / 1e4;

        private NegotiationRun Summarise(Scenario scenario, List<TurnState> turns, double[] x, string stopReason)
        {
            // H: distinct final positions, first occurrence in actor order, and their chance of prevailing.
            var idx = activeIndices;
            var unique = new List<int>();
            foreach (var i in idx)
            {
                if (!unique.Any(u => Same(x, i, u)))
                {
                    unique.Add(i);
                }
            }

            var weights = activeWeights;
            var p = SmpMath.ScalarPce(idx.Length, unique.Count, weights,
                (voter, option) => EstimatedUtility(idx[voter], idx[voter], unique[option]), o);
            var coalitions = new List<OutcomePosition>();
            for (var u = 0; u < unique.Count; u++)
            {
                var members = Enumerable.Range(0, n).Where(i => Same(x, i, unique[u])).ToArray();
                coalitions.Add(new OutcomePosition(Point(x, unique[u]).ToEquatableList(), p[u], members.ToEquatableList()));
            }

            var actorProbabilities = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var u = unique.Count - 1; u >= 0; u--)
                {
                    if (Same(x, i, unique[u]))
                    {
                        actorProbabilities[i] = p[u];
                        break;
                    }
                }
            }

            var weighted = new double[dims];
            foreach (var c in coalitions)
            {
                for (var d = 0; d < dims; d++)
                {
                    weighted[d] += c.Probability * c.Position[d];
                }
            }

            var mostLikely = coalitions[0];
            foreach (var c in coalitions)
            {
                if (c.Probability > mostLikely.Probability)
                {
                    mostLikely = c;
                }
            }

            return new NegotiationRun
            {
                Scenario = scenario,
                Options = o,
                Turns = turns.ToEquatableList(),
                StopReason = stopReason,
                Coalitions = coalitions.ToEquatableList(),
                ActorProbabilities = actorProbabilities.ToEquatableList(),
                WeightedOutcome = weighted.ToEquatableList(),
                MostLikely = mostLikely,
            };
        }

        private bool Same(double[] x, int a, int b)
        {
            var s = 0.0;
            for (var d = 0; d < dims; d++)
            {
                var diff = x[(a * dims) + d] - x[(b * dims) + d];
                s += diff * diff;
            }

            return Math.Sqrt(s) < PositionTolerance;
        }
    }
}
