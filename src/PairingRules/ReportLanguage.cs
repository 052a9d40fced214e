namespace PairingRules;

/// <summary>
/// The language of the texts made for people from a result: reasons, remedies and certificates
/// (<see cref="ResultText"/>), and the reports of the <c>pairing-rules</c> tool (<c>--lang</c>).
/// </summary>
/// <remarks>
/// A language is always chosen explicitly: nothing reads the machine's culture, so the same result gives the same text
/// on every machine. Numbers are written the same way in both languages: invariant digits with thousands separators
/// (<c>16,800</c>).
/// </remarks>
public enum ReportLanguage
{
    /// <summary>English (the default).</summary>
    English = 0,

    /// <summary>Simplified Chinese (zh-Hans), in the words a county office uses (户, 名, 乡镇, 兜底, 缺口, 帮扶责任人).</summary>
    Chinese = 1,
}
