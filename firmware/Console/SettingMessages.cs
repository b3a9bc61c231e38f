namespace KiWhi.Armoire.Firmware
{
    /// <summary>Turns a <see cref="SettingCheck"/> into its catalogue message, for the console and for logs (in English).</summary>
    public static class SettingMessages
    {
        /// <summary>Returns the message of <paramref name="check"/> in <paramref name="language"/>: what is wrong, with which value, and what to type.</summary>
        public static string Describe(SettingCheck check, string language)
        {
            string[] arguments = new string[] { check.Key, check.Value, check.Limit1, check.Limit2 };
            return MessageCatalog.FormatConsole(TextOf(check.Error), language, arguments);
        }

        private static ConsoleTextId TextOf(SettingErrorKind error)
        {
            switch (error)
            {
                case SettingErrorKind.NotAnInteger:
                    return ConsoleTextId.ErrorNotAnInteger;
                case SettingErrorKind.OutOfRange:
                    return ConsoleTextId.ErrorOutOfRange;
                case SettingErrorKind.NotABoolean:
                    return ConsoleTextId.ErrorNotABoolean;
                case SettingErrorKind.TooShort:
                    return ConsoleTextId.ErrorTooShort;
                case SettingErrorKind.TooLong:
                    return ConsoleTextId.ErrorTooLong;
                case SettingErrorKind.TooShortCharacters:
                    return ConsoleTextId.ErrorTooShortCharacters;
                case SettingErrorKind.TooLongCharacters:
                    return ConsoleTextId.ErrorTooLongCharacters;
                case SettingErrorKind.InvalidCharacter:
                    return ConsoleTextId.ErrorInvalidCharacter;
                case SettingErrorKind.IdentityCharacter:
                    return ConsoleTextId.ErrorIdentityCharacter;
                case SettingErrorKind.NotAChoice:
                    return ConsoleTextId.ErrorNotAChoice;
                case SettingErrorKind.UrlScheme:
                    return ConsoleTextId.ErrorUrlScheme;
                case SettingErrorKind.UrlHost:
                    return ConsoleTextId.ErrorUrlHost;
                case SettingErrorKind.UrlPort:
                    return ConsoleTextId.ErrorUrlPort;
                case SettingErrorKind.UrlQuery:
                    return ConsoleTextId.ErrorUrlQuery;
                case SettingErrorKind.NotAnIpAddress:
                    return ConsoleTextId.ErrorNotAnIpAddress;
                case SettingErrorKind.ListItemNotAnInteger:
                    return ConsoleTextId.ErrorListItemNotAnInteger;
                case SettingErrorKind.ListDuplicate:
                    return ConsoleTextId.ErrorListDuplicate;
                case SettingErrorKind.ListCount:
                    return ConsoleTextId.ErrorListCount;
                case SettingErrorKind.NotHexadecimal:
                    return ConsoleTextId.ErrorNotHexadecimal;
                case SettingErrorKind.HexLength:
                    return ConsoleTextId.ErrorHexLength;
                case SettingErrorKind.UnknownKey:
                    return ConsoleTextId.ErrorUnknownKey;
                case SettingErrorKind.RequiredForNetwork:
                    return ConsoleTextId.ErrorRequiredForNetwork;
                case SettingErrorKind.NetworkNotOnBoard:
                    return ConsoleTextId.ErrorNetworkNotOnBoard;
                case SettingErrorKind.TooManyBays:
                    return ConsoleTextId.ErrorTooManyBays;
                case SettingErrorKind.PasswordMissing:
                    return ConsoleTextId.ErrorPasswordMissing;
                case SettingErrorKind.RequiredForCardAuthentication:
                    return ConsoleTextId.ErrorRequiredForCardAuthentication;
                case SettingErrorKind.InvalidFile:
                    return ConsoleTextId.ErrorInvalidFile;
                case SettingErrorKind.Utf16File:
                    return ConsoleTextId.ErrorUtf16File;
                case SettingErrorKind.DuplicateKey:
                    return ConsoleTextId.ErrorDuplicateKey;
                case SettingErrorKind.MaskNotContiguous:
                    return ConsoleTextId.ErrorMaskNotContiguous;
                case SettingErrorKind.AddressNotAHost:
                    return ConsoleTextId.ErrorAddressNotAHost;
                case SettingErrorKind.GatewayOutsideSubnet:
                    return ConsoleTextId.ErrorGatewayOutsideSubnet;
                case SettingErrorKind.FileTooLarge:
                    return ConsoleTextId.ErrorFileTooLarge;
                default:
                    return ConsoleTextId.ErrorRequired;
            }
        }
    }
}
