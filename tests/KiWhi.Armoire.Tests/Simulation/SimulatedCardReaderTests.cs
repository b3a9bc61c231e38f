using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Simulation;

public class SimulatedCardReaderTests
{
    // A 7-byte UID starting with 04h, the NXP manufacturer code of every Ultralight C.
    private static readonly byte[] SevenByteUid = { 0x04, 0x78, 0x2E, 0x21, 0x80, 0x1D, 0x80 };

    private static readonly byte[] Read = { 0x30, 0x04 };

    [Fact]
    public void EmptyFieldDetectsNothing()
    {
        var reader = new SimulatedCardReader();

        Assert.False(reader.TryDetectCard(new CardIdentity()));
        Assert.False(reader.CardInField);
    }

    [Fact]
    public void DetectionFillsIdentity()
    {
        var reader = new SimulatedCardReader();
        reader.Present(new UidCard(SevenByteUid));
        var identity = new CardIdentity();

        Assert.True(reader.TryDetectCard(identity));
        Assert.Equal(7, identity.UidLength);
        Assert.Equal(SevenByteUid, identity.Uid.AsSpan(0, 7).ToArray());
        Assert.Equal(0x0044, identity.Atqa);
        Assert.Equal(0x00, identity.Sak);
    }

    [Fact]
    public void DetectionClearsBytesOfLongerPreviousUid()
    {
        var reader = new SimulatedCardReader();
        var identity = new CardIdentity();
        reader.Present(new UidCard(SevenByteUid));
        reader.TryDetectCard(identity);

        reader.Present(UidCard.FromHex("DEADBEEF"));
        reader.TryDetectCard(identity);

        Assert.Equal(4, identity.UidLength);
        Assert.Equal(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF, 0, 0, 0, 0, 0, 0 }, identity.Uid);
        Assert.Equal(0x0004, identity.Atqa);
    }

    [Fact]
    public void ActiveCardIgnoresWupaOnce()
    {
        var reader = new SimulatedCardReader();
        reader.Present(new UidCard(SevenByteUid));
        var identity = new CardIdentity();

        bool first = reader.TryDetectCard(identity);
        bool second = reader.TryDetectCard(identity);
        bool third = reader.TryDetectCard(identity);

        Assert.True(first);
        Assert.False(second);
        Assert.True(third);
    }

    [Fact]
    public void HaltedCardIsDetectedAgain()
    {
        var reader = new SimulatedCardReader();
        var card = new RecordingCard(SevenByteUid, new byte[] { 0x00 });
        reader.Present(card);
        var identity = new CardIdentity();

        reader.TryDetectCard(identity);
        reader.Halt();
        bool detectedAgain = reader.TryDetectCard(identity);

        Assert.True(detectedAgain);
        Assert.Equal(1, card.HaltedCount);
        Assert.Equal(2, card.ActivatedCount);
    }

    [Fact]
    public void TransceiveWithoutCardTimesOut()
    {
        var reader = new SimulatedCardReader();

        int result = reader.Transceive(Read, Read.Length, new byte[16], 10, true);

        Assert.Equal(CardStatus.Timeout, result);
    }

    [Fact]
    public void TransceiveBeforeSelectionTimesOut()
    {
        var reader = new SimulatedCardReader();
        reader.Present(new RecordingCard(SevenByteUid, new byte[] { 0x01 }));

        int result = reader.Transceive(Read, Read.Length, new byte[16], 10, true);

        Assert.Equal(CardStatus.Timeout, result);
    }

    [Fact]
    public void TransceiveForwardsCommandAndAnswer()
    {
        var reader = new SimulatedCardReader();
        var card = new RecordingCard(SevenByteUid, new byte[] { 0xAA, 0xBB, 0xCC });
        reader.Present(card);
        reader.TryDetectCard(new CardIdentity());
        var response = new byte[16];

        int length = reader.Transceive(new byte[] { 0x30, 0x04, 0xFF }, 2, response, 10, true);

        Assert.Equal(3, length);
        Assert.Equal(new byte[] { 0xAA, 0xBB, 0xCC }, response.AsSpan(0, 3).ToArray());
        Assert.Equal(Read, card.LastCommand);
    }

    [Fact]
    public void NakDeselectsCard()
    {
        var reader = new SimulatedCardReader();
        reader.Present(new UidCard(SevenByteUid));
        reader.TryDetectCard(new CardIdentity());

        int first = reader.Transceive(Read, Read.Length, new byte[16], 10, true);
        int second = reader.Transceive(Read, Read.Length, new byte[16], 10, true);
        bool detected = reader.TryDetectCard(new CardIdentity());

        Assert.Equal(CardStatus.Nak, first);
        Assert.Equal(CardStatus.Timeout, second);
        Assert.True(detected);
    }

    [Fact]
    public void AnswerLargerThanBufferOverflows()
    {
        var reader = new SimulatedCardReader();
        reader.Present(new RecordingCard(SevenByteUid, new byte[18]));
        reader.TryDetectCard(new CardIdentity());

        int result = reader.Transceive(Read, Read.Length, new byte[16], 10, true);

        Assert.Equal(CardStatus.Overflow, result);
    }

    [Fact]
    public void FrameWithoutCrcIsLost()
    {
        var reader = new SimulatedCardReader();
        var card = new RecordingCard(SevenByteUid, new byte[] { 0x01 });
        reader.Present(card);
        reader.TryDetectCard(new CardIdentity());

        int withoutCrc = reader.Transceive(Read, Read.Length, new byte[16], 10, false);
        int afterwards = reader.Transceive(Read, Read.Length, new byte[16], 10, true);

        Assert.Equal(CardStatus.Timeout, withoutCrc);
        Assert.Equal(CardStatus.Timeout, afterwards);
        Assert.Null(card.LastCommand);
    }

    [Fact]
    public void CardTimeoutKeepsSelection()
    {
        var reader = new SimulatedCardReader();
        var card = new RecordingCard(SevenByteUid, new byte[] { 0x01 }) { Status = CardStatus.Timeout };
        reader.Present(card);
        reader.TryDetectCard(new CardIdentity());

        int first = reader.Transceive(Read, Read.Length, new byte[16], 10, true);
        card.Status = null;
        int second = reader.Transceive(Read, Read.Length, new byte[16], 10, true);

        Assert.Equal(CardStatus.Timeout, first);
        Assert.Equal(1, second);
    }

    [Fact]
    public void RemoveNotifiesCard()
    {
        var reader = new SimulatedCardReader();
        var card = new RecordingCard(SevenByteUid, new byte[] { 0x01 });
        reader.Present(card);

        reader.Remove();
        reader.Remove();

        Assert.False(reader.CardInField);
        Assert.Equal(1, card.RemovedCount);
        Assert.False(reader.TryDetectCard(new CardIdentity()));
    }

    [Fact]
    public void PresentReplacesPreviousCard()
    {
        var reader = new SimulatedCardReader();
        var first = new RecordingCard(SevenByteUid, new byte[] { 0x01 });
        var second = new RecordingCard(new byte[] { 1, 2, 3, 4 }, new byte[] { 0x02 });

        reader.Present(first);
        reader.Present(second);

        Assert.Equal(1, first.RemovedCount);
        Assert.Same(second, reader.Card);
    }

    [Fact]
    public void FailedReaderReportsReaderError()
    {
        var reader = new SimulatedCardReader { ReaderFailed = true };
        reader.Present(new UidCard(SevenByteUid));

        Assert.False(reader.TryDetectCard(new CardIdentity()));
        Assert.Equal(CardStatus.ReaderError, reader.Transceive(Read, Read.Length, new byte[16], 10, true));
    }

    [Fact]
    public void FramesAreCounted()
    {
        var reader = new SimulatedCardReader();
        reader.Present(new RecordingCard(SevenByteUid, new byte[] { 0x01 }));

        reader.TryDetectCard(new CardIdentity());
        reader.Transceive(Read, Read.Length, new byte[16], 10, true);
        reader.Halt();

        // WUPA, ANTICOLLISION and SELECT at two cascade levels, READ, HLTA.
        Assert.Equal(7, reader.FrameCount);
        Assert.Equal(1, reader.TransceiveCount);
        Assert.Equal(1, reader.DetectionCount);
    }

    [Fact]
    public void ResetCountersClearsCounts()
    {
        var reader = new SimulatedCardReader();
        reader.TryDetectCard(new CardIdentity());

        reader.ResetCounters();

        Assert.Equal(0, reader.FrameCount);
    }

    [Theory]
    [InlineData("04782E21801D80", 7, 0x0044)]
    [InlineData("deadbeef", 4, 0x0004)]
    [InlineData("0102030405060708090A", 10, 0x0084)]
    public void UidCardFromHex(string hex, int length, int atqa)
    {
        var card = UidCard.FromHex(hex);

        Assert.Equal(length, card.Uid.Length);
        Assert.Equal(atqa, card.Atqa);
        Assert.Equal(hex.ToUpperInvariant(), card.UidHex);
    }

    [Theory]
    [InlineData("04782E21801D")]
    [InlineData("04782E21801D8G")]
    [InlineData("")]
    public void UidCardRejectsBadHex(string hex)
    {
        Assert.Throws<FormatException>(() => UidCard.FromHex(hex));
    }

    [Fact]
    public void UidCardRejectsBadLength()
    {
        Assert.Throws<ArgumentException>(() => new UidCard(new byte[5]));
    }
}
