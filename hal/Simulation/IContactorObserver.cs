namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Receiver of contactor switches. Both methods run under the bank's lock, so the observer must not
    /// call back into the bank.
    /// </summary>
    internal interface IContactorObserver
    {
        /// <summary>Receives the state of every bay (index 0 is bay 1) at registration time.</summary>
        void OnAttached(bool[] closed, long monotonicMs);

        void OnSwitched(int bay, bool closed, long monotonicMs);
    }
}
