namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// The bays' contactors. Bays are numbered 1..<see cref="Count"/> like OCPP connectors. The board's
    /// output polarity is the implementation's business: <c>closed</c> always means the bay is powered.
    /// </summary>
    public interface IContactorBank
    {
        /// <summary>Number of contactors, one per bay.</summary>
        int Count { get; }

        /// <summary>Drives the contactor of <paramref name="bay"/> closed (powered) or open.</summary>
        void Set(int bay, bool closed);

        /// <summary>Returns the state last commanded for <paramref name="bay"/>.</summary>
        bool IsClosed(int bay);

        /// <summary>Opens every contactor; never throws.</summary>
        void OpenAll();
    }
}
