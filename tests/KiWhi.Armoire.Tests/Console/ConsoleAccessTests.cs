using System.Text;
using KiWhi.Armoire.Firmware;

namespace KiWhi.Armoire.Tests.Console;

public class ConsoleAccessTests
{
    public static TheoryData<string> ProtectedCommands() => new()
    {
        "config set HeartbeatInterval 60", "log", "ocpp", "test relay 1", "test reader", "test keypad", "passwd", "reboot", "factory-reset",
    };

    public static TheoryData<string> OpenCommands() => new()
    {
        "help", "lang fr", "status", "bays", "sessions", "queue", "net", "time", "config list", "config get HeartbeatInterval",
    };

    [Theory]
    [MemberData(nameof(ProtectedCommands))]
    public void ProtectedCommand_AsksForLogin(string command)
    {
        var rig = new ConsoleRig("en");
        rig.Start();

        string answer = rig.Type(command);

        Assert.Contains("requires a technician session: type 'login' first", answer);
        Assert.Equal(ConsoleMode.Command, rig.Console.Mode);
    }

    [Theory]
    [MemberData(nameof(OpenCommands))]
    public void OpenCommand_WorksWithoutLogin(string command)
    {
        var rig = new ConsoleRig("en");
        rig.Start();

        Assert.DoesNotContain("requires a technician session: type 'login' first", rig.Type(command));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 30)]
    [InlineData(4, 60)]
    [InlineData(5, 120)]
    [InlineData(8, 900)]
    [InlineData(20, 900)]
    public void Lockout_GrowsWithConsecutiveFailures(int failures, int expectedSeconds)
    {
        var guard = new LoginGuard(null);
        int seconds = 0;
        for (int i = 0; i < failures; i++)
        {
            seconds = guard.RecordFailure(0, out _);
        }

        Assert.Equal(expectedSeconds, seconds);
    }

    [Fact]
    public void Lockout_RefusesEvenTheRightPassword()
    {
        var rig = new ConsoleRig("en");
        rig.Start();
        for (int i = 0; i < LoginGuard.FailuresBeforeLock; i++)
        {
            rig.Type("login");
            rig.Type("wrong-" + i);
        }

        string answer = rig.Type("login");

        Assert.Contains("Login locked", answer);
        Assert.Equal(ConsoleMode.Command, rig.Console.Mode);
        rig.Type(ConsoleRig.Password);
        Assert.False(rig.Console.IsLoggedIn);
    }

    [Fact]
    public void Success_ResetsTheFailureCount()
    {
        var rig = new ConsoleRig("en");
        rig.Start();
        rig.Type("login");
        rig.Type("wrong-1");
        rig.Type("login");
        rig.Type("wrong-2");
        rig.LogIn();
        rig.Type("logout");

        rig.Type("login");
        string answer = rig.Type("wrong-3");

        Assert.DoesNotContain("locked", answer);
    }

    [Fact]
    public void Inactivity_ClosesTheSession()
    {
        var rig = new ConsoleRig("en", configure: c => c.ConsoleInactivityTimeoutSeconds = 60);
        rig.Start();
        rig.LogIn();

        rig.Wait(59);
        Assert.True(rig.Console.IsLoggedIn);
        string answer = rig.Wait(2);

        Assert.False(rig.Console.IsLoggedIn);
        Assert.Contains("closed after 60 s without input", answer);
    }

    [Fact]
    public void Input_KeepsTheSessionOpen()
    {
        var rig = new ConsoleRig("en", configure: c => c.ConsoleInactivityTimeoutSeconds = 60);
        rig.Start();
        rig.LogIn();

        for (int i = 0; i < 5; i++)
        {
            rig.Wait(40);
            rig.Type("time");
        }

        Assert.True(rig.Console.IsLoggedIn);
    }

    [Fact]
    public void NoStoredPassword_LoginIsImpossible()
    {
        var rig = new ConsoleRig("en", configure: c => c.TechnicianPasswordHash = null);
        rig.Start();

        Assert.Contains("No technician password is stored", rig.Type("login"));
        Assert.Equal(ConsoleMode.Command, rig.Console.Mode);
    }

    [Fact]
    public void PasswordCheck_KeepsTheLoopRunning()
    {
        var rig = new ConsoleRig("en");
        rig.Start();
        rig.Type("login");
        rig.Line.Inject(ConsoleRig.Password + "\r");

        int iterations = 0;
        while (rig.Console.Mode != ConsoleMode.Verifying)
        {
            rig.Rig.Cabinet.RunOnce();
        }

        while (rig.Console.Mode == ConsoleMode.Verifying)
        {
            rig.Rig.Cabinet.RunOnce();
            iterations++;
        }

        Assert.Equal(TechnicianPassword.DefaultIterations / TechnicianConsole.PasswordIterationsPerPoll, iterations);
        Assert.True(rig.Console.IsLoggedIn);
    }

    [Fact]
    public void Secrets_NeverAppearInAnyOutputOrLog()
    {
        const string wifiPassword = "wifi-secret-4242";
        const string authorizationKey = "A1B2C3D4E5F60718293A4B5C6D7E8F90";
        const string masterKey = "0F1E2D3C4B5A69788796A5B4C3D2E1F0";
        var rig = new ConsoleRig("en", configure: c =>
        {
            c.WifiPassword = wifiPassword;
            c.AuthorizationKey = authorizationKey;
            c.CardMasterKey = Convert.FromHexString(masterKey);
        });
        var everything = new StringBuilder(rig.Start());
        rig.LogIn();
        foreach (string command in new[] { "status", "net", "config list", "config get WifiPassword", "config get AuthorizationKey", "config get CardMasterKey", "log 64", "ocpp 16" })
        {
            everything.Append(rig.Type(command));
        }

        everything.Append(rig.Type("config set WifiPassword"));
        everything.Append(rig.Type("another-wifi-secret"));
        everything.Append(rig.Type("log 64"));
        string all = everything.ToString() + string.Join("\n", rig.Rig.Log.Lines);

        foreach (string secret in new[] { wifiPassword, authorizationKey, masterKey, "another-wifi-secret", ConsoleRig.Password })
        {
            Assert.DoesNotContain(secret, all, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void ConfigSet_PersistsAndAppliesAtOnce()
    {
        var rig = new ConsoleRig("en");
        rig.Start();
        rig.LogIn();

        rig.Type("config set MeterValueSampleInterval 30");

        Assert.Equal(30, rig.Rig.Configuration.MeterValueSampleIntervalSeconds);
        string saved = Encoding.UTF8.GetString(rig.Storage.GetBytes(ConfigurationStore.FileName)!);
        Assert.Contains("\"MeterValueSampleInterval\":30", saved);
    }

    [Fact]
    public void ConfigSet_RebootSettingWaitsForTheReboot()
    {
        var rig = new ConsoleRig("en");
        rig.Start();
        rig.LogIn();

        rig.Type("config set CentralSystemUrl wss://csms.example.com/ocpp");

        Assert.Equal("ws://127.0.0.1:9000/ocpp", rig.Rig.Configuration.CentralSystemUrl);
        Assert.Contains("wss://csms.example.com/ocpp", Encoding.UTF8.GetString(rig.Storage.GetBytes(ConfigurationStore.FileName)!));
    }

    [Fact]
    public void ConfigSet_KeepsValuesTheCentralSystemChanged()
    {
        var rig = new ConsoleRig("en");
        rig.Start();
        rig.LogIn();

        // As ChangeConfiguration does: the running configuration changes behind the console.
        rig.Rig.Configuration.MeterValueSampleIntervalSeconds = 45;
        rig.Type("config set HeartbeatInterval 120");

        string saved = Encoding.UTF8.GetString(rig.Storage.GetBytes(ConfigurationStore.FileName)!);
        Assert.Contains("\"MeterValueSampleInterval\":45", saved);
        Assert.Contains("\"HeartbeatInterval\":120", saved);
        Assert.DoesNotContain("after reboot", rig.Type("config get MeterValueSampleInterval"));
    }

    [Fact]
    public void ChangeConfiguration_KeepsPendingConsoleChange()
    {
        var rig = new ConsoleRig("en");
        rig.Start();
        rig.LogIn();
        rig.Type("config set CentralSystemUrl wss://csms.example.com/ocpp");

        string id = rig.Rig.Server.SendCall("ChangeConfiguration", "{\"key\":\"MeterValueSampleInterval\",\"value\":\"45\"}");
        rig.Wait(0.5);

        Assert.Equal("Accepted", rig.Rig.Server.ResultOf(id)["status"]!.GetValue<string>());
        string saved = Encoding.UTF8.GetString(rig.Storage.GetBytes(ConfigurationStore.FileName)!);
        Assert.Contains("wss://csms.example.com/ocpp", saved);
        Assert.Contains("\"MeterValueSampleInterval\":45", saved);
        Assert.Contains("after reboot", rig.Type("config get CentralSystemUrl"));
    }

    [Fact]
    public void ConfigSet_FailedSaveKeepsThePreviousValue()
    {
        var rig = new ConsoleRig("en");
        rig.Start();
        rig.LogIn();
        rig.Storage.CutPowerAfterBytes(10);

        string answer = rig.Type("config set MeterValueSampleInterval 30");
        rig.Storage.RestorePower();

        Assert.Contains("Could not save MeterValueSampleInterval", answer);
        Assert.Equal(60, rig.Rig.Configuration.MeterValueSampleIntervalSeconds);
        Assert.Contains("MeterValueSampleInterval = 60 s", rig.Type("config get MeterValueSampleInterval"));
    }

    [Fact]
    public void FactoryReset_ErasesEverySecretFile()
    {
        var rig = new ConsoleRig("en");
        rig.Start();
        rig.LogIn();
        rig.Type("config set MeterValueSampleInterval 30");
        Assert.NotNull(rig.Storage.GetBytes(ConfigurationStore.FileName));

        rig.Type("factory-reset");
        rig.Type("ARMOIRE-01");

        Assert.Null(rig.Storage.GetBytes(ConfigurationStore.FileName));
        Assert.True(rig.Rig.Cabinet.RebootRequested);
        Assert.Null(rig.Rig.Configuration.TechnicianPasswordHash);
    }
}
