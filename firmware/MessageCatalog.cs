namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// French and English resident texts, two display lines each. Every line fits a 16-column display
    /// once its arguments ({0} a parking-spot number of at most 4 digits, {1} an energy in kWh such as
    /// "1234.5") are substituted; a host test checks both the coverage and the widths.
    /// </summary>
    public static partial class MessageCatalog
    {
        /// <summary>Columns of the smallest supported display.</summary>
        public const int DisplayColumns = 16;

        private static readonly string[] French = new string[]
        {
            "KiWhi Armoire\nBadgez la carte",
            "Carte lue\nVérification...",
            "N° place puis #\n* pour annuler",
            "N° place puis #\nPlace : {0}",
            "Arrêt : n° place\npuis #",
            "Annulé\n",
            "Délai dépassé\nBadgez à nouveau",
            "Place {0}\ninconnue",
            "Place {0}\noccupée",
            "Place {0}\nhors service",
            "Charge démarrée\nplace {0}",
            "Fin place {0}\n{1} kWh",
            "Carte refusée\ncarte inconnue",
            "Carte refusée\ncarte bloquée",
            "Carte refusée\ncarte expirée",
            "Carte refusée\ndéjà en charge",
            "Déjà en charge\nplace {0}",
            "Serveur absent\nRéessayez",
            "Charge refusée\nplace {0}",
            "Carte non\nreconnue",
            "Hors service\nAppel technicien",
            "Armoire\nhors service",
            "Carte non valide\nformat inconnu",
            "Carte retirée\ntrop tôt",
        };

        private static readonly string[] English = new string[]
        {
            "KiWhi Armoire\nPresent card",
            "Card read\nChecking...",
            "Spot number + #\n* to cancel",
            "Spot number + #\nSpot: {0}",
            "Stop: spot no.\nthen #",
            "Cancelled\n",
            "Timed out\nBadge again",
            "Spot {0}\ndoes not exist",
            "Spot {0}\nin use",
            "Spot {0}\nout of service",
            "Charging started\nspot {0}",
            "Ended, spot {0}\n{1} kWh",
            "Card rejected\nunknown card",
            "Card rejected\ncard blocked",
            "Card rejected\ncard expired",
            "Card rejected\nalready charging",
            "Already charging\nspot {0}",
            "No server\nTry again later",
            "Charge refused\nspot {0}",
            "Card not\nrecognised",
            "Out of order\nCall technician",
            "Cabinet\nout of service",
            "Invalid card\nunknown format",
            "Card removed\ntoo soon",
        };

        /// <summary>Number of texts in each language.</summary>
        public static int FrenchCount
        {
            get { return French.Length; }
        }

        /// <summary>Number of texts in each language.</summary>
        public static int EnglishCount
        {
            get { return English.Length; }
        }

        /// <summary>Returns the raw entry ("line1\nline2", with {0}/{1} placeholders) or null when missing.</summary>
        public static string GetEntry(TextId id, string language)
        {
            string[] table = IsEnglish(language) ? English : French;
            int index = (int)id;
            if (index < 0 || index >= table.Length)
            {
                return null;
            }

            return table[index];
        }

        /// <summary>
        /// Returns one line of the text (0 or 1) with its arguments substituted. A missing entry falls
        /// back to French, then to the numeric id, so that a gap in the catalogue never throws on the device.
        /// </summary>
        public static string GetLine(TextId id, string language, int line, string argument0, string argument1)
        {
            string entry = GetEntry(id, language);
            if (entry == null)
            {
                entry = GetEntry(id, "fr");
            }

            if (entry == null)
            {
                return line == 0 ? "#" + ((int)id).ToString() : "";
            }

            int split = entry.IndexOf('\n');
            string text = line == 0 ? entry.Substring(0, split) : entry.Substring(split + 1);
            text = Substitute(text, "{0}", argument0);
            return Substitute(text, "{1}", argument1);
        }

        /// <summary>Returns true for "en" (any case); every other value means French.</summary>
        public static bool IsEnglish(string language)
        {
            return language != null && language.Length == 2
                && (language[0] == 'e' || language[0] == 'E') && (language[1] == 'n' || language[1] == 'N');
        }

        private static string Substitute(string text, string placeholder, string value)
        {
            int at = text.IndexOf(placeholder);
            if (at < 0)
            {
                return text;
            }

            return text.Substring(0, at) + (value ?? "") + text.Substring(at + placeholder.Length);
        }
    }
}
