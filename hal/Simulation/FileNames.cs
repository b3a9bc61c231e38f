using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>File-name rule shared by the simulated storages.</summary>
    internal static class FileNames
    {
        /// <summary>
        /// Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is a flat name of ASCII
        /// letters, digits, '.', '-' and '_', other than "." and "..". This subset is valid on the
        /// device's flash file system and on every host, so a name that works in a test works everywhere.
        /// </summary>
        public static void Check(string name)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (name.Length == 0 || name == "." || name == "..")
            {
                throw new ArgumentException("The file name '" + name + "' is invalid: use letters, digits, '.', '-' and '_'.", nameof(name));
            }

            foreach (char c in name)
            {
                bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
                if (!allowed)
                {
                    throw new ArgumentException("The file name '" + name + "' contains '" + c + "': use letters, digits, '.', '-' and '_' only, with no folder.", nameof(name));
                }
            }
        }
    }
}
