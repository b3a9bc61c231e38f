using System;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>Command line of the bench central system.</summary>
    public static class Program
    {
        private const string Usage =
@"KiWhi Armoire bench central system: a small OCPP 1.6J server for commissioning and demos.
It is not a real central system: it keeps nothing after it stops and bills nothing.

Usage: KiWhi.Armoire.BenchCentralSystem [options]

Options:
  --port N            TCP port to listen on (default 9000; 0 picks a free port).
  --listen ADDRESS    IP address to listen on (default 127.0.0.1, this machine only).
  --interval SECONDS  Heartbeat interval sent in BootNotification.conf (default 300).
  --boot-status S     BootNotification status: Accepted (default), Pending or Rejected.
  --reject TAG        Answer this idTag with status Invalid (repeatable).
  --block TAG         Answer this idTag with status Blocked (repeatable).
  --allow TAG         Accept only the listed idTags; others get Invalid (repeatable).
  --password TEXT     Require HTTP Basic authentication: user = identity, password = TEXT
                      (the cabinet's AuthorizationKey is TEXT in hexadecimal).
  --help              Show this text.

Charge points connect to ws://ADDRESS:PORT/ocpp/<identity> with subprotocol ocpp1.6.

Commands on standard input:
  list                          Connected identities.
  status IDENTITY               Boot, connector statuses and transactions of a charge point.
  call IDENTITY ACTION JSON     Send a CALL, e.g. call ARMOIRE-01 TriggerMessage {""requestedMessage"":""Heartbeat""}
  quit                          Stop the server.";

        public static async Task<int> Main(string[] args)
        {
            BenchOptions options;
            try
            {
                options = ParseArguments(args);
                if (options == null)
                {
                    Console.WriteLine(Usage);
                    return 0;
                }

                options.Validate();
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine("error: " + exception.Message);
                Console.Error.WriteLine("Run with --help for the list of options.");
                return 2;
            }

            using ILoggerFactory loggerFactory = LoggerFactory.Create(builder => builder.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
                console.UseUtcTimestamp = true;
            }));
            ILogger logger = loggerFactory.CreateLogger("Bench");

            await using var bench = new BenchCentralSystem(options, logger);
            try
            {
                bench.Start();
            }
            catch (System.Net.Sockets.SocketException exception)
            {
                Console.Error.WriteLine("error: cannot listen on " + options.ListenAddress + ":" + options.Port + ": " + exception.Message + ". Choose another --port.");
                return 1;
            }

            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (sender, eventArgs) =>
            {
                eventArgs.Cancel = true;
                stop.Cancel();
            };

            await RunCommandsAsync(bench, stop.Token).ConfigureAwait(false);
            return 0;
        }

        /// <summary>Returns the options, or null when help was requested. Throws <see cref="ArgumentException"/> for bad arguments.</summary>
        public static BenchOptions ParseArguments(string[] args)
        {
            var options = new BenchOptions { Port = 9000 };
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                if (name == "--help" || name == "-h")
                {
                    return null;
                }

                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException("The option " + name + " needs a value.");
                }

                string value = args[++i];
                switch (name)
                {
                    case "--port":
                        options.Port = ParseInteger(name, value);
                        break;
                    case "--listen":
                        if (!IPAddress.TryParse(value, out IPAddress address))
                        {
                            throw new ArgumentException("--listen '" + value + "' is not an IP address.");
                        }

                        options.ListenAddress = address;
                        break;
                    case "--interval":
                        options.HeartbeatIntervalSeconds = ParseInteger(name, value);
                        break;
                    case "--boot-status":
                        options.BootStatus = value;
                        break;
                    case "--reject":
                        options.InvalidIdTags.Add(value);
                        break;
                    case "--block":
                        options.BlockedIdTags.Add(value);
                        break;
                    case "--allow":
                        options.AllowedIdTags.Add(value);
                        break;
                    case "--password":
                        options.Password = value;
                        break;
                    default:
                        throw new ArgumentException("Unknown option '" + name + "'.");
                }
            }

            return options;
        }

        private static int ParseInteger(string name, string value)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number))
            {
                throw new ArgumentException(name + " '" + value + "' is not an integer.");
            }

            return number;
        }

        private static async Task RunCommandsAsync(BenchCentralSystem bench, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                string line;
                try
                {
                    line = await Console.In.ReadLineAsync(stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (line == null)
                {
                    // Standard input closed (for example when started in the background): serve until Ctrl+C.
                    try
                    {
                        await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }

                    return;
                }

                if (!await RunCommandAsync(bench, line.Trim()).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        /// <summary>Runs one console command; returns false for quit.</summary>
        private static async Task<bool> RunCommandAsync(BenchCentralSystem bench, string line)
        {
            string[] words = line.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0)
            {
                return true;
            }

            switch (words[0])
            {
                case "quit":
                case "exit":
                    return false;
                case "list":
                    Console.WriteLine("connected: " + string.Join(", ", bench.ConnectedIdentities));
                    return true;
                case "status" when words.Length == 2:
                    PrintStatus(bench.GetChargePoint(words[1]), words[1]);
                    return true;
                case "call" when words.Length == 4:
                    try
                    {
                        BenchCallResult result = await bench.SendCallAsync(words[1], words[2], words[3], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                        Console.WriteLine(result.IsError ? "CALLERROR " + result.ErrorCode + ": " + result.ErrorDescription : "CALLRESULT " + result.PayloadJson);
                    }
                    catch (Exception exception) when (exception is InvalidOperationException || exception is TimeoutException || exception is ArgumentException || exception is System.Text.Json.JsonException || exception is System.IO.IOException)
                    {
                        Console.WriteLine("call failed: " + exception.Message);
                    }

                    return true;
                default:
                    Console.WriteLine("Unknown command '" + line + "'. Commands: list, status IDENTITY, call IDENTITY ACTION JSON, quit.");
                    return true;
            }
        }

        private static void PrintStatus(ChargePointSnapshot snapshot, string identity)
        {
            if (snapshot == null)
            {
                Console.WriteLine(identity + " never connected.");
                return;
            }

            Console.WriteLine(snapshot.Identity + (snapshot.IsConnected ? " connected" : " disconnected")
                + ", BootNotification x" + snapshot.BootNotificationCount + ", Heartbeat x" + snapshot.HeartbeatCount);
            foreach (var status in snapshot.ConnectorStatuses)
            {
                Console.WriteLine("  connector " + status.Key + ": " + status.Value);
            }

            foreach (BenchTransaction transaction in snapshot.Transactions)
            {
                Console.WriteLine("  transaction " + transaction.TransactionId + " connector " + transaction.ConnectorId + " idTag " + transaction.IdTag
                    + " meterStart " + transaction.MeterStartWh + " Wh"
                    + (transaction.IsStopped ? ", meterStop " + transaction.MeterStopWh + " Wh, reason " + (transaction.StopReason ?? "(none)") : ", running"));
            }
        }
    }
}
