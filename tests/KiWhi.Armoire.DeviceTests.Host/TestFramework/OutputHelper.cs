namespace nanoFramework.TestFramework
{
    /// <summary>Writes test output to the console, which the launcher's output goes to.</summary>
    public static class OutputHelper
    {
        public static void Write(string message)
        {
            System.Console.Write(message);
        }

        public static void WriteLine(string message)
        {
            System.Console.WriteLine(message);
        }
    }
}
