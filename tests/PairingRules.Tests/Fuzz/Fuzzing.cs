using System.Globalization;
using System.Text;
using CsCheck;
using FluentAssertions;
using PairingRules.Audit;
using Xunit.Abstractions;

namespace PairingRules.Tests.Fuzz;

/// <summary>
/// What the fuzz tests share: how many cases, the hang guard, the byte-level mutations, and the oracle that every
/// case ends in a result that accounts for everything or in our typed error with a location.
/// </summary>
/// <remarks>
/// The normal test run samples <see cref="DefaultIterations"/> cases a property; <c>scripts/fuzz</c> sets
/// <c>PAIRING_RULES_FUZZ_ITERATIONS</c> (100,000 by default there). A failure prints CsCheck's seed (set
/// <c>CsCheck_Seed</c> to replay it) and the mutations, which rebuild the input from the base files deterministically.
/// </remarks>
internal static class Fuzzing
{
    public const string Category = "Fuzz";

    private const int DefaultIterations = 300;

    /// <summary>How long one case may take before it counts as a hang. Generous: a case takes milliseconds.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(120);

    public static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("PAIRING_RULES_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultIterations;

    /// <summary>
    /// Samples <see cref="Iterations"/> cases, each <see cref="Bounded"/>; <paramref name="check"/> returns the index of
    /// the outcome in <paramref name="outcomes"/> or throws. Writes how many cases ended in each outcome.
    /// </summary>
    public static void Run<T>(Gen<T> cases, Func<T, int> check, ITestOutputHelper output, params string[] outcomes)
    {
        var counts = new Outcomes(outcomes);
        cases.Sample(c => Bounded(() => counts.Count(check(c))), iter: Iterations, print: c => c?.ToString() ?? "null");
        output.WriteLine(counts.ToString());
    }

    /// <summary>
    /// Runs one case on a worker and waits for it at most <see cref="HangLimit"/>: a case that does not end is a failure
    /// (with its input printed by CsCheck), not a test run that never ends.
    /// </summary>
    public static void Bounded(Action action)
    {
        var task = Task.Run(action);
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(HangLimit))
        {
            throw new TimeoutException($"the case did not end within {HangLimit.TotalSeconds:0} s: a hang");
        }

        task.GetAwaiter().GetResult();
    }

    /// <summary>A cancellation token that stops a solve that hangs; <see cref="Solve"/> reports it as a hang.</summary>
    public static PairingResult Solve(RuleSet rules, Roster roster)
    {
        using var hang = new CancellationTokenSource(HangLimit);
        try
        {
            return rules.Solve(roster, hang.Token);
        }
        catch (OperationCanceledException) when (hang.IsCancellationRequested)
        {
            throw new TimeoutException("the solve did not end: a hang");
        }
    }

    /// <summary>Audits with a cancellation token that stops an audit that hangs, reported as a hang.</summary>
    public static AuditReport Check(RuleSet rules, Roster roster, AuditWorkflow audit)
    {
        using var hang = new CancellationTokenSource(HangLimit);
        try
        {
            return rules.CheckAsync(roster, audit, hang.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (hang.IsCancellationRequested)
        {
            throw new TimeoutException("the audit did not end: a hang");
        }
    }

    /// <summary>Every problem of a typed input error has a location: the file and a line.</summary>
    public static void AssertLocated(InputException error, params string[] files)
    {
        error.Problems.Should().NotBeEmpty();
        foreach (var problem in error.Problems)
        {
            problem.File.Should().BeOneOf(files, $"every problem names its file: {problem}");
            problem.Line.Should().BePositive($"every problem names its line: {problem}");
        }
    }

    /// <summary>
    /// The "nothing lost" oracle, independent of the solver's own check: each household appears exactly once in the
    /// pairings and the uncovered, each helper exactly once in the helper loads and the unselected, loads add up to
    /// the pairings, and every pairing names a household and helper of the roster.
    /// </summary>
    public static void AssertAccounted(Roster roster, PairingResult result)
    {
        var households = roster.Households.Select(h => h.Id).ToArray();
        var seen = result.Pairings.Select(p => p.HouseholdId).Concat(result.Uncovered.Select(u => u.HouseholdId)).ToArray();
        seen.Should().HaveCount(households.Length, "each household appears exactly once, paired or uncovered");
        seen.Should().OnlyHaveUniqueItems("no household appears twice");
        seen.ToHashSet(StringComparer.Ordinal).SetEquals(households).Should().BeTrue("the result names exactly the roster's households");

        var helpers = roster.Helpers.Select(h => h.Id).ToArray();
        var counted = result.Helpers.Select(h => h.HelperId).Concat(result.Unselected.Select(u => u.HelperId)).ToArray();
        counted.Should().HaveCount(helpers.Length, "each helper appears exactly once in the totals");
        counted.Should().OnlyHaveUniqueItems("no helper appears twice");
        counted.ToHashSet(StringComparer.Ordinal).SetEquals(helpers).Should().BeTrue("the result names exactly the roster's helpers");

        var loads = result.Pairings.GroupBy(p => p.HelperId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var load in result.Helpers)
        {
            load.Assigned.Should().Be(loads.GetValueOrDefault(load.HelperId), $"the load of {load.HelperId} is its pairings");
        }

        loads.Keys.Should().BeSubsetOf(result.Helpers.Select(h => h.HelperId), "only selected helpers take households");
        result.Summary.Households.Should().Be(households.Length);
        result.Summary.Helpers.Should().Be(helpers.Length);
    }

    /// <summary>
    /// Counts the data records of a comma-separated text the way RFC 4180 and docs/roster-format.md define them,
    /// independently of CsvHelper: CR, LF and CRLF end a record outside quotes; records whose fields are all empty or white
    /// space (empty lines, lines of commas) are skipped; up to 10 records of at most one non-empty field before the first
    /// record with more are titles; the first record after them is the header.
    /// </summary>
    public static int CountDataRecords(string text)
    {
        var records = Records(text).Where(fields => fields.Any(f => !string.IsNullOrWhiteSpace(f))).ToList();
        var titles = 0;
        while (titles < records.Count && titles < 10 && records[titles].Count(f => !string.IsNullOrWhiteSpace(f)) <= 1)
        {
            titles++;
        }

        var headerAt = titles < records.Count && records[titles].Count(f => !string.IsNullOrWhiteSpace(f)) > 1 ? titles : 0;
        return Math.Max(0, records.Count - headerAt - 1);
    }

    /// <summary>The records of a comma-separated text, each as its fields, quotes removed.</summary>
    private static IEnumerable<List<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var inQuotes = false;
        var fieldStart = true;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (any)
                {
                    fields.Add(field.ToString());
                    yield return fields;
                }

                fields = [];
                field.Clear();
                fieldStart = true;
                any = false;
                continue;
            }

            any = true;
            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStart = true;
                continue;
            }

            if (c == '"' && fieldStart)
            {
                inQuotes = true;
            }
            else
            {
                field.Append(c);
            }

            fieldStart = false;
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }

    /// <summary>Decodes roster bytes as <see cref="PairingRules.Csv.RosterCsv"/> does: encoding by <see cref="PairingRules.Csv.RosterCsv.DetectEncoding"/>, byte-order mark dropped.</summary>
    public static string DecodeRoster(byte[] bytes)
    {
        var encoding = PairingRules.Csv.RosterCsv.DetectEncoding(bytes);
        var preamble = encoding.Preamble;
        var start = preamble.Length > 0 && bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        return encoding.GetString(bytes, start, bytes.Length - start);
    }

    /// <summary>One byte-level change: flip, insert, delete, truncate, a byte-order mark, another encoding, or empty.</summary>
    public sealed record ByteMutation(int Kind, int At, int Value)
    {
        public static readonly Gen<ByteMutation> Gen =
            CsCheck.Gen.Select(CsCheck.Gen.Int[0, 13], CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Int[0, 255], (k, a, v) => new ByteMutation(k, a, v));

        private static readonly byte[][] Invalid =
        [
            [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE4, 0xB8], [0x80], [0xFE, 0xFF], [0x00],
        ];

        public byte[] Apply(byte[] bytes, string text)
        {
            var at = bytes.Length == 0 ? 0 : At % (bytes.Length + 1);
            return Kind switch
            {
                0 => bytes.Length == 0 ? bytes : With(bytes, b => b[At % bytes.Length] ^= (byte)(1 << (Value % 8))),
                1 => [.. bytes[..at], (byte)Value, .. bytes[at..]],
                2 => [.. bytes[..at], .. Invalid[Value % Invalid.Length], .. bytes[at..]],
                3 => [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + 1 + (Value % 64))..]],
                4 => bytes[..at],
                5 => [0xEF, 0xBB, 0xBF, .. bytes],
                6 => Encoding.Unicode.GetBytes(text),
                7 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
                8 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
                9 => Encoding.Latin1.GetBytes(text),
                10 => PairingRules.Csv.RosterCsv.GB18030.GetBytes(text),
                11 => [],
                12 => [.. bytes[..at], .. Enumerable.Range(0, 1 + (Value % 16)).Select(i => (byte)((Value * 31) + (i * 97)))],
                _ => [.. bytes[..at], .. bytes[at..Math.Min(bytes.Length, at + 1 + Value)], .. bytes[at..]],
            };
        }

        private static byte[] With(byte[] bytes, Action<byte[]> change)
        {
            var copy = (byte[])bytes.Clone();
            change(copy);
            return copy;
        }
    }

    /// <summary>How many cases ended in which outcome, for the run's output.</summary>
    public sealed class Outcomes(params string[] names)
    {
        private readonly long[] _counts = new long[names.Length];

        public void Count(int outcome) => Interlocked.Increment(ref _counts[outcome]);

        public override string ToString() =>
            $"{_counts.Sum():N0} cases: " + string.Join("; ", names.Select((n, i) => $"{_counts[i]:N0} {n}"));
    }

    /// <summary>Shows an input for a failure report: its length and the start, escaped.</summary>
    public static string Preview(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 600));
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            escaped.Append(c is '\n' ? "\\n" : c is '\r' ? "\\r" : char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return $"{bytes.Length} bytes: {escaped}{(bytes.Length > 600 ? "…" : string.Empty)}";
    }
}
