namespace KiWhi.Armoire.DeviceTests.Host
{
    /// <summary>Result of one launcher step, as the nanoFramework launcher prints it ("Test passed", "Test failed", "Test skipped").</summary>
    public enum DeviceTestOutcome
    {
        Passed,
        Failed,
        Skipped,
    }
}
