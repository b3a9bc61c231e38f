using System.IO;

namespace KiWhi.Armoire.Tools.Benchmarks
{
    /// <summary>A named group of measurements that the command line runs by name.</summary>
    public interface IBenchmarkSection
    {
        /// <summary>Lower-case name given on the command line, for example "codec".</summary>
        string Name { get; }

        /// <summary>One line for the help text: what is measured and against which reference.</summary>
        string Description { get; }

        /// <summary>Runs the measurements and prints their table and summary to <paramref name="output"/>.</summary>
        void Run(TextWriter output);
    }
}
