namespace KiWhi.Armoire.Firmware
{
    /// <summary>Resident texts of the front panel; each has a French and an English entry in <see cref="MessageCatalog"/>.</summary>
    public enum TextId
    {
        Idle,
        CardRead,
        EnterBay,
        EnterBayDigits,
        ChooseBayToStop,
        Cancelled,
        EntryTimedOut,
        UnknownSpot,
        BayBusy,
        BayOutOfService,
        ChargeStarted,
        ChargeStopped,
        CardInvalid,
        CardBlocked,
        CardExpired,
        CardConcurrentTx,
        CardSessionLimit,
        ServerUnreachable,
        ChargeRefused,
        CardNotRecognised,
        CabinetFaulted,
        CabinetUnavailable,
        CardUnknownLayout,
        CardRemovedTooSoon,
    }
}
