using System.IO.Compression;
using System.Text;
using CsCheck;
using FluentAssertions;
using PairingRules.Excel;
using PairingRules.Synthetic;
using PairingRules.Tests.Excel;
using Xunit;
using Xunit.Abstractions;

namespace PairingRules.Tests.Fuzz;

/// <summary>
/// Mutated workbooks (a small synthetic county as households.xlsx and helpers.xlsx, changed cell by cell, row by row,
/// inside the XML of a part, and byte by byte in the zip) either load, and the solve accounts for every household and
/// helper exactly once, or fail with a <see cref="RosterException"/> whose every problem names the file (and its row,
/// unless it is about the whole workbook). Nothing else: no other exception, no hang.
/// </summary>
[Trait("Category", Fuzzing.Category)]
public sealed class WorkbookFuzzTests(ITestOutputHelper output)
{
    private const string HouseholdsName = "households.xlsx";
    private const string HelpersName = "helpers.xlsx";

    private static readonly RuleSet Rules = RuleSet.LoadXingCounty();

    private static readonly object?[][][] BaseSheets = Bases();

    private static readonly object?[] Values =
    [
        null, "", " ", "abc", "-1", "0", 1, 4, 2300.5, -0.0, 1e300, 141123199001011234, 1e15, 12.5, "1.41123E+17", true, false, "TRUE", "是", "否",
        new DateTime(2017, 7, 7), new DateTime(1900, 1, 1, 6, 0, 0), new TestFormula("1+1", null), new TestFormula("A1", "x"), new TestError("#N/A"),
        new TestFormatted(7, "0000"), new TestFormatted(42923, "yyyy\"年\"m\"月\"d\"日\""), new TestFormatted(3, "[h]:mm"), "county-leader", "enterprise",
        "township-cadre", "一类", "蔚汾镇", "兴县2017年建档立卡贫困户名册", "H0000001", "\t7\t", "\u00A0", new string('x', 4_097),
    ];

    private static readonly string[] Parts = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml"];

    private static readonly Gen<Mutated> Cases =
        from file in Gen.Int[0, 2]
        from cells in CellMutation.Gen.Array[0, 4]
        from part in Gen.Int[0, Parts.Length * 2]
        from xml in Fuzzing.ByteMutation.Gen.Array[1, 2]
        from zip in Fuzzing.ByteMutation.Gen.Array[0, 1]
        from level in Gen.Int[0, 3]
        select new Mutated(file, cells, level == 1 && part < Parts.Length ? Parts[part] : null, xml, level == 2 ? zip : []);

    [Fact]
    public void Read_MutatedWorkbook_LoadsAndAccountsForEverythingOrFailsLocated()
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
            "loaded, solved, everything accounted for");
    }

    private static int Check(byte[] households, byte[] helpers)
    {
        Roster roster;
        try
        {
            roster = RosterFiles.Read(new MemoryStream(households), HouseholdsName, new MemoryStream(helpers), HelpersName);
        }
        catch (RosterException e)
        {
            e.Problems.Should().NotBeEmpty();
            foreach (var problem in e.Problems)
            {
                problem.File.Should().BeOneOf([HouseholdsName, HelpersName], $"every problem names its file: {problem}");
                if (problem.Column is not null || problem.Path is not null)
                {
                    problem.Line.Should().BePositive($"a problem of a cell or column names its row: {problem}");
                }
            }

            return 0;
        }

        Fuzzing.AssertAccounted(roster, Fuzzing.Solve(Rules, roster));
        return 1;
    }

    /// <summary>The base sheets, households then helpers, as an office types them: numbers, TRUE/FALSE, a title.</summary>
    private static object?[][][] Bases()
    {
        var county = SyntheticCounty.Generate(new SyntheticCountyOptions { Households = 60, PreviouslyPaired = 0.3, Seed = 11 });
        object?[][] households =
        [
            ["兴县2017年建档立卡贫困户名册"],
            ["户编号", "乡镇", "村", "是否贫困村", "是否深度贫困户", "家庭人口数", "人均纯收入", "帮扶责任人"],
            .. county.Households.Select(h => new object?[] { h.Id, h.Township, h.Village, h.PoorVillage, h.DeepPoverty, h.Members, h.Income, h.CurrentHelper }),
        ];
        object?[][] helpers =
        [
            ["id", "category", "township", "village", "tier", "name", "unit", "poor_village"],
            .. county.Helpers.Select(h => new object?[] { h.Id, h.Category, h.Township, h.Village, h.Tier, h.Name, h.Unit, h.PoorVillage }),
        ];
        return [households, helpers];
    }

    /// <summary>One mutated pair of workbooks: the file changed (0, 1 or both), the cell changes, and the byte changes
    /// inside one part's XML or of the whole zip.</summary>
    private sealed record Mutated(int File, CellMutation[] Cells, string? Part, Fuzzing.ByteMutation[] Xml, Fuzzing.ByteMutation[] Zip)
    {
        public (byte[] Households, byte[] Helpers) Files() => (Build(0), Build(1));

        public override string ToString() =>
            $"file {File}; cells [{string.Join(", ", Cells.Select(c => c.ToString()))}]; part {Part ?? "none"} [{string.Join(", ", Xml.Select(b => b.ToString()))}]; zip [{string.Join(", ", Zip.Select(b => b.ToString()))}]";

        private byte[] Build(int file)
        {
            var rows = BaseSheets[file].Select(r => r.ToArray()).ToList();
            var merges = new List<string>();
            var changed = File == file || File == 2;
            if (changed)
            {
                foreach (var mutation in Cells)
                {
                    mutation.Apply(rows, merges);
                }
            }

            var bytes = TestWorkbook.Create(new TestSheet("Sheet1", [.. rows]) { Merges = [.. merges] });
            if (!changed)
            {
                return bytes;
            }

            if (Part is not null)
            {
                bytes = ChangePart(bytes, Part, Xml);
            }

            foreach (var mutation in Zip)
            {
                bytes = mutation.Apply(bytes, string.Empty);
            }

            return bytes;
        }

        private static byte[] ChangePart(byte[] workbook, string name, Fuzzing.ByteMutation[] mutations)
        {
            using var memory = new MemoryStream();
            memory.Write(workbook);
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
            {
                if (zip.GetEntry(name) is not { } entry)
                {
                    return workbook;
                }

                byte[] content;
                using (var read = entry.Open())
                using (var copy = new MemoryStream())
                {
                    read.CopyTo(copy);
                    content = copy.ToArray();
                }

                var text = Encoding.UTF8.GetString(content);
                foreach (var mutation in mutations)
                {
                    content = mutation.Apply(content, text);
                }

                entry.Delete();
                using var write = zip.CreateEntry(name).Open();
                write.Write(content);
            }

            return memory.ToArray();
        }
    }

    /// <summary>A change at the cell or row level: a cell set to another value (text, number, date, error, formula) or
    /// removed, a row removed, duplicated, moved or made blank, a title row added, a range merged.</summary>
    private sealed record CellMutation(int Kind, int Row, int Column, int Payload)
    {
        public static readonly Gen<CellMutation> Gen = CsCheck.Gen.Select(
            CsCheck.Gen.Int[0, 7], CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Int[0, 12], CsCheck.Gen.Int[0, int.MaxValue], (k, r, c, p) => new CellMutation(k, r, c, p));

        public void Apply(List<object?[]> rows, List<string> merges)
        {
            var r = Row % rows.Count;
            switch (Kind)
            {
                case 0 or 1:
                    var cells = rows[r].ToList();
                    while (cells.Count <= Column)
                    {
                        cells.Add(null);
                    }

                    cells[Column] = Values[Payload % Values.Length];
                    rows[r] = [.. cells];
                    break;
                case 2:
                    rows.RemoveAt(r);
                    break;
                case 3:
                    rows.Insert(r, rows[r]);
                    break;
                case 4:
                    var other = Payload % rows.Count;
                    (rows[r], rows[other]) = (rows[other], rows[r]);
                    break;
                case 5:
                    rows.Insert(r, Payload % 2 == 0 ? [] : ["", " ", null]);
                    break;
                case 6:
                    rows.Insert(Payload % 2 == 0 ? 0 : r, ["填报单位：兴县扶贫办", Payload % 3 == 0 ? "2017年7月" : null]);
                    break;
                default:
                    var top = r + 1;
                    var left = (Column % 8) + 1;
                    merges.Add($"{TestWorkbook.Letters(left)}{top}:{TestWorkbook.Letters(left + (Payload % 3))}{top + (Payload % 5)}");
                    break;
            }

            if (rows.Count == 0)
            {
                rows.Add([]);
            }
        }
    }
}
