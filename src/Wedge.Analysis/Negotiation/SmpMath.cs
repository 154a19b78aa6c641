using System.Numerics;
using System.Runtime.CompilerServices;
using Wedge.Core.Negotiation;
namespace Wedge.Analysis.Negotiation;

/// <summary>The building blocks of the spatial model: utility, votes, victory probabilities, PCE.</summary>
/// <remarks>Formulas as in docs/methods/negotiation.md (KTAB's kmodel, restated).</remarks>
internal static class SmpMath
{
    /// <summary>Floor added to every coalition strength in a PCE, so that 0/0 cannot occur.</summary>
    public const double CoalitionFloor = 1e-8;

    /// <summary>Utility of an outcome at normalised distance δ to an actor with risk attitude r (r = 1 risk-averse).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Utility(double delta, double r) => delta <= 1 ? (1 - delta) * (1 + delta * r) : (1 - delta) * (1 + r);

    // Inlined so that the model's inner loops, which call it with one rule throughout, pay no call per vote.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Vote(VotingRule rule, double weight, double ua, double ub)
    {
        var du = ua - ub;
        switch (rule)
        {
            case VotingRule.Proportional:
                return weight * du;
            case VotingRule.Binary:
                return weight * Binary(du);
            case VotingRule.PropBin:
                return weight * ((0.8 * du) + (0.2 * Binary(du)));
            case VotingRule.PropCubic:
                return weight * ((0.5 * du) + (0.5 * du * du * du));
            case VotingRule.Cubic:
                return weight * du * du * du;
            case VotingRule.AsymmetricProspect:
                return du < 0 ? weight * du : du > 0 ? 2.0 * weight * du / 3.0 : 0.0;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule));
        }

        static double Binary(double du) => Math.Clamp(du / 1e-8, -1, 1);
    }

    /// <summary>Probability that the side with strength <paramref name="s1"/> beats the side with <paramref name="s2"/>.</summary>
    public static double VictoryProbability(VictoryProbModel model, double s1, double s2)
    {
        double x1, x2;
        switch (model)
        {
            case VictoryProbModel.Linear:
                x1 = s1;
                x2 = s2;
                break;
            case VictoryProbModel.Square:
                x1 = s1 * s1;
                x2 = s2 * s2;
                break;
            case VictoryProbModel.Quartic:
                x1 = s1 * s1 * s1 * s1;
                x2 = s2 * s2 * s2 * s2;
                break;
            case VictoryProbModel.Octic:
                x1 = Math.Pow(s1, 8);
                x2 = Math.Pow(s2, 8);
                break;
            case VictoryProbModel.Binary:
                const double threshold = 1.10;
                if (s1 >= threshold * s2)
                {
                    x1 = 1.0;
                    x2 = 1e-6;
                }
                else if (s2 >= threshold * s1)
                {
                    x1 = 1e-6;
                    x2 = 1.0;
                }
                else
                {
                    // Linear ramp from p = 0 at s2 = 1.1·s1 to p = 1 at s1 = 1.1·s2.
                    var share = s1 / (s1 + s2);
                    x1 = ((share * (threshold + 1.0)) - 1.0) / (threshold - 1.0);
                    x2 = 1 - x1;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model));
        }

        return x1 / (x1 + x2);
    }

    /// <summary>
    /// Probability of each of <paramref name="options"/> options prevailing, given voter weights and utilities.
    /// </summary>
    /// <param name="utility">utility(voter, option).</param>
    public static double[] ScalarPce(int voters, int options, ReadOnlySpan<double> weights, Func<int, int, double> utility, SmpOptions o)
    {
        var coalition = new double[options * options];
        for (var a = 0; a < options; a++)
        {
            coalition[(a * options) + a] = CoalitionFloor;
            for (var b = 0; b < a; b++)
            {
                double cab = CoalitionFloor, cba = CoalitionFloor;
                for (var k = 0; k < voters; k++)
                {
                    var v = Vote(o.Voting, weights[k], utility(k, a), utility(k, b));
                    if (v > 0)
                    {
                        cab += v;
                    }
                    else if (v < 0)
                    {
                        cba -= v;
                    }
                }

                coalition[(a * options) + b] = cab;
                coalition[(b * options) + a] = cba;
            }
        }

        return Pce(options, coalition, o);
    }

    /// <summary>
    /// <see cref="ScalarPce(int, int, ReadOnlySpan{double}, Func{int, int, double}, SmpOptions)"/> over a table of utilities
    /// given option by option: <paramref name="utilityByOption"/>[option × voters + voter]. Same arithmetic in the same order,
    /// so the same result to the bit; it saves two delegate calls per vote.
    /// </summary>
    public static double[] ScalarPce(int voters, int options, ReadOnlySpan<double> weights, ReadOnlySpan<double> utilityByOption, SmpOptions o)
    {
        var rule = o.Voting;
        var coalition = new double[options * options];
        if (rule == VotingRule.Proportional && Vector.IsHardwareAccelerated)
        {
            ProportionalCoalitions(voters, options, weights, utilityByOption, coalition);
            return Pce(options, coalition, o);
        }

        for (var a = 0; a < options; a++)
        {
            coalition[(a * options) + a] = CoalitionFloor;
            var ua = utilityByOption.Slice(a * voters, voters);
            for (var b = 0; b < a; b++)
            {
                var ub = utilityByOption.Slice(b * voters, voters);
                double cab = CoalitionFloor, cba = CoalitionFloor;
                for (var k = 0; k < voters; k++)
                {
                    var v = Vote(rule, weights[k], ua[k], ub[k]);
                    if (v > 0)
                    {
                        cab += v;
                    }
                    else if (v < 0)
                    {
                        cba -= v;
                    }
                }

                coalition[(a * options) + b] = cab;
                coalition[(b * options) + a] = cba;
            }
        }

        return Pce(options, coalition, o);
    }

    /// <summary>
    /// The coalition strengths of <see cref="ScalarPce(int, int, ReadOnlySpan{double}, ReadOnlySpan{double}, SmpOptions)"/>
    /// under proportional voting: the votes several voters at a time, then summed voter by voter in the scalar loop's order,
    /// so every strength is the same to the bit.
    /// </summary>
    private static void ProportionalCoalitions(int voters, int options, ReadOnlySpan<double> weights, ReadOnlySpan<double> utilityByOption,
        double[] coalition)
    {
        Span<double> forA = voters <= 256 ? stackalloc double[voters] : new double[voters];
        Span<double> forB = voters <= 256 ? stackalloc double[voters] : new double[voters];
        var width = Vector<double>.Count;
        for (var a = 0; a < options; a++)
        {
            coalition[(a * options) + a] = CoalitionFloor;
            var ua = utilityByOption.Slice(a * voters, voters);
            for (var b = 0; b < a; b++)
            {
                var ub = utilityByOption.Slice(b * voters, voters);
                var k = 0;
                for (; k <= voters - width; k += width)
                {
                    var v = new Vector<double>(weights[k..]) * (new Vector<double>(ua[k..]) - new Vector<double>(ub[k..]));
                    Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<double>.Zero), v, Vector<double>.Zero).CopyTo(forA[k..]);
                    Vector.ConditionalSelect(Vector.LessThan(v, Vector<double>.Zero), -v, Vector<double>.Zero).CopyTo(forB[k..]);
                }

                for (; k < voters; k++)
                {
                    var v = weights[k] * (ua[k] - ub[k]);
                    forA[k] = v > 0 ? v : 0;
                    forB[k] = v < 0 ? -v : 0;
                }

                double cab = CoalitionFloor, cba = CoalitionFloor;
                for (k = 0; k < voters; k++)
                {
                    cab += forA[k];
                    cba += forB[k];
                }

                coalition[(a * options) + b] = cab;
                coalition[(b * options) + a] = cba;
            }
        }
    }

    /// <summary>Probabilities per option from a square matrix of coalition strengths (row a against column b).</summary>
    public static double[] Pce(int n, double[] coalition, SmpOptions o)
    {
        var pv = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            pv[(a * n) + a] = 0.5;
            for (var b = 0; b < a; b++)
            {
                var p = VictoryProbability(o.VictoryProbability, coalition[(a * n) + b], coalition[(b * n) + a]);
                pv[(a * n) + b] = p;
                pv[(b * n) + a] = 1 - p;
            }
        }

        return o.Pce switch
        {
            PceModel.Conditional => Conditional(n, pv),
            PceModel.MarkovUniform => MarkovUniform(n, pv),
            PceModel.MarkovIncentive => MarkovIncentive(n, pv, coalition),
            _ => throw new ArgumentOutOfRangeException(nameof(o)),
        };
    }

    private static double[] Conditional(int n, double[] pv)
    {
        var p = new double[n];
        var total = 0.0;
        for (var a = 0; a < n; a++)
        {
            var prod = 1.0;
            for (var b = 0; b < n; b++)
            {
                prod *= pv[(a * n) + b];
            }

            p[a] = prod;
            total += prod;
        }

        for (var a = 0; a < n; a++)
        {
            p[a] /= total;
        }

        return p;
    }

    private static double[] MarkovUniform(int n, double[] pv)
    {
        var p = Enumerable.Repeat(1.0 / n, n).ToArray();
        var q = new double[n];
        for (var iteration = 0; iteration < 1000; iteration++)
        {
            var change = 0.0;
            for (var a = 0; a < n; a++)
            {
                var s = 0.0;
                for (var b = 0; b < n; b++)
                {
                    s += pv[(a * n) + b] * (p[a] + p[b]);
                }

                q[a] = s / n;
                change = Math.Max(change, Math.Abs(q[a] - p[a]));
            }

            for (var a = 0; a < n; a++)
            {
                p[a] = (p[a] + q[a]) / 2;
            }

            if (change <= 1e-6)
            {
                return p;
            }
        }

        throw new InvalidOperationException("Markov-uniform PCE did not converge in 1000 iterations.");
    }

    private static double[] MarkovIncentive(int n, double[] pv, double[] coalition)
    {
        // challenge[a, b] = probability that a is the challenger when b is the favourite.
        var challenge = new double[n * n];
        for (var b = 0; b < n; b++)
        {
            var sum = 0.0;
            for (var a = 0; a < n; a++)
            {
                sum += Incentive(a, b);
            }

            for (var a = 0; a < n; a++)
            {
                challenge[(a * n) + b] = Incentive(a, b) / sum;
            }
        }

        var p = Enumerable.Repeat(1.0 / n, n).ToArray();
        var q = new double[n];
        for (var iteration = 0; iteration < 1000; iteration++)
        {
            var change = 0.0;
            for (var a = 0; a < n; a++)
            {
                var s = 0.0;
                for (var b = 0; b < n; b++)
                {
                    // Contests between a and b: a favoured and b challenging, or the reverse.
                    var contests = (p[a] * challenge[(b * n) + a]) + (p[b] * challenge[(a * n) + b]);
                    s += pv[(a * n) + b] * contests;
                }

                q[a] = s;
                change = Math.Max(change, Math.Abs(q[a] - p[a]));
            }

            for (var a = 0; a < n; a++)
            {
                p[a] = (p[a] + q[a]) / 2;
            }

            if (change <= 1e-8)
            {
                return p;
            }
        }

        throw new InvalidOperationException("Markov-incentive PCE did not converge in 1000 iterations.");

        double Incentive(int a, int b) => (coalition[(a * n) + b] * pv[(a * n) + b]) + (a == b ? 1e-10 : 0);
    }
}
