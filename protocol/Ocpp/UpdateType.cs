namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>SendLocalList.req updateType (OCPP 1.6 §7.46 UpdateType).</summary>
    public enum UpdateType
    {
        /// <summary>The entries add to, change or (without idTagInfo) remove entries of the current list.</summary>
        Differential = 0,

        /// <summary>The entries replace the whole current list.</summary>
        Full,
    }
}
