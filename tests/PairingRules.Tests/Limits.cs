using FluentAssertions;

namespace PairingRules.Tests;

/// <summary>The shape of every limit test: at the limit the input loads; one beyond, it fails with exactly one located problem.</summary>
internal static class Limits
{
    /// <summary>
    /// When <paramref name="accepted"/>, <paramref name="load"/> succeeds and its value is returned; otherwise it throws
    /// <typeparamref name="TException"/> with one problem, printed as <paramref name="problem"/> (only its message when
    /// <paramref name="messageOnly"/>), and the default is returned.
    /// </summary>
    public static T? Expect<TException, T>(Func<T> load, bool accepted, string problem, bool messageOnly = false)
        where TException : InputException
    {
        if (accepted)
        {
            return load.Should().NotThrow().Subject;
        }

        var found = load.Should().Throw<TException>().Which.Problems.Should().ContainSingle().Subject;
        (messageOnly ? found.Message : found.ToString()).Should().Be(problem);
        return default;
    }
}
