using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using KiWhi.Armoire.Firmware;
using Microsoft.Extensions.Logging;
using HostLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>
    /// Log of one virtual-cabinet run: the firmware's lines (through <see cref="ILogSink"/>) and the host
    /// components' lines (through <see cref="ILogger"/>) go to one file, and the most recent ones stay
    /// in memory for the panel and for failure reports. Thread-safe.
    /// </summary>
    public sealed class LogBook : IDisposable
    {
        /// <summary>Lines kept in memory.</summary>
        public const int RecentCapacity = 200;

        private readonly object _lock = new object();
        private readonly Queue<string> _recent = new Queue<string>();
        private readonly StreamWriter _file;

        /// <summary>Creates a log that also appends to <paramref name="filePath"/> when it is not null.</summary>
        public LogBook(string filePath)
        {
            if (filePath != null)
            {
                _file = new StreamWriter(new FileStream(filePath, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
            }

            FilePath = filePath;
        }

        /// <summary>Path of the log file, or null when the log is kept in memory only.</summary>
        public string FilePath { get; }

        /// <summary>Returns up to <paramref name="count"/> most recent lines, oldest first.</summary>
        public string[] Recent(int count)
        {
            lock (_lock)
            {
                string[] all = _recent.ToArray();
                int skip = Math.Max(0, all.Length - count);
                return all[skip..];
            }
        }

        /// <summary>Writes one line stamped with the host's UTC time, the level and the component.</summary>
        public void Write(string level, string component, string message)
        {
            string line = DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " + level + " [" + component + "] " + message;
            lock (_lock)
            {
                if (_recent.Count == RecentCapacity)
                {
                    _recent.Dequeue();
                }

                _recent.Enqueue(line);
                _file?.WriteLine(line);
            }
        }

        /// <summary>Returns a provider whose loggers write to this log.</summary>
        public ILoggerProvider CreateLoggerProvider()
        {
            return new Provider(this);
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _file?.Dispose();
            }
        }

        private static string LevelText(HostLogLevel level)
        {
            switch (level)
            {
                case HostLogLevel.Trace:
                case HostLogLevel.Debug:
                    return "DEBUG";
                case HostLogLevel.Information:
                    return "INFO";
                case HostLogLevel.Warning:
                    return "WARN";
                default:
                    return "ERROR";
            }
        }

        private sealed class Provider : ILoggerProvider
        {
            private readonly LogBook _book;

            public Provider(LogBook book)
            {
                _book = book;
            }

            public ILogger CreateLogger(string categoryName)
            {
                return new Logger(_book, categoryName);
            }

            public void Dispose()
            {
            }
        }

        private sealed class Logger : ILogger
        {
            private readonly LogBook _book;
            private readonly string _category;

            public Logger(LogBook book, string category)
            {
                _book = book;
                _category = category;
            }

            public IDisposable BeginScope<TState>(TState state)
                where TState : notnull
            {
                return null;
            }

            public bool IsEnabled(HostLogLevel logLevel)
            {
                return logLevel >= HostLogLevel.Information;
            }

            public void Log<TState>(HostLogLevel logLevel, EventId eventId, TState state, Exception exception, Func<TState, Exception, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                string message = formatter(state, exception);
                if (exception != null)
                {
                    message += " (" + exception.GetType().Name + ": " + exception.Message + ")";
                }

                _book.Write(LevelText(logLevel), _category, message);
            }
        }
    }

    /// <summary>Sink of the firmware's log lines into a <see cref="LogBook"/>.</summary>
    public sealed class LogBookSink : ILogSink
    {
        private readonly LogBook _book;

        public LogBookSink(LogBook book)
        {
            _book = book;
        }

        public void Write(long monotonicMs, Firmware.LogLevel level, string component, string message)
        {
            _book.Write(LevelText(level), component, "t=" + monotonicMs.ToString(CultureInfo.InvariantCulture) + "ms " + message);
        }

        private static string LevelText(Firmware.LogLevel level)
        {
            switch (level)
            {
                case Firmware.LogLevel.Debug:
                    return "DEBUG";
                case Firmware.LogLevel.Info:
                    return "INFO";
                case Firmware.LogLevel.Warning:
                    return "WARN";
                default:
                    return "ERROR";
            }
        }
    }
}
