namespace KiWhi.Armoire.Hal
{
    /// <summary>Optional character display of the front panel (2 lines of 16 characters on the supported boards).</summary>
    public interface ITextDisplay
    {
        /// <summary>Characters per line.</summary>
        int Columns { get; }

        /// <summary>Shows two lines, each already cut to <see cref="Columns"/> characters by the caller.</summary>
        void Show(string line1, string line2);
    }
}
