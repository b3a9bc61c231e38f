namespace KiWhi.Armoire.Hal
{
    /// <summary>Matrix keypad of the cabinet: digits 0-9, '*' (cancel) and '#' (confirm).</summary>
    public interface IKeypad
    {
        /// <summary>
        /// Starts scanning; every key press is reported to <paramref name="listener"/>, possibly from
        /// another thread, so the listener only enqueues.
        /// </summary>
        void Start(IKeypadListener listener);

        /// <summary>Stops scanning.</summary>
        void Stop();
    }
}
