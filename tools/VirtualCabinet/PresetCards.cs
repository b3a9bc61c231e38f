using System;
using System.Collections.Generic;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>Names of the demo cards and their fixed 7-byte UIDs (NXP manufacturer code 04h first, like an Ultralight C).</summary>
    public static class PresetCards
    {
        /// <summary>Preset whose idTag the in-process bench central system rejects with status Invalid.</summary>
        public const string RejectedName = "mallory";

        /// <summary>A copy of alice's UID and data with a wrong key, which the cabinet's authentication rejects.</summary>
        public const string CloneName = "alice-clone";

        /// <summary>A factory-new Ultralight C that was never personalised.</summary>
        public const string BlankName = "blank";

        private static readonly Dictionary<string, string> UidsByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["alice"] = "04A11CE5000001",
            ["bob"] = "04B0B000000002",
            ["carol"] = "04CA7010000003",
            [RejectedName] = "04BAD000000004",
            [CloneName] = "04A11CE5000001",
            [BlankName] = "04B1A4C0000005",
        };

        /// <summary>Preset names in alphabetical order.</summary>
        public static string[] Names
        {
            get
            {
                var names = new List<string>(UidsByName.Keys);
                names.Sort(StringComparer.Ordinal);
                return names.ToArray();
            }
        }

        /// <summary>Returns the UID in hexadecimal of preset <paramref name="name"/>, or null.</summary>
        public static string UidOf(string name)
        {
            return UidsByName.TryGetValue(name, out string uid) ? uid : null;
        }

        /// <summary>Returns true when <paramref name="name"/> is a preset name, ignoring case.</summary>
        public static bool IsPreset(string name)
        {
            return UidsByName.ContainsKey(name);
        }
    }
}
