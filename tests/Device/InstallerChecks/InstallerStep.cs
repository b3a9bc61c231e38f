namespace KiWhi.Armoire.Tests.Device.InstallerChecks
{
    /// <summary>
    /// Manual step of an installer check, announced with <see cref="TestPlatform.BeginInstallerStep"/>.
    /// On the board the installer performs it, and on the host a simulated installer does.
    /// </summary>
    public enum InstallerStep
    {
        /// <summary>Press every key of the keypad at least once, in any order.</summary>
        PressEveryKey,

        /// <summary>Pulse every S0 meter input at least once: short S0+ to S0- or draw power through the meter.</summary>
        PulseEveryMeterInput,
    }
}
