namespace KiWhi.Armoire.Hal
{
    /// <summary>Colours of the front-panel LED.</summary>
    public enum IndicatorColor
    {
        /// <summary>LED off.</summary>
        Off,

        /// <summary>Idle and ready.</summary>
        Blue,

        /// <summary>Waiting for the resident or the server.</summary>
        Yellow,

        /// <summary>Accepted: charging started or stopped.</summary>
        Green,

        /// <summary>Rejected or fault.</summary>
        Red,
    }
}
