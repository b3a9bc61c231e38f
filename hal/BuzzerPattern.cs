namespace KiWhi.Armoire.Hal
{
    /// <summary>Buzzer sounds of the front panel.</summary>
    public enum BuzzerPattern
    {
        /// <summary>Silent.</summary>
        None,

        /// <summary>One short beep: key press or card read.</summary>
        Click,

        /// <summary>Two short beeps: accepted.</summary>
        Success,

        /// <summary>One long beep: rejected.</summary>
        Error,
    }
}
