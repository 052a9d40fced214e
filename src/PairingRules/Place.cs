namespace PairingRules;

/// <summary>
/// A place of a roster: a township (乡镇) or an administrative village (行政村), of a county (县) when the roster names
/// counties. Results name places with it rather than with loose strings.
/// </summary>
/// <remarks>
/// <para>Places compare ordinally, county first, then township, then village, a missing part before any name: the
/// order in which results list townships and villages.</para>
/// <threadsafety>Immutable and safe to share between threads.</threadsafety>
/// </remarks>
public sealed class Place : IEquatable<Place>, IComparable<Place>
{
    /// <summary>Creates a place.</summary>
    /// <param name="county">The county, or <see langword="null"/> when the roster names no county; blank counts as none.</param>
    /// <param name="township">The township, or <see langword="null"/> for a whole county; blank counts as none.</param>
    /// <param name="village">The village, or <see langword="null"/> for a whole township (or county); blank counts as none.</param>
    /// <exception cref="ArgumentException">A village is given without a township, or no part is given.</exception>
    public Place(string? county, string? township, string? village)
    {
        County = string.IsNullOrWhiteSpace(county) ? null : county;
        Township = string.IsNullOrWhiteSpace(township) ? null : township;
        Village = string.IsNullOrWhiteSpace(village) ? null : village;
        if (Village is not null && Township is null)
        {
            throw new ArgumentException("A village place needs its township.", nameof(township));
        }

        if (County is null && Township is null)
        {
            throw new ArgumentException("A place needs a county, a township or both.", nameof(township));
        }
    }

    /// <summary>The county, or <see langword="null"/> when the roster names no county.</summary>
    public string? County { get; }

    /// <summary>The township, or <see langword="null"/> for a whole county.</summary>
    public string? Township { get; }

    /// <summary>The village, or <see langword="null"/> for a whole township or county.</summary>
    public string? Village { get; }

    /// <summary>Compares ordinally: county, township, then village; a missing part comes first.</summary>
    /// <param name="other">The other place.</param>
    /// <returns>Negative if this place comes first, zero if equal, positive if it comes after (any place comes after
    /// <see langword="null"/>).</returns>
    public int CompareTo(Place? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(County, other.County);
        if (c == 0) { c = string.CompareOrdinal(Township, other.Township); }
        if (c == 0) { c = string.CompareOrdinal(Village, other.Village); }
        return c;
    }

    /// <summary>Whether the other place has the same county, township and village (ordinal).</summary>
    /// <param name="other">The other place.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(Place? other) =>
        other is not null &&
        string.Equals(County, other.County, StringComparison.Ordinal) &&
        string.Equals(Township, other.Township, StringComparison.Ordinal) &&
        string.Equals(Village, other.Village, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Place);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        County is null ? 0 : StringComparer.Ordinal.GetHashCode(County),
        Township is null ? 0 : StringComparer.Ordinal.GetHashCode(Township),
        Village is null ? 0 : StringComparer.Ordinal.GetHashCode(Village));

    /// <summary>The place for people: its parts that are not <see langword="null"/>, joined with <c>/</c>, for example
    /// <c>蔚汾镇</c>, <c>蔚汾镇/城关村</c> or <c>兴县/蔚汾镇</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => (County, Township, Village) switch
    {
        (null, { } t, null) => t,
        (null, { } t, { } v) => $"{t}/{v}",
        ({ } c, null, _) => c,
        ({ } c, { } t, null) => $"{c}/{t}",
        _ => $"{County}/{Township}/{Village}",
    };

    /// <summary>Whether two places are equal (<see cref="Equals(Place?)"/>).</summary>
    /// <param name="left">One place, or <see langword="null"/>.</param>
    /// <param name="right">The other place, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if equal, or both <see langword="null"/>.</returns>
    public static bool operator ==(Place? left, Place? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two places differ (<see cref="Equals(Place?)"/>).</summary>
    /// <param name="left">One place, or <see langword="null"/>.</param>
    /// <param name="right">The other place, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(Place? left, Place? right) => !(left == right);

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/> (<see cref="CompareTo"/>).</summary>
    /// <param name="left">One place, or <see langword="null"/> (which comes first).</param>
    /// <param name="right">The other place, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if it comes before.</returns>
    public static bool operator <(Place? left, Place? right) => Compare(left, right) < 0;

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/> or is equal to it.</summary>
    /// <param name="left">One place, or <see langword="null"/> (which comes first).</param>
    /// <param name="right">The other place, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if it comes before or is equal.</returns>
    public static bool operator <=(Place? left, Place? right) => Compare(left, right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    /// <param name="left">One place, or <see langword="null"/> (which comes first).</param>
    /// <param name="right">The other place, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if it comes after.</returns>
    public static bool operator >(Place? left, Place? right) => Compare(left, right) > 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/> or is equal to it.</summary>
    /// <param name="left">One place, or <see langword="null"/> (which comes first).</param>
    /// <param name="right">The other place, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if it comes after or is equal.</returns>
    public static bool operator >=(Place? left, Place? right) => Compare(left, right) >= 0;

    private static int Compare(Place? left, Place? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
