using System.Text;
using CsCheck;
using FluentAssertions;
using PairingRules.Csv;
using PairingRules.Synthetic;
using Xunit;
using Xunit.Abstractions;

namespace PairingRules.Tests.Fuzz;

/// <summary>
/// Mutated roster files (a small synthetic county written by <see cref="RosterCsv.WriteHouseholds"/> and
/// <see cref="RosterCsv.WriteHelpers"/>, changed field by field, line by line and byte by byte, in other encodings,
/// empty) either load, and then every data row of each file is a household or helper of the roster (no row dropped
/// silently) and the solve accounts for every household and helper exactly once, or fail with a
/// <see cref="RosterException"/> whose every problem names the file and a line. Nothing else: no other exception, no hang.
/// </summary>
[Trait("Category", Fuzzing.Category)]
public sealed class RosterFuzzTests(ITestOutputHelper output)
{
    private const string HouseholdsName = "households.csv";
    private const string HelpersName = "helpers.csv";

    private static readonly RuleSet Rules = RuleSet.LoadXingCounty();

    private static readonly string[][] BaseFiles = Bases();

    private static readonly string[] Values =
    [
        "", " ", "abc", "-1", "0", "1", "4", "5", "1e9", "99999999999999999999", "79228162514264337593543950336", "1.5", "2300.5",
        "-0", "+5", "٣", "３", "1,000", "NaN", "Infinity", "true", "FALSE", "是", "否", "yes", "maybe", "\"", "\"\"", "county-leader",
        "enterprise", "village-committee", "township-cadre", "一类", "蔚汾镇", "İ", "ı", "\u00A0", "\t7\t", "H0000001", "\u0085",
        "\"a,\nb\"", "\"x\"y", "=1+1", "\u0000",
    ];

    private static readonly string[] Headers =
    [
        "id", "ID", " id ", "户编号", "township", "乡镇", "village", "村", "poor_village", "poor-village", "Poor Village", "deep_poverty",
        "是否深度贫困户", "members", "income", "helper", "category", "类别", "tier", "name", "", "\uFEFFid", "cause", "helper",
    ];

    private static readonly Gen<Mutated> Cases =
        from variant in Gen.Int[0, BaseFiles.Length - 1]
        from fields in CsvMutation.Gen.Array[0, 4]
        from bytes in Fuzzing.ByteMutation.Gen.Array[0, 2]
        from byteLevel in Gen.Int[0, 2]
        from target in Gen.Int[0, 2]
        select new Mutated(variant, fields, byteLevel == 0 ? bytes : [], target);

    [Fact]
    public void Read_MutatedRoster_LoadsEveryRowAndAccountsForEverythingOrFailsLocated()
    {
        Fuzzing.Run(
            Cases,
            mutated =>
            {
                var (households, helpers) = mutated.Files();
                return Check(households, helpers);
            },
            output,
            "refused (located RosterException)",
            "loaded every row, solved, everything accounted for");
    }

    [Fact]
    public void CountDataRecords_AgreesWithTheDefinition()
    {
        Fuzzing.CountDataRecords("a,b\n1,2\n\n3,\"x\n\"\"y\"\r\n4,5").Should().Be(3);
        Fuzzing.CountDataRecords("a\r\r1\r").Should().Be(1);
        Fuzzing.CountDataRecords(string.Empty).Should().Be(0);
        Fuzzing.CountDataRecords("Title,,\n,,\na,b\n1,2\n , \n3,4\n").Should().Be(2, "blank records and a title above the header are no data");
        Fuzzing.CountDataRecords("a\nb\nc\n").Should().Be(2, "with no record of two fields, the first is the header");
    }

    private static int Check(byte[] households, byte[] helpers)
    {
        Roster roster;
        try
        {
            roster = RosterCsv.Read(new MemoryStream(households), HouseholdsName, new MemoryStream(helpers), HelpersName);
        }
        catch (RosterException e)
        {
            Fuzzing.AssertLocated(e, HouseholdsName, HelpersName);
            return 0;
        }

        roster.Households.Should().HaveCount(Fuzzing.CountDataRecords(Fuzzing.DecodeRoster(households)), "every data row of households.csv is a household");
        roster.Helpers.Should().HaveCount(Fuzzing.CountDataRecords(Fuzzing.DecodeRoster(helpers)), "every data row of helpers.csv is a helper");
        Fuzzing.AssertAccounted(roster, Fuzzing.Solve(Rules, roster));
        return 1;
    }

    /// <summary>The base rosters: as written (LF), with CRLF line ends, and with Chinese headers.</summary>
    private static string[][] Bases()
    {
        var county = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 60, PreviouslyPaired = 0.3, Seed = 11 });
        var households = new StringWriter();
        var helpers = new StringWriter();
        RosterCsv.WriteHouseholds(county.Households, households);
        RosterCsv.WriteHelpers(county.Helpers, helpers);
        string h = households.ToString(), p = helpers.ToString();
        static string Chinese(string text, string header) => header + text[text.IndexOf('\n', StringComparison.Ordinal)..];
        return
        [
            [h, p],
            [h.Replace("\n", "\r\n", StringComparison.Ordinal), p.Replace("\n", "\r\n", StringComparison.Ordinal)],
            [Chinese(h, "户编号,乡镇,村,是否贫困村,是否深度贫困户,家庭人口数,人均纯收入,帮扶责任人"), Chinese(p, "编号,类别,乡镇,村,企业类别,姓名,单位,是否贫困村")],
        ];
    }

    /// <summary>One mutated roster: a base, the changes made to it in order, and which file they apply to (0, 1 or both).</summary>
    private sealed record Mutated(int Variant, CsvMutation[] Fields, Fuzzing.ByteMutation[] ByteChanges, int Target)
    {
        public (byte[] Households, byte[] Helpers) Files() => (Build(0), Build(1));

        public override string ToString()
        {
            var (households, helpers) = Files();
            return $"base {Variant}, target {Target}; fields [{string.Join(", ", Fields.Select(f => f.ToString()))}]; bytes [{string.Join(", ", ByteChanges.Select(b => b.ToString()))}];\n" +
                   $"households.csv {Fuzzing.Preview(households)}\nhelpers.csv {Fuzzing.Preview(helpers)}";
        }

        private byte[] Build(int file)
        {
            var text = BaseFiles[Variant][file];
            if (Target != file && Target != 2)
            {
                return Encoding.UTF8.GetBytes(text);
            }

            foreach (var mutation in Fields)
            {
                text = mutation.Apply(text);
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            foreach (var mutation in ByteChanges)
            {
                bytes = mutation.Apply(bytes, text);
            }

            return bytes;
        }
    }

    /// <summary>
    /// A change at the field or line level: delete, duplicate, retype, truncate or empty a field; delete, duplicate,
    /// swap or add lines; stray quotes, very long fields, renamed headers, other line ends.
    /// </summary>
    private sealed record CsvMutation(int Kind, int Row, int Column, int Payload)
    {
        public static readonly Gen<CsvMutation> Gen = CsCheck.Gen.Select(
            CsCheck.Gen.Int[0, 13], CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Int[0, 15], CsCheck.Gen.Int[0, int.MaxValue], (k, r, c, p) => new CsvMutation(k, r, c, p));

        public string Apply(string text)
        {
            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var rows = text.Split(newline).ToList();
            var r = Row % rows.Count;
            var fields = rows[r].Split(',').ToList();
            var c = Column % fields.Count;
            switch (Kind)
            {
                case 0:
                    fields.RemoveAt(c);
                    break;
                case 1:
                    fields.Insert(c, fields[c]);
                    break;
                case 2:
                    fields[c] = Values[Payload % Values.Length];
                    break;
                case 3:
                    fields[c] = fields[c][..(Payload % (fields[c].Length + 1))];
                    break;
                case 4:
                    rows.RemoveAt(r);
                    return string.Join(newline, rows);
                case 5:
                    rows.Insert(r, rows[r]);
                    return string.Join(newline, rows);
                case 6:
                    fields[c] = string.Empty;
                    break;
                case 7:
                    var other = Payload % rows.Count;
                    (rows[r], rows[other]) = (rows[other], rows[r]);
                    return string.Join(newline, rows);
                case 8:
                    fields[c] = fields[c].Insert(Payload % (fields[c].Length + 1), "\"");
                    break;
                case 9:
                    fields[c] = new string(Payload % 2 == 0 ? 'x' : '户', Payload % 3 == 0 ? 100_000 : 4_097 - (Payload % 3));
                    break;
                case 10:
                    rows.Insert(r, new[] { string.Empty, " ", ",,,,", "\t", "\"\"" }[Payload % 5]);
                    return string.Join(newline, rows);
                case 11:
                    var header = rows[0].Split(',');
                    header[Column % header.Length] = Headers[Payload % Headers.Length];
                    rows[0] = string.Join(',', header);
                    return string.Join(newline, rows);
                case 12:
                    fields[c] = "\"" + fields[c] + (Payload % 2 == 0 ? ",\n" : "\r\n") + "\"";
                    break;
                default:
                    return text.Replace(newline, new[] { "\n", "\r\n", "\r" }[Payload % 3], StringComparison.Ordinal);
            }

            rows[r] = string.Join(',', fields);
            return string.Join(newline, rows);
        }
    }
}
