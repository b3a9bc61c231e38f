namespace KiWhi.Armoire.Hal
{
    /// <summary>Reboots the board when the cabinet loop stops feeding it.</summary>
    public interface IWatchdog
    {
        /// <summary>Arms the watchdog with a timeout in milliseconds.</summary>
        void Start(int timeoutMs);

        /// <summary>Reports progress of the cabinet loop.</summary>
        void Feed();
    }
}
