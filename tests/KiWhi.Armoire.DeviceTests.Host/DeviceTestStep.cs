using System.Reflection;

namespace KiWhi.Armoire.DeviceTests.Host
{
    /// <summary>One method the launcher invoked ([Setup], test or [Cleanup]) and how it ended.</summary>
    public sealed class DeviceTestStep
    {
        public DeviceTestStep(MethodInfo method, DeviceTestOutcome outcome, string message)
        {
            Method = method;
            Outcome = outcome;
            Message = message;
        }

        public MethodInfo Method { get; }

        public DeviceTestOutcome Outcome { get; }

        /// <summary>Message of the exception that failed or skipped the step, or null when it passed.</summary>
        public string Message { get; }

        public override string ToString()
        {
            string text = Method.DeclaringType.Name + "." + Method.Name + ": " + Outcome;
            return Message == null ? text : text + ", " + Message;
        }
    }
}
