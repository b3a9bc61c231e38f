using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Journal;

public sealed class PowerCutFlashTests
{
    private static byte[] Bytes(params int[] values) => values.Select(v => (byte)v).ToArray();

    [Fact]
    public void Counter_CountsBytesRenamesAndDeletes()
    {
        var flash = new PowerCutFlash();

        flash.Append("a", Bytes(1, 2, 3), 0, 3);
        flash.Write("b", Bytes(4, 5), 0, 2);
        flash.Rename("b", "c");
        flash.Delete("a");
        flash.Delete("missing");

        Assert.Equal(7, flash.UnitsWritten);
        Assert.Equal(5, flash.BytesWritten);
    }

    [Fact]
    public void CutInAppend_KeepsThePrefixAndThrows()
    {
        var flash = new PowerCutFlash();
        flash.Append("log", Bytes(1, 2), 0, 2);
        flash.CutAt(4);

        Assert.Throws<PowerLossException>(() => flash.Append("log", Bytes(3, 4, 5, 6), 0, 4));

        Assert.True(flash.IsCut);
        Assert.Equal(Bytes(1, 2, 3, 4), flash.GetBytes("log"));
    }

    [Fact]
    public void CutStorage_IsFrozenUntilReboot()
    {
        var flash = new PowerCutFlash();
        flash.Append("log", Bytes(1), 0, 1);
        flash.CutNow();

        Assert.Throws<PowerLossException>(() => flash.Append("log", Bytes(2), 0, 1));
        Assert.Throws<PowerLossException>(() => flash.GetLength("log"));
        Assert.Throws<PowerLossException>(() => flash.Read("log", 0, new byte[1], 0, 1));
        Assert.Throws<PowerLossException>(() => flash.Delete("log"));
        Assert.Equal(Bytes(1), flash.GetBytes("log"));
    }

    [Fact]
    public void Reboot_GivesFreshStorageOverSurvivingBytes()
    {
        var flash = new PowerCutFlash();
        flash.Append("log", Bytes(1, 2, 3), 0, 3);
        flash.CutAt(4);
        Assert.Throws<PowerLossException>(() => flash.Append("log", Bytes(4, 5), 0, 2));

        PowerCutFlash rebooted = flash.Reboot();
        rebooted.Append("log", Bytes(9), 0, 1);

        Assert.False(rebooted.IsCut);
        Assert.Equal(1, rebooted.UnitsWritten);
        Assert.Equal(Bytes(1, 2, 3, 4, 9), rebooted.GetBytes("log"));
        Assert.Equal(Bytes(1, 2, 3, 4), flash.GetBytes("log"));
    }

    [Fact]
    public void CutInWrite_LeavesTheTruncatedPrefix()
    {
        var flash = new PowerCutFlash();
        flash.Write("cfg", Bytes(1, 2, 3, 4), 0, 4);
        flash.CutAt(5);

        Assert.Throws<PowerLossException>(() => flash.Write("cfg", Bytes(7, 8, 9), 0, 3));

        Assert.Equal(Bytes(7), flash.GetBytes("cfg"));
    }

    [Fact]
    public void CutAtRename_LeavesBothNamesAsBefore()
    {
        var flash = new PowerCutFlash();
        flash.Write("new", Bytes(1), 0, 1);
        flash.Write("old", Bytes(2), 0, 1);
        flash.CutAt(2);

        Assert.Throws<PowerLossException>(() => flash.Rename("new", "old"));

        Assert.Equal(Bytes(1), flash.GetBytes("new"));
        Assert.Equal(Bytes(2), flash.GetBytes("old"));
    }

    [Fact]
    public void CutAtDelete_KeepsTheFile()
    {
        var flash = new PowerCutFlash();
        flash.Write("a", Bytes(1), 0, 1);
        flash.CutAt(1);

        Assert.Throws<PowerLossException>(() => flash.Delete("a"));

        Assert.Equal(Bytes(1), flash.GetBytes("a"));
    }

    [Fact]
    public void TornPage_FillsRestOfPage()
    {
        var flash = new PowerCutFlash(pageBytes: 8, seed: 3);
        flash.Append("log", new byte[5], 0, 5);
        flash.CutAt(6, TearMode.TornPage);

        Assert.Throws<PowerLossException>(() => flash.Append("log", new byte[6], 0, 6));

        // The cut falls on file offset 6 of page 0..7: offsets 6 and 7 are torn, the next page is never programmed.
        byte[] content = flash.GetBytes("log")!;
        Assert.Equal(8, content.Length);
        Assert.Equal(new byte[6], content.Take(6).ToArray());
        Assert.Contains(content.Skip(6), b => b != 0);
    }

    [Fact]
    public void TornPage_StopsAtWriteEnd()
    {
        var flash = new PowerCutFlash(pageBytes: 256);
        flash.CutAt(1, TearMode.TornPage);

        Assert.Throws<PowerLossException>(() => flash.Append("log", Bytes(0, 0, 0), 0, 3));

        Assert.Equal(3, flash.GetBytes("log")!.Length);
    }

    [Fact]
    public void FlipBitInLastWrite_ChangesOneBit()
    {
        var flash = new PowerCutFlash();
        flash.Append("log", Bytes(0, 0), 0, 2);
        flash.Append("log", Bytes(0, 0, 0), 0, 3);

        Assert.True(flash.FlipBitInLastWrite(9));

        Assert.Equal(Bytes(0, 0, 0, 2, 0), flash.GetBytes("log"));
    }

    [Fact]
    public void FlipBitInLastWrite_FalseOnEmptyFlash()
    {
        Assert.False(new PowerCutFlash().FlipBitInLastWrite(0));
    }
}
