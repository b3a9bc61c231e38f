using System.Device.Gpio;
using System.Threading;
using KiWhi.Armoire.Boards;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// RGB status LED and active buzzer on GPIOs. Pins the profile does not wire are skipped. Buzzer
    /// patterns play on a dedicated thread, so <see cref="Show"/> returns at once.
    /// </summary>
    public sealed class GpioIndicators : IIndicators
    {
        private const int ClickMs = 40;
        private const int SuccessBeepMs = 80;
        private const int ErrorBeepMs = 600;

        private readonly GpioPin _red;
        private readonly GpioPin _green;
        private readonly GpioPin _blue;
        private readonly GpioPin _buzzer;
        private readonly PinValue _ledOn;
        private readonly PinValue _ledOff;
        private readonly AutoResetEvent _patternRequested = new AutoResetEvent(false);
        private BuzzerPattern _pendingPattern = BuzzerPattern.None;

        /// <summary>Opens the LED and buzzer pins of <paramref name="profile"/>, all off.</summary>
        public GpioIndicators(BoardProfile profile, GpioController gpio)
        {
            _ledOn = profile.LedActiveHigh ? PinValue.High : PinValue.Low;
            _ledOff = profile.LedActiveHigh ? PinValue.Low : PinValue.High;
            _red = OpenOutput(gpio, profile.LedRedPin, _ledOff);
            _green = OpenOutput(gpio, profile.LedGreenPin, _ledOff);
            _blue = OpenOutput(gpio, profile.LedBluePin, _ledOff);
            _buzzer = OpenOutput(gpio, profile.BuzzerPin, PinValue.Low);

            if (_buzzer != null)
            {
                new Thread(PlayPatterns).Start();
            }
        }

        /// <summary>Sets the LED colour (yellow is red and green together) and queues the buzzer pattern.</summary>
        public void Show(IndicatorColor color, BuzzerPattern pattern)
        {
            Write(_red, color == IndicatorColor.Red || color == IndicatorColor.Yellow);
            Write(_green, color == IndicatorColor.Green || color == IndicatorColor.Yellow);
            Write(_blue, color == IndicatorColor.Blue);

            if (_buzzer != null && pattern != BuzzerPattern.None)
            {
                _pendingPattern = pattern;
                _patternRequested.Set();
            }
        }

        private static GpioPin OpenOutput(GpioController gpio, int pin, PinValue initial)
        {
            if (pin == BoardProfile.NoPin)
            {
                return null;
            }

            GpioPin output = gpio.OpenPin(pin, PinMode.Output);
            output.Write(initial);
            return output;
        }

        private void Write(GpioPin led, bool on)
        {
            if (led != null)
            {
                led.Write(on ? _ledOn : _ledOff);
            }
        }

        private void PlayPatterns()
        {
            while (true)
            {
                _patternRequested.WaitOne();
                switch (_pendingPattern)
                {
                    case BuzzerPattern.Click:
                        Beep(ClickMs);
                        break;
                    case BuzzerPattern.Success:
                        Beep(SuccessBeepMs);
                        Thread.Sleep(SuccessBeepMs);
                        Beep(SuccessBeepMs);
                        break;
                    case BuzzerPattern.Error:
                        Beep(ErrorBeepMs);
                        break;
                }
            }
        }

        private void Beep(int durationMs)
        {
            _buzzer.Write(PinValue.High);
            Thread.Sleep(durationMs);
            _buzzer.Write(PinValue.Low);
        }
    }
}
