using System.Globalization;
using System.Text;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Tests.Nano;

namespace KiWhi.Armoire.Tests.Console;

/// <summary>
/// Scripted technician sessions compared with reviewed transcripts, in French and in English. Each
/// golden/NAME.in script runs against a fresh cabinet, and its whole terminal output must equal
/// golden/NAME.LANGUAGE.txt. The script format is described in golden/README.md.
/// </summary>
public class GoldenTranscriptTests
{
    public static TheoryData<string, string> Scenarios()
    {
        var data = new TheoryData<string, string>();
        foreach (string script in Directory.GetFiles(GoldenFolder, "*.in").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(script), "fr");
            data.Add(Path.GetFileNameWithoutExtension(script), "en");
        }

        return data;
    }

    private static string GoldenFolder => Path.Combine(RepositoryLayout.Root, "tests", "KiWhi.Armoire.Tests", "Console", "golden");

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Transcript_MatchesGolden(string scenario, string language)
    {
        string actual = Run(File.ReadAllLines(Path.Combine(GoldenFolder, scenario + ".in")), language);
        string goldenPath = Path.Combine(GoldenFolder, scenario + "." + language + ".txt");
        string actualPath = goldenPath + ".actual";

        // Set UPDATE_GOLDEN=1 to write the transcripts after a deliberate change, then review their diff.
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, actual);
        }

        string expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath) : "";
        if (expected != actual)
        {
            File.WriteAllText(actualPath, actual);
        }
        else if (File.Exists(actualPath))
        {
            File.Delete(actualPath);
        }

        Assert.True(expected == actual, "transcript differs from " + goldenPath + " at " + FirstDifference(expected, actual)
            + "; the actual output is in " + actualPath);
    }

    /// <summary>Runs a script and returns the transcript: the console output with the directives shown as "# @..." lines.</summary>
    public static string Run(string[] script, string language)
    {
        bool provisioned = !script.Any(line => line.Trim() == "@rig unprovisioned");
        var rig = new ConsoleRig(language, provisioned);
        var transcript = new StringBuilder(rig.Start());
        foreach (string rawLine in script)
        {
            if (rawLine.StartsWith("#", StringComparison.Ordinal) || rawLine.Trim().Length == 0 || rawLine.StartsWith("@rig ", StringComparison.Ordinal))
            {
                continue;
            }

            if (!rawLine.StartsWith("@", StringComparison.Ordinal))
            {
                transcript.Append(rig.Type(rawLine));
                continue;
            }

            string[] words = rawLine.Split(' ', 2);
            string argument = words.Length > 1 ? words[1] : "";
            switch (words[0])
            {
                case "@fr":
                case "@en":
                    if (words[0] == "@" + language)
                    {
                        transcript.Append(rig.Type(argument));
                    }

                    continue;
                case "@enter":
                    transcript.Append(rig.Type(""));
                    continue;
                case "@text":
                    // Typed without Enter, to build a line from several directives.
                    rig.Line.Inject(argument);
                    transcript.Append(rig.Settle());
                    continue;
                case "@bytes":
                    transcript.Append(rig.Send(Convert.FromHexString(argument.Replace(" ", ""))));
                    continue;
            }

            // Events outside the terminal are marked, since the terminal itself shows nothing of them.
            transcript.Append("\n# " + rawLine + "\n");
            transcript.Append(RunDirective(rig, words[0], argument));
        }

        return ShowControlCharacters(transcript.ToString());
    }

    // Makes the transcript readable and diffable: control characters other than LF (the backspace
    // echo "\b \b", for example) are written as \b or \xNN.
    private static string ShowControlCharacters(string text)
    {
        var shown = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c == '\b')
            {
                shown.Append("\\b");
            }
            else if (c < ' ' && c != '\n')
            {
                shown.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }

    private static string RunDirective(ConsoleRig rig, string directive, string argument)
    {
        switch (directive)
        {
            case "@wait":
                return rig.Wait(double.Parse(argument, CultureInfo.InvariantCulture));
            case "@card":
                rig.Rig.Reader.Present(UidCard.FromHex(argument));
                return rig.Wait(0.5);
            case "@remove":
                rig.Rig.Reader.Remove();
                return rig.Wait(KiWhi.Armoire.Firmware.Cabinet.CardRemovedAfterMs / 1000.0 + 0.3);
            case "@keys":
                string output = "";
                foreach (char key in argument)
                {
                    rig.Rig.Keypad.Press(key);
                    output += rig.Wait(0.2);
                }

                return output;
            case "@charge":
                string[] parts = argument.Split(' ');
                rig.Rig.StartCharging(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture));
                return rig.Settle();
            default:
                throw new InvalidOperationException("unknown directive " + directive);
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        int index = 0;
        while (index < expected.Length && index < actual.Length && expected[index] == actual[index])
        {
            index++;
        }

        int line = expected.Take(index).Count(c => c == '\n') + 1;
        string expectedLine = expected.Split('\n').ElementAtOrDefault(line - 1) ?? "(end)";
        string actualLine = actual.Split('\n').ElementAtOrDefault(line - 1) ?? "(end)";
        return "line " + line + ":\n  expected: " + expectedLine + "\n  actual:   " + actualLine;
    }
}
