namespace KiWhi.Armoire.Firmware
{
    /// <summary>States of the resident interaction at the front panel.</summary>
    public enum FrontPanelState
    {
        /// <summary>Waiting for a card.</summary>
        Idle,

        /// <summary>Authorize sent for the presented card; waiting for the central system.</summary>
        Authorizing,

        /// <summary>Waiting for the parking-spot number and '#'.</summary>
        EnteringBay,

        /// <summary>Showing the outcome of the last action until it expires.</summary>
        ShowingMessage,
    }
}
