using System;
using System.Device.Gpio;
using Iot.Device.KeyMatrix;
using KiWhi.Armoire.Boards;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// Matrix keypad scanned by the nanoFramework KeyMatrix binding: rows are driven high one at a
    /// time and the columns read as plain inputs, so each column needs an external pull-down resistor.
    /// </summary>
    public sealed class KeyMatrixKeypad : IKeypad
    {
        private readonly KeyMatrix _matrix;
        private readonly BoardProfile _profile;
        private IKeypadListener _listener;

        /// <summary>Opens the keypad pins of <paramref name="profile"/>; scanning starts with <see cref="Start"/>.</summary>
        public KeyMatrixKeypad(BoardProfile profile, GpioController gpio)
        {
            _profile = profile;
            _matrix = new KeyMatrix(
                profile.KeypadRowPins,
                profile.KeypadColumnPins,
                TimeSpan.FromTicks(profile.KeypadScanIntervalMs * TimeSpan.TicksPerMillisecond),
                gpio,
                false);
        }

        /// <summary>Starts the binding's scan thread; presses reach <paramref name="listener"/> on that thread.</summary>
        public void Start(IKeypadListener listener)
        {
            _listener = listener;
            _matrix.KeyEvent += OnKeyEvent;
            _matrix.StartListeningKeyEvent();
        }

        public void Stop()
        {
            _matrix.StopListeningKeyEvent();
            _matrix.KeyEvent -= OnKeyEvent;
        }

        private void OnKeyEvent(object sender, KeyMatrixEvent keyMatrixEvent)
        {
            // Rising: the column went high while its row was driven, so the key went down.
            if (keyMatrixEvent.EventType != PinEventTypes.Rising)
            {
                return;
            }

            char key = _profile.KeyAt(keyMatrixEvent.Output, keyMatrixEvent.Input);
            bool cabinetKey = (key >= '0' && key <= '9') || key == '*' || key == '#';
            IKeypadListener listener = _listener;
            if (cabinetKey && listener != null)
            {
                listener.OnKeyPressed(key);
            }
        }
    }
}
