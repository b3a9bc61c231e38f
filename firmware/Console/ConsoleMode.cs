namespace KiWhi.Armoire.Firmware
{
    /// <summary>What the technician console does with the next line typed.</summary>
    public enum ConsoleMode
    {
        /// <summary>A command after the prompt.</summary>
        Command,

        /// <summary>The password of a login, without echo.</summary>
        LoginPassword,

        /// <summary>PBKDF2 is checking a login password over several loop iterations, while input waits.</summary>
        Verifying,

        /// <summary>The new password of passwd, without echo.</summary>
        NewPassword,

        /// <summary>The new password again, without echo.</summary>
        ConfirmPassword,

        /// <summary>PBKDF2 is hashing a new password over several loop iterations, while input waits.</summary>
        Hashing,

        /// <summary>The value of config set KEY, without echo for a secret.</summary>
        SettingValue,

        /// <summary>"yes" to reboot with sessions in progress.</summary>
        ConfirmReboot,

        /// <summary>The charge-point identity to confirm factory-reset.</summary>
        ConfirmFactoryReset,

        /// <summary>A relay test is running, and any line ends it.</summary>
        RelayTest,

        /// <summary>Waiting for a card, and any line cancels the test.</summary>
        ReaderTest,

        /// <summary>Showing keypad keys, and any line ends the test.</summary>
        KeypadTest,

        /// <summary>Waiting for a blank card to turn into a KiWhi Pass.</summary>
        CardPersonalization,

        /// <summary>An answer of the first-boot setup.</summary>
        Setup,

        /// <summary>A reboot was requested, so input is ignored.</summary>
        Rebooting,
    }
}
