namespace KiWhi.Armoire.Hal
{
    /// <summary>Status LED and buzzer of the cabinet's front panel.</summary>
    public interface IIndicators
    {
        /// <summary>Sets the LED colour and plays a buzzer pattern once.</summary>
        void Show(IndicatorColor color, BuzzerPattern pattern);
    }
}
