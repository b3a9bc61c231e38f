namespace KiWhi.Armoire.Boards
{
    /// <summary>The supported boards, found by profile name.</summary>
    public static class BoardCatalogue
    {
        /// <summary>Names of every supported board profile.</summary>
        public static string[] Names
        {
            get { return new string[] { Esp32WroverDevKitC.Name, OlimexEsp32PoeIso.Name, Esp32DevKitCWroom.Name }; }
        }

        /// <summary>Returns a new copy of the named profile (case-sensitive), or null when no board has that name.</summary>
        public static BoardProfile Find(string name)
        {
            switch (name)
            {
                case Esp32WroverDevKitC.Name:
                    return Esp32WroverDevKitC.Create();
                case OlimexEsp32PoeIso.Name:
                    return OlimexEsp32PoeIso.Create();
                case Esp32DevKitCWroom.Name:
                    return Esp32DevKitCWroom.Create();
                default:
                    return null;
            }
        }

        /// <summary>Returns a new copy of every supported profile.</summary>
        public static BoardProfile[] All()
        {
            string[] names = Names;
            BoardProfile[] profiles = new BoardProfile[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                profiles[i] = Find(names[i]);
            }

            return profiles;
        }
    }
}
