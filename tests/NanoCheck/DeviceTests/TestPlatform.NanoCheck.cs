namespace KiWhi.Armoire.Tests.Device
{
    public static partial class TestPlatform
    {
        private const string NotRunnable = "The nanoFramework check build only compiles TestPlatform; the device and host projects implement it.";
    }
}
