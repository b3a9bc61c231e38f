using KiWhi.Armoire.Firmware;
using Microsoft.Extensions.Logging;
using CabinetLogLevel = KiWhi.Armoire.Firmware.LogLevel;
using Xunit.Abstractions;

namespace KiWhi.Armoire.EndToEnd.Harness;

/// <summary>
/// Writes the cabinet's log and the transport's log to the xunit test output, where they show next to
/// the central-system events of a failing test, and counts the cabinet's errors.
/// </summary>
public sealed class TestOutputLog : ILogSink, ILogger
{
    private readonly ITestOutputHelper? _output;
    private int _cabinetErrorCount;
    private volatile bool _closed;

    public TestOutputLog(ITestOutputHelper? output)
    {
        _output = output;
    }

    /// <summary>Lines the cabinet logged at level Error.</summary>
    public int CabinetErrorCount => Volatile.Read(ref _cabinetErrorCount);

    public void Write(long monotonicMs, CabinetLogLevel level, string component, string message)
    {
        if (level == CabinetLogLevel.Error)
        {
            Interlocked.Increment(ref _cabinetErrorCount);
        }

        WriteLine($"[cabinet {monotonicMs,8} ms] {level} {component}: {message}");
    }

    /// <summary>Stops writing: xunit rejects output once the test has finished.</summary>
    public void Close()
    {
        _closed = true;
    }

    IDisposable? ILogger.BeginScope<TState>(TState state)
    {
        return null;
    }

    bool ILogger.IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel)
    {
        return true;
    }

    void ILogger.Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, EventId eventId, TState state,
        Exception? exception, Func<TState, Exception?, string> formatter)
    {
        string line = $"[transport] {logLevel}: {formatter(state, exception)}";
        if (exception != null)
        {
            line += " (" + exception.GetType().Name + ": " + exception.Message + ")";
        }

        WriteLine(line);
    }

    private void WriteLine(string line)
    {
        if (_output == null || _closed)
        {
            return;
        }

        try
        {
            _output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; a late line from a transport thread is dropped.
        }
    }
}
