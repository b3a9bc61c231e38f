namespace KiWhi.Armoire.Hal
{
    /// <summary>Receiver of key presses; called from the keypad's scan thread on the device.</summary>
    public interface IKeypadListener
    {
        /// <summary>Reports one pressed key: '0'-'9', '*' or '#'.</summary>
        void OnKeyPressed(char key);
    }
}
