namespace PairingRules;

/// <summary>The unit a helper and a household must share for the helper to take the household.</summary>
public enum PairingScope
{
    /// <summary>Any household in the county (county leaders, cadres, enterprises).</summary>
    County = 0,

    /// <summary>A household of the helper's own township (township cadres).</summary>
    Township = 1,

    /// <summary>A household of the helper's own village, in the helper's township (village committee members).</summary>
    Village = 2,
}

/// <summary>The names of scopes as rule files write them.</summary>
internal static class PairingScopeNames
{
    public static string Name(this PairingScope scope) => scope switch
    {
        PairingScope.County => "county",
        PairingScope.Township => "township",
        _ => "village",
    };
}
