namespace PairingRules.Evaluation;

/// <summary>What the rules say of a household's current pairing (<see cref="Household.CurrentHelper"/>).</summary>
internal enum CurrentPairing : byte
{
    /// <summary>The household names no current helper.</summary>
    None = 0,

    /// <summary>The pairing is allowed and within the helper's cap: it is kept (不脱贫不脱钩).</summary>
    Valid,

    /// <summary>The helper id is not in the roster.</summary>
    UnknownHelper,

    /// <summary>The helper takes no part (no group selects it, or it lacks the place its scope needs).</summary>
    HelperNotSelected,

    /// <summary>The household is outside the scope place of the helper's group.</summary>
    OutOfScope,

    /// <summary>In scope, but the group's <c>households</c> expression does not accept the household.</summary>
    NotAccepted,

    /// <summary>Allowed, but earlier households (in roster order) already fill the helper's cap.</summary>
    OverCap,
}

/// <summary>
/// The one classification of current pairings, shared by solving (which keeps the valid ones) and auditing (which
/// reports the others), so that <c>solve</c> and <c>check</c> never disagree. Households are taken in roster order:
/// the first ones that name a helper fill its cap, later ones are <see cref="CurrentPairing.OverCap"/>.
/// </summary>
/// <remarks>Immutable once made.</remarks>
internal sealed class CurrentPairings
{
    private readonly CurrentPairing[] _status;

    private CurrentPairings(CurrentPairing[] status, int[] helperOf, int[] keptLoad, int[] named)
    {
        _status = status;
        HelperOf = helperOf;
        KeptLoad = keptLoad;
        Named = named;
    }

    /// <summary>For each household, the index of the helper it names, or -1 (none, or not in the roster).</summary>
    public int[] HelperOf { get; }

    /// <summary>For each helper, the households it keeps (its valid current pairings).</summary>
    public int[] KeptLoad { get; }

    /// <summary>For each helper, the households that name it, valid or not.</summary>
    public int[] Named { get; }

    /// <summary>How many households keep their helper.</summary>
    public int KeptCount { get; private init; }

    /// <summary>The classification of household <paramref name="household"/>'s current pairing.</summary>
    public CurrentPairing this[int household] => _status[household];

    public static CurrentPairings Classify(Placement placement)
    {
        var roster = placement.Roster;
        var households = roster.Households;
        var helpers = roster.Helpers;
        var places = roster.Places;
        var status = new CurrentPairing[households.Count];
        var helperOf = new int[households.Count];
        var keptLoad = new int[helpers.Count];
        var named = new int[helpers.Count];
        var kept = 0;
        for (var h = 0; h < households.Count; h++)
        {
            var i = places.CurrentHelperOf[h];
            helperOf[h] = i >= 0 ? i : -1;
            if (i >= 0)
            {
                named[i]++;
            }

            status[h] = i switch
            {
                -1 => CurrentPairing.None,
                RosterPlaces.UnknownHelper => CurrentPairing.UnknownHelper,
                _ => placement.GroupOf(i) switch
                {
                    null => CurrentPairing.HelperNotSelected,
                    var g when !g.InScope(helpers[i], households[h]) => CurrentPairing.OutOfScope,
                    var g when !placement.Accepts(h, placement.FilterOfGroup[g.Index]) => CurrentPairing.NotAccepted,
                    { Max: { } max } when keptLoad[i] >= max => CurrentPairing.OverCap,
                    _ => CurrentPairing.Valid,
                },
            };
            if (status[h] == CurrentPairing.Valid)
            {
                keptLoad[i]++;
                kept++;
            }
        }

        return new CurrentPairings(status, helperOf, keptLoad, named) { KeptCount = kept };
    }
}
