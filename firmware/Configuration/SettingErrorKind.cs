namespace KiWhi.Armoire.Firmware
{
    /// <summary>Why a setting value or a whole configuration was rejected; each has a message in the catalogue.</summary>
    public enum SettingErrorKind
    {
        None,
        Required,
        NotAnInteger,
        OutOfRange,
        NotABoolean,
        TooShort,
        TooLong,
        TooShortCharacters,
        TooLongCharacters,
        InvalidCharacter,
        IdentityCharacter,
        NotAChoice,
        UrlScheme,
        UrlHost,
        UrlPort,
        UrlQuery,
        NotAnIpAddress,
        ListItemNotAnInteger,
        ListDuplicate,
        ListCount,
        NotHexadecimal,
        HexLength,
        UnknownKey,
        RequiredForNetwork,
        NetworkNotOnBoard,
        TooManyBays,
        PasswordMissing,
        RequiredForCardAuthentication,
        InvalidFile,
        FileTooLarge,
        Utf16File,
    }
}
