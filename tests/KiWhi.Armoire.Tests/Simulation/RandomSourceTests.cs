using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Simulation;

public class RandomSourceTests
{
    private static byte[] Draw(KiWhi.Armoire.Hal.IRandomSource source, int count)
    {
        var bytes = new byte[count];
        source.NextBytes(bytes, 0, count);
        return bytes;
    }

    [Fact]
    public void SameSeedRepeatsSequence()
    {
        Assert.Equal(Draw(new SeededRandomSource(7), 32), Draw(new SeededRandomSource(7), 32));
    }

    [Fact]
    public void DifferentSeedsDiffer()
    {
        Assert.NotEqual(Draw(new SeededRandomSource(7), 32), Draw(new SeededRandomSource(8), 32));
    }

    [Fact]
    public void SeededFillsOnlyTheRange()
    {
        var bytes = new byte[8];

        new SeededRandomSource(1).NextBytes(bytes, 2, 4);

        Assert.Equal(0, bytes[0]);
        Assert.Equal(0, bytes[1]);
        Assert.Equal(0, bytes[6]);
        Assert.Equal(0, bytes[7]);
    }

    [Fact]
    public void SystemSourceFillsOnlyTheRange()
    {
        var bytes = new byte[40];

        new SystemRandomSource().NextBytes(bytes, 4, 32);

        Assert.All(bytes.Take(4).Concat(bytes.Skip(36)), b => Assert.Equal(0, b));
        // 32 zero bytes from a cryptographic generator has probability 2^-256.
        Assert.Contains(bytes.Skip(4).Take(32), b => b != 0);
    }

    [Fact]
    public void SystemSourceCallsDiffer()
    {
        var source = new SystemRandomSource();

        Assert.NotEqual(Draw(source, 16), Draw(source, 16));
    }

    [Fact]
    public void RangeOutsideBufferThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeededRandomSource(1).NextBytes(new byte[4], 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SystemRandomSource().NextBytes(new byte[4], -1, 2));
    }
}
