namespace PairingRules;

/// <summary>
/// The place (county, township or village) a helper and a household must share for the helper to take the household. Whatever the scope, a helper
/// takes households of its own county only (<see cref="Helper.County"/>; when the roster names no county, the whole
/// roster is one county).
/// </summary>
public enum PairingScope
{
    /// <summary>Any household in the helper's own county (county leaders, cadres, enterprises).</summary>
    County = 0,

    /// <summary>A household of the helper's own township, in the helper's county (township cadres).</summary>
    Township = 1,

    /// <summary>A household of the helper's own village, in the helper's township and county (village committee members).</summary>
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
