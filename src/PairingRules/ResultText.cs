using System.Collections.Frozen;

namespace PairingRules;

/// <summary>
/// The sentences of a <see cref="PairingResult"/> for people, in English or Chinese: why a household is uncovered and
/// what would cover it, why no pairing does better (certificates), and why a helper takes no part. Each is built from
/// the facts the result carries (<see cref="UncoveredHousehold"/>, <see cref="Certificate"/>,
/// <see cref="UnselectedHelper"/>) with the texts of the chosen language (<c>ResultText.resx</c> and
/// <c>ResultText.zh-Hans.resx</c>); the English ones are the result's own <see cref="UncoveredHousehold.Remedy"/> and
/// <see cref="Certificate.Statement"/>. The <c>pairing-rules</c> tool prints these sentences in its reports.
/// </summary>
/// <remarks>
/// <para>Made for the groups of the rule set that produced the results (<see cref="RuleSet.Groups"/>): the sentences
/// name groups by id (English) or by label and id (Chinese: <c>乡镇干部（township-cadres）</c>) and scopes by name.
/// Numbers are written with invariant digits and thousands separators in both languages (<c>16,800</c>); nothing
/// depends on the machine's culture.</para>
/// <example><code>
/// var text = new ResultText(rules.Groups, ReportLanguage.Chinese);
/// foreach (var certificate in result.Certificates)
/// {
///     Console.WriteLine(text.Statement(certificate));
/// }
/// </code></example>
/// <threadsafety>Immutable and safe to share between threads.</threadsafety>
/// </remarks>
public sealed class ResultText
{
    private const string BaseName = "PairingRules.ResultText";

    private static readonly Lazy<TextTable> EnglishTexts = new(() => TextTable.Load(BaseName, typeof(ResultText).Assembly, ReportLanguage.English));
    private static readonly Lazy<TextTable> ChineseTexts = new(() => TextTable.Load(BaseName, typeof(ResultText).Assembly, ReportLanguage.Chinese));

    private readonly TextTable _texts;
    private readonly FrozenDictionary<string, RuleGroup> _groups;

    /// <summary>Creates the sentences of one language for the results of one rule set.</summary>
    /// <param name="groups">The groups of the rule set whose results are rendered (<see cref="RuleSet.Groups"/>).</param>
    /// <param name="language">The language; default English.</param>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> is null.</exception>
    /// <exception cref="ArgumentException">Two groups have the same id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not a <see cref="ReportLanguage"/>.</exception>
    public ResultText(IEnumerable<RuleGroup> groups, ReportLanguage language = ReportLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (!Enum.IsDefined(language))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "Not a report language.");
        }

        Language = language;
        _texts = Texts(language);
        _groups = groups.ToDictionary(g => g.Id, StringComparer.Ordinal).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The language of the sentences.</summary>
    public ReportLanguage Language { get; }

    /// <summary>Why a household has no helper, in a few words: <c>every helper who may take it is full</c>, <c>可包扶的人都已满额</c>.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not an <see cref="UncoveredReason"/>.</exception>
    public string Reason(UncoveredReason reason) => _texts.Get(reason switch
    {
        UncoveredReason.NoGroupAccepts => "Reason.NoGroupAccepts",
        UncoveredReason.NoHelperInScope => "Reason.NoHelperInScope",
        UncoveredReason.NoBackstopInTownship => "Reason.NoBackstopInTownship",
        UncoveredReason.AllHelpersFull => "Reason.AllHelpersFull",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not an uncovered reason."),
    });

    /// <summary>
    /// What would cover an uncovered household: <c>add a helper of group `township-cadres` (乡镇干部) in township 蔚汾镇</c>,
    /// <c>在蔚汾镇增加一名乡镇干部（township-cadres）</c>. In English, <see cref="UncoveredHousehold.Remedy"/>.
    /// </summary>
    /// <param name="household">An uncovered household of a result of this rule set.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="household"/> is null.</exception>
    /// <exception cref="ArgumentException">The household's remedy names a group this text was not made with.</exception>
    public string Remedy(UncoveredHousehold household)
    {
        ArgumentNullException.ThrowIfNull(household);
        return Remedy(household.Reason, household.RemedyGroupIds, household.MaxIncrease, household.Place);
    }

    /// <summary>
    /// The proof that a gap cannot be closed, for example <c>B: 3 households may go only to 1 helper of `committee`, …</c>
    /// or <c>B：3户只能由村委（committee）的1名帮扶责任人包扶，…</c>. In English, <see cref="Certificate.Statement"/>.
    /// </summary>
    /// <param name="certificate">A certificate of a result of this rule set.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is null.</exception>
    /// <exception cref="ArgumentException">The certificate names a group this text was not made with.</exception>
    public string Statement(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Statement(
            certificate.Kind, certificate.Reason, certificate.Households, certificate.Helpers, certificate.Capacity, certificate.Gap, certificate.Places, certificate.GroupIds);
    }

    /// <summary>Why a helper takes no part: <c>no group's `helpers` expression selects it</c>, <c>没有哪个组的 helpers 条件选中此人</c>.</summary>
    /// <param name="helper">An unselected helper of a result of this rule set.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="helper"/> is null.</exception>
    /// <exception cref="ArgumentException">The helper names a group this text was not made with.</exception>
    public string Reason(UnselectedHelper helper)
    {
        ArgumentNullException.ThrowIfNull(helper);
        return helper.Reason switch
        {
            UnselectedReason.NoTownship => _texts.Format("Unselected.NoTownship", helper.GroupId, Scope(Group(helper.GroupId).Scope), GroupName(helper.GroupId)),
            UnselectedReason.NoVillage => _texts.Format("Unselected.NoVillage", helper.GroupId, GroupName(helper.GroupId)),
            _ => _texts.Get("Unselected.NoGroupSelects"),
        };
    }

    /// <summary>A scope for people: <c>county</c>, <c>township</c>, <c>village</c> (as rule files write it); <c>县</c>, <c>乡镇</c>, <c>村</c>.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>The text.</returns>
    public string Scope(PairingScope scope) => _texts.Get(scope switch
    {
        PairingScope.County => "Scope.County",
        PairingScope.Township => "Scope.Township",
        _ => "Scope.Village",
    });

    /// <summary>The sentences of English, as the result's own texts are written.</summary>
    internal static ResultText English(IEnumerable<RuleGroup> groups) => new(groups, ReportLanguage.English);

    /// <summary>The table of texts of a language, read once.</summary>
    internal static TextTable Texts(ReportLanguage language) => language == ReportLanguage.Chinese ? ChineseTexts.Value : EnglishTexts.Value;

    /// <summary>The remedy from its facts (<see cref="Remedy(UncoveredHousehold)"/>).</summary>
    internal string Remedy(UncoveredReason reason, IReadOnlyList<string> groupIds, long? maxIncrease, Place place)
    {
        switch (reason)
        {
            case UncoveredReason.NoGroupAccepts:
                return _texts.Get("Remedy.WidenRules");
            case UncoveredReason.NoBackstopInTownship:
                var township = new Place(place.County, place.Township, village: null);
                return _texts.Format("Remedy.AddBackstopHelper", groupIds[0], Group(groupIds[0]).Label, township.ToString(), GroupName(groupIds[0]));
            case UncoveredReason.NoHelperInScope:
                var group = Group(groupIds[0]);
                return _texts.Format("Remedy.AddHelperInScope", group.Id, group.Label, Scope(group.Scope), GroupName(group.Id));
            default:
                return maxIncrease is { } by
                    ? _texts.Format("Remedy.RaiseMax", GroupList(groupIds), TextTable.Number(by))
                    : _texts.Format("Remedy.AddHelper", GroupList(groupIds));
        }
    }

    /// <summary>The statement of a certificate from its facts (<see cref="Statement(Certificate)"/>).</summary>
    internal string Statement(
        CertificateKind kind, UncoveredReason? reason, long households, long helpers, long capacity, long gap, IReadOnlyList<Place> places, IReadOnlyList<string> groupIds)
    {
        if (kind == CertificateKind.Quota)
        {
            var inPlaces = places.Count > 0 ? _texts.Format("Certificate.InPlaces", List(places.Select(p => p.ToString()))) : string.Empty;
            return _texts.Format(
                helpers == 1 ? "Certificate.Quota.One" : "Certificate.Quota.Other",
                Helpers(helpers), GroupList(groupIds), Households(capacity), Households(households), inPlaces, TextTable.Number(gap));
        }

        var townships = List(places.Select(p => p.ToString()));
        return reason switch
        {
            UncoveredReason.NoGroupAccepts => _texts.Format("Certificate.NoHelper", townships, Households(households), _texts.Get("Certificate.Why.NoGroupAccepts")),
            UncoveredReason.NoBackstopInTownship => _texts.Format("Certificate.NoHelper", townships, Households(households), _texts.Get("Certificate.Why.NoBackstopInTownship")),
            UncoveredReason.NoHelperInScope => _texts.Format("Certificate.NoHelper", townships, Households(households), _texts.Get("Certificate.Why.NoHelperInScope")),
            _ => _texts.Format("Certificate.Full", townships, Households(households), Helpers(helpers), GroupList(groupIds), TextTable.Number(capacity), TextTable.Number(gap)),
        };
    }

    private RuleGroup Group(string? id) => id is not null && _groups.TryGetValue(id, out var group)
        ? group
        : throw new ArgumentException($"The group `{id}` is not one of the groups this text was made with (those of the rule set that produced the result).");

    /// <summary>A group as sentences name it: by id in English; by label and id in Chinese (by id alone when its label is its id).</summary>
    private string GroupName(string? id)
    {
        var group = Group(id);
        return group.Label == group.Id ? _texts.Format("Group.Id", group.Id) : _texts.Format("Group.Labelled", group.Id, group.Label);
    }

    private string GroupList(IEnumerable<string> ids) => List(ids.Select(GroupName));

    private string List(IEnumerable<string> items) => string.Join(_texts.Get("List.Separator"), items);

    private string Households(long count) => _texts.Format(count == 1 ? "Count.Households.One" : "Count.Households.Other", TextTable.Number(count));

    private string Helpers(long count) => _texts.Format(count == 1 ? "Count.Helpers.One" : "Count.Helpers.Other", TextTable.Number(count));
}
