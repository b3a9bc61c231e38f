using System.Text;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Tests.Firmware;

namespace KiWhi.Armoire.Tests.Console;

/// <summary>A cabinet with no configuration: held out of service and offline until the first-boot setup completes.</summary>
public class ProvisioningTests
{
    private static readonly string[] SetupAnswers =
    {
        "en", "esp32-wrover-devkitc", "Parking-B2", "motdepasse-wifi", "wss://csms.example.com/ocpp", "ARMOIRE-07",
        "00112233445566778899AABBCCDDEEFF", "00112233445566778899AABBCCDDEEFF", "2", "7", "8", ConsoleRig.Password, ConsoleRig.Password, "yes",
    };

    private static ConsoleRig Unprovisioned()
    {
        return new ConsoleRig("en", provisioned: false, configure: c => c.RequireCardAuthentication = true);
    }

    [Fact]
    public void Unprovisioned_NeverConnects()
    {
        ConsoleRig rig = Unprovisioned();
        rig.Start();

        rig.Wait(120);

        Assert.Equal(0, rig.Rig.Server.ConnectCount);
    }

    [Fact]
    public void Unprovisioned_KeepsEveryBayOutOfService()
    {
        ConsoleRig rig = Unprovisioned();
        rig.Start();

        rig.Rig.StartCharging("04A1B2C3D4E5F6", 101);

        Assert.All(new[] { 1, 2 }, bay => Assert.Equal(BayStatus.Unavailable, rig.Rig.Cabinet.GetBay(bay)!.Status));
        Assert.Empty(rig.Rig.Contactors.ClosedBays());
    }

    [Fact]
    public void Setup_AsksTheCardMasterKey()
    {
        ConsoleRig rig = Unprovisioned();
        rig.Start();
        string transcript = "";

        foreach (string answer in SetupAnswers.Take(8))
        {
            transcript += rig.Type(answer);
        }

        Assert.Contains("KiWhi Pass card master key", transcript);
    }

    [Fact]
    public void Setup_SavesAConfigurationThatBootsProvisioned()
    {
        ConsoleRig rig = Unprovisioned();
        rig.Start();

        foreach (string answer in SetupAnswers)
        {
            rig.Type(answer);
        }

        Assert.True(rig.Rig.Cabinet.RebootRequested);
        var loaded = new CabinetConfiguration();
        ConfigurationLoadResult result = new ConfigurationStore(rig.Storage).Load(loaded, new SeededRandomSource(1));
        Assert.Equal(ConfigurationLoadOutcome.Loaded, result.Outcome);
        Assert.Equal("ARMOIRE-07", loaded.ChargePointIdentity);
        Assert.Equal("wss://csms.example.com/ocpp", loaded.CentralSystemUrl);
        Assert.Equal(new[] { 7, 8 }, loaded.SpotNumbers);
        Assert.Equal("en", loaded.Language);
        Assert.Equal("motdepasse-wifi", loaded.WifiPassword);
        Assert.DoesNotContain(ConsoleRig.Password, Encoding.UTF8.GetString(rig.Storage.GetBytes(ConfigurationStore.FileName)!));
    }

    [Fact]
    public void RebootedCabinet_AcceptsTheSetupPassword()
    {
        ConsoleRig first = Unprovisioned();
        first.Start();
        foreach (string answer in SetupAnswers)
        {
            first.Type(answer);
        }

        var configuration = new CabinetConfiguration();
        new ConfigurationStore(first.Storage).Load(configuration, new SeededRandomSource(1));
        var second = new ConsoleRig("en", configure: c => c.TechnicianPasswordHash = configuration.TechnicianPasswordHash);
        second.Start();

        second.LogIn();
        Assert.True(second.Console.IsLoggedIn);
    }

    [Fact]
    public void Setup_ShowsTheProvisioningFileProblem()
    {
        ConsoleRig rig = Unprovisioned();
        rig.Storage.SetBytes(ConfigurationStore.ProvisioningFileName, Encoding.UTF8.GetBytes("{\"ChargePointIdentity\": \"A B\"}"));

        string banner = rig.Start();

        Assert.Contains("The provision.json file was not applied: ChargePointIdentity: character 2 is not allowed", banner);
    }

    [Fact]
    public void Setup_RejectsASpotUsedTwice()
    {
        ConsoleRig rig = Unprovisioned();
        rig.Start();
        foreach (string answer in SetupAnswers.Take(10))
        {
            rig.Type(answer);
        }

        string answerToDuplicate = rig.Type("7");

        Assert.Contains("Spot 7 already belongs to bay 1", answerToDuplicate);
    }
}
