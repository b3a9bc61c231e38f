using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Simulation;

/// <summary>A card that returns one fixed response to every command and counts the reader's callbacks.</summary>
internal sealed class RecordingCard : SimulatedCard
{
    private readonly byte[] _uid;
    private readonly byte[] _answer;

    public RecordingCard(byte[] uid, byte[] answer)
    {
        _uid = uid;
        _answer = answer;
    }

    public override byte[] Uid => _uid;

    public override ushort Atqa => 0x0044;

    public override byte Sak => 0x00;

    public int ActivatedCount { get; private set; }

    public int HaltedCount { get; private set; }

    public int RemovedCount { get; private set; }

    public byte[]? LastCommand { get; private set; }

    /// <summary>Value <see cref="Respond"/> returns instead of the response when set (a negative CardStatus).</summary>
    public int? Status { get; set; }

    public override int Respond(byte[] command, int commandLength, byte[] response)
    {
        LastCommand = command.AsSpan(0, commandLength).ToArray();
        if (Status.HasValue)
        {
            return Status.Value;
        }

        _answer.CopyTo(response, 0);
        return _answer.Length;
    }

    public override void OnActivated() => ActivatedCount++;

    public override void OnHalted() => HaltedCount++;

    public override void OnRemoved() => RemovedCount++;
}
