using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using KiWhi.Armoire.Protocol.Json;
using KiWhi.Armoire.Tools.Benchmarks.Codec;

namespace KiWhi.Armoire.Tools.Benchmarks
{
    /// <summary>Command line of the benchmarks: runs the sections named as arguments, or all of them.</summary>
    public static class Program
    {
        /// <summary>Every section, in the order a run without arguments uses. Add new sections here.</summary>
        private static readonly IBenchmarkSection[] Sections =
        {
            new CodecSection(),
            new Card.CardSection(),
            new Idle.IdleSection(),
            new Journal.JournalSection(),
        };

        public static int Main(string[] args)
        {
            if (args.Length == 1 && (args[0] == "--help" || args[0] == "-h"))
            {
                PrintUsage();
                return 0;
            }

            var selected = new List<IBenchmarkSection>();
            foreach (string name in args)
            {
                IBenchmarkSection section = Array.Find(Sections, s => s.Name == name.ToLowerInvariant());
                if (section == null)
                {
                    Console.Error.WriteLine("error: unknown section '" + name + "'.");
                    PrintUsage();
                    return 2;
                }

                selected.Add(section);
            }

            if (selected.Count == 0)
            {
                selected.AddRange(Sections);
            }

            PrintEnvironment();
            foreach (IBenchmarkSection section in selected)
            {
                Console.WriteLine();
                Console.WriteLine("== " + section.Name + ": " + section.Description);
                section.Run(Console.Out);
            }

            return 0;
        }

        private static void PrintUsage()
        {
            Console.WriteLine("Usage: dotnet run -c Release --project tools/Benchmarks [-- SECTION ...]");
            Console.WriteLine("Runs the named sections, or every section when none is named.");
            Console.WriteLine();
            Console.WriteLine("Sections:");
            foreach (IBenchmarkSection section in Sections)
            {
                Console.WriteLine("  " + section.Name.PadRight(10) + section.Description);
            }
        }

        private static void PrintEnvironment()
        {
            Console.WriteLine(
                ".NET " + Environment.Version + ", " + System.Runtime.InteropServices.RuntimeInformation.OSDescription
                + ", " + Environment.ProcessorCount + " logical processors, GC " + (GCSettings.IsServerGC ? "server" : "workstation"));

            if (!IsOptimized(typeof(JsonReader).Assembly) || !IsOptimized(typeof(Program).Assembly))
            {
                Console.WriteLine("WARNING: the measured code was built without optimization; run with -c Release for meaningful numbers.");
            }
        }

        private static bool IsOptimized(Assembly assembly)
        {
            var debuggable = assembly.GetCustomAttribute<DebuggableAttribute>();
            return debuggable == null || !debuggable.IsJITOptimizerDisabled;
        }
    }
}
