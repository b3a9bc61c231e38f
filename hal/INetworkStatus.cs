namespace KiWhi.Armoire.Hal
{
    /// <summary>State of the board's network interface, for the technician console.</summary>
    public interface INetworkStatus
    {
        /// <summary>IPv4 address in dotted decimal form, or null while the interface has none.</summary>
        string IpAddress { get; }

        /// <summary>Last error of the interface (association, DHCP, cable), or null when none occurred since power-on.</summary>
        string LastError { get; }
    }
}
