using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Checks the text form of one setting value against its <see cref="SettingDefinition"/>. The
    /// console, the first-boot setup, the provisioning file and the stored configuration all go
    /// through these checks, so a value is valid or not whatever path it came by.
    /// </summary>
    public static class SettingValidator
    {
        /// <summary>Returns <see cref="SettingCheck.Valid"/> or the first problem of <paramref name="text"/> (already trimmed).</summary>
        public static SettingCheck Check(SettingDefinition setting, string text)
        {
            if (text == null || text.Length == 0)
            {
                return setting.IsOptional ? SettingCheck.Valid : Error(SettingErrorKind.Required, setting, "", null, null);
            }

            switch (setting.Type)
            {
                case SettingType.Integer:
                    return CheckInteger(setting, text);
                case SettingType.Boolean:
                    return CheckBoolean(setting, text);
                case SettingType.Choice:
                    return CheckChoice(setting, text);
                case SettingType.Url:
                    return CheckUrl(setting, text);
                case SettingType.Identity:
                    return CheckIdentity(setting, text);
                case SettingType.IpAddress:
                    return IsIpAddress(text) ? SettingCheck.Valid : Error(SettingErrorKind.NotAnIpAddress, setting, text, null, null);
                case SettingType.IntegerList:
                    int[] ignored;
                    return ParseList(setting, text, out ignored);
                case SettingType.HexKey:
                    return CheckHexKey(setting, text);
                default:
                    return CheckText(setting, text);
            }
        }

        /// <summary>Parses a list that <see cref="Check"/> accepted, or returns the problem and a null list.</summary>
        public static SettingCheck ParseList(SettingDefinition setting, string text, out int[] values)
        {
            values = null;
            string[] parts = text.Split(',');
            if (parts.Length < setting.Minimum || parts.Length > setting.Maximum)
            {
                return Error(SettingErrorKind.ListCount, setting, parts.Length.ToString(), setting.Minimum.ToString(), setting.Maximum.ToString());
            }

            int[] parsed = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                string part = SettingText.TrimSpaces(parts[i]);
                int value;
                if (!SettingText.TryParseInteger(part, out value))
                {
                    return Error(SettingErrorKind.ListItemNotAnInteger, setting, part, null, null);
                }

                if (value < setting.ItemMinimum || value > setting.ItemMaximum)
                {
                    return Error(SettingErrorKind.OutOfRange, setting, part, setting.ItemMinimum.ToString(), setting.ItemMaximum.ToString());
                }

                for (int j = 0; j < i; j++)
                {
                    if (parsed[j] == value)
                    {
                        return Error(SettingErrorKind.ListDuplicate, setting, part, null, null);
                    }
                }

                parsed[i] = value;
            }

            values = parsed;
            return SettingCheck.Valid;
        }

        /// <summary>Returns true for four decimal numbers 0-255 separated by dots, without leading zeros.</summary>
        public static bool IsIpAddress(string text)
        {
            uint address;
            return TryParseIpAddress(text, out address);
        }

        /// <summary>Parses an address <see cref="IsIpAddress"/> accepts into its 32-bit value, first byte highest.</summary>
        public static bool TryParseIpAddress(string text, out uint address)
        {
            address = 0;
            string[] parts = text == null ? new string[0] : text.Split('.');
            if (parts.Length != 4)
            {
                return false;
            }

            for (int i = 0; i < 4; i++)
            {
                string part = parts[i];
                if (part.Length == 0 || part.Length > 3 || (part.Length > 1 && part[0] == '0'))
                {
                    return false;
                }

                int value;
                if (!SettingText.TryParseInteger(part, out value) || value < 0 || value > 255 || part[0] == '-')
                {
                    return false;
                }

                address = (address << 8) | (uint)value;
            }

            return true;
        }

        private static SettingCheck CheckInteger(SettingDefinition setting, string text)
        {
            int value;
            if (!SettingText.TryParseInteger(text, out value))
            {
                return Error(SettingErrorKind.NotAnInteger, setting, text, WithUnit(setting.Minimum, setting), WithUnit(setting.Maximum, setting));
            }

            if (value < setting.Minimum || value > setting.Maximum)
            {
                return Error(SettingErrorKind.OutOfRange, setting, WithUnit(value, setting), WithUnit(setting.Minimum, setting), WithUnit(setting.Maximum, setting));
            }

            return SettingCheck.Valid;
        }

        private static SettingCheck CheckBoolean(SettingDefinition setting, string text)
        {
            string lower = SettingText.ToLowerAscii(text);
            return lower == "true" || lower == "false" ? SettingCheck.Valid : Error(SettingErrorKind.NotABoolean, setting, text, null, null);
        }

        private static SettingCheck CheckChoice(SettingDefinition setting, string text)
        {
            string lower = SettingText.ToLowerAscii(text);
            string list = "";
            for (int i = 0; i < setting.Choices.Length; i++)
            {
                if (setting.Choices[i] == lower)
                {
                    return SettingCheck.Valid;
                }

                list += i == 0 ? setting.Choices[i] : ", " + setting.Choices[i];
            }

            return Error(SettingErrorKind.NotAChoice, setting, text, list, null);
        }

        private static SettingCheck CheckText(SettingDefinition setting, string text)
        {
            SettingCheck length = CheckLength(setting, text);
            if (!length.IsValid)
            {
                return length;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (SettingText.IsControl(text[i]))
                {
                    return Error(SettingErrorKind.InvalidCharacter, setting, (i + 1).ToString(), null, null);
                }
            }

            return SettingCheck.Valid;
        }

        // The identity is a URL path segment and the user-id of HTTP Basic authentication, which
        // cannot contain ':' (RFC 7617 §2); '/' would split the path on central systems that decode it.
        private static SettingCheck CheckIdentity(SettingDefinition setting, string text)
        {
            SettingCheck length = CheckLength(setting, text);
            if (!length.IsValid)
            {
                return length;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c <= ' ' || c > '~' || c == ':' || c == '/')
                {
                    return Error(SettingErrorKind.IdentityCharacter, setting, (i + 1).ToString(), null, null);
                }
            }

            return SettingCheck.Valid;
        }

        private static SettingCheck CheckUrl(SettingDefinition setting, string text)
        {
            SettingCheck length = CheckLength(setting, text);
            if (!length.IsValid)
            {
                return length;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c <= ' ' || c > '~')
                {
                    return Error(SettingErrorKind.InvalidCharacter, setting, (i + 1).ToString(), null, null);
                }

                if (c == '?' || c == '#')
                {
                    return Error(SettingErrorKind.UrlQuery, setting, text, null, null);
                }
            }

            string lower = SettingText.ToLowerAscii(text);
            int authorityStart;
            if (lower.StartsWith("ws://"))
            {
                authorityStart = 5;
            }
            else if (lower.StartsWith("wss://"))
            {
                authorityStart = 6;
            }
            else
            {
                return Error(SettingErrorKind.UrlScheme, setting, text, null, null);
            }

            int authorityEnd = text.IndexOf('/', authorityStart);
            if (authorityEnd < 0)
            {
                authorityEnd = text.Length;
            }

            return CheckAuthority(setting, text, authorityStart, authorityEnd);
        }

        // host[:port], where host is a DNS name, an IPv4 address or a bracketed IPv6 literal; user
        // information ("user@") is rejected because Basic authentication uses AuthorizationKey.
        private static SettingCheck CheckAuthority(SettingDefinition setting, string text, int start, int end)
        {
            int hostEnd;
            if (start < end && text[start] == '[')
            {
                int close = text.IndexOf(']', start);
                if (close < 0 || close >= end || close == start + 1)
                {
                    return Error(SettingErrorKind.UrlHost, setting, text, null, null);
                }

                hostEnd = close + 1;
            }
            else
            {
                hostEnd = start;
                while (hostEnd < end && text[hostEnd] != ':')
                {
                    char c = text[hostEnd];
                    bool hostChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
                    if (!hostChar)
                    {
                        return Error(SettingErrorKind.UrlHost, setting, text, null, null);
                    }

                    hostEnd++;
                }

                if (hostEnd == start)
                {
                    return Error(SettingErrorKind.UrlHost, setting, text, null, null);
                }
            }

            if (hostEnd == end)
            {
                return SettingCheck.Valid;
            }

            if (text[hostEnd] != ':')
            {
                return Error(SettingErrorKind.UrlHost, setting, text, null, null);
            }

            string portText = text.Substring(hostEnd + 1, end - hostEnd - 1);
            int port;
            if (!SettingText.TryParseInteger(portText, out port) || port < 1 || port > 65535 || portText[0] == '-')
            {
                return Error(SettingErrorKind.UrlPort, setting, text, null, null);
            }

            return SettingCheck.Valid;
        }

        private static SettingCheck CheckHexKey(SettingDefinition setting, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex)
                {
                    return Error(SettingErrorKind.NotHexadecimal, setting, "", null, null);
                }
            }

            if (text.Length < setting.Minimum || text.Length > setting.Maximum || text.Length % 2 != 0)
            {
                return Error(SettingErrorKind.HexLength, setting, text.Length.ToString(), setting.Minimum.ToString(), setting.Maximum.ToString());
            }

            return SettingCheck.Valid;
        }

        // Lengths are UTF-8 bytes, because the limits that matter are byte limits: 32 octets for a Wi-Fi
        // SSID (IEEE 802.11), 20 characters of ASCII for a CiString20. URLs and identities hold ASCII
        // only, so their messages speak of characters.
        private static SettingCheck CheckLength(SettingDefinition setting, string text)
        {
            bool asciiOnly = setting.Type == SettingType.Url || setting.Type == SettingType.Identity;
            int bytes = Utf8.GetByteCount(text);
            if (bytes < setting.Minimum)
            {
                SettingErrorKind kind = asciiOnly ? SettingErrorKind.TooShortCharacters : SettingErrorKind.TooShort;
                return Error(kind, setting, bytes.ToString(), setting.Minimum.ToString(), setting.Maximum.ToString());
            }

            if (bytes > setting.Maximum)
            {
                SettingErrorKind kind = asciiOnly ? SettingErrorKind.TooLongCharacters : SettingErrorKind.TooLong;
                return Error(kind, setting, bytes.ToString(), setting.Minimum.ToString(), setting.Maximum.ToString());
            }

            return SettingCheck.Valid;
        }

        private static string WithUnit(int value, SettingDefinition setting)
        {
            return setting.Unit.Length == 0 ? value.ToString() : value.ToString() + " " + setting.Unit;
        }

        // A secret's value never reaches a message: only lengths and positions, which the callers pass.
        private static SettingCheck Error(SettingErrorKind kind, SettingDefinition setting, string value, string limit1, string limit2)
        {
            bool keepsValue = kind == SettingErrorKind.TooShort || kind == SettingErrorKind.TooLong || kind == SettingErrorKind.InvalidCharacter
                || kind == SettingErrorKind.TooShortCharacters || kind == SettingErrorKind.TooLongCharacters
                || kind == SettingErrorKind.IdentityCharacter || kind == SettingErrorKind.HexLength || kind == SettingErrorKind.ListCount;
            string echoed = setting.IsSecret && !keepsValue ? "" : SettingText.Printable(value);
            return new SettingCheck(kind, setting.Key, echoed, limit1, limit2);
        }
    }
}
