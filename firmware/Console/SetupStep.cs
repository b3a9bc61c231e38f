namespace KiWhi.Armoire.Firmware
{
    /// <summary>Questions of the first-boot setup, in the order they are asked (network questions depend on the board).</summary>
    public enum SetupStep
    {
        Language,
        Board,
        WifiSsid,
        WifiPassword,
        IpAddressing,
        StaticIpAddress,
        SubnetMask,
        DefaultGateway,
        DnsServer,
        CentralSystemUrl,
        Identity,
        AuthorizationKey,
        CardMasterKey,
        BayCount,
        SpotNumber,
        Password,
        PasswordConfirm,
        Save,
    }
}
