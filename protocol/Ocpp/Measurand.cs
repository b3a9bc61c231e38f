namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>sampledValue measurand (OCPP 1.6 §7.31 Measurand).</summary>
    public enum Measurand
    {
        /// <summary>Field left out of the payload, so the receiver assumes <see cref="EnergyActiveImportRegister"/>.</summary>
        Omitted = 0,
        CurrentExport,
        CurrentImport,
        CurrentOffered,
        EnergyActiveExportRegister,
        EnergyActiveImportRegister,
        EnergyReactiveExportRegister,
        EnergyReactiveImportRegister,
        EnergyActiveExportInterval,
        EnergyActiveImportInterval,
        EnergyReactiveExportInterval,
        EnergyReactiveImportInterval,
        Frequency,
        PowerActiveExport,
        PowerActiveImport,
        PowerFactor,
        PowerOffered,
        PowerReactiveExport,
        PowerReactiveImport,
        Rpm,
        SoC,
        Temperature,
        Voltage,
    }
}
