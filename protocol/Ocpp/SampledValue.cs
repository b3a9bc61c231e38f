using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// One sampledValue of a meterValue (OCPP 1.6 §7.43 SampledValue). Its value is a string on the
    /// wire, and <see cref="SetValue(long)"/> writes an integer such as a Wh register without allocating.
    /// Enum fields left at Omitted are not written, and the receiver applies the 1.6 defaults
    /// (Sample.Periodic, Raw, Energy.Active.Import.Register, Outlet, Wh).
    /// </summary>
    public sealed class SampledValue
    {
        private string _valueText;
        private long _valueInteger;
        private bool _hasValue;

        /// <summary>Reason for the reading.</summary>
        public ReadingContext Context;

        /// <summary>Raw number or signed data.</summary>
        public ValueFormat Format;

        /// <summary>Quantity measured.</summary>
        public Measurand Measurand;

        /// <summary>Phase the value applies to.</summary>
        public Phase Phase;

        /// <summary>Where the value was measured.</summary>
        public Location Location;

        /// <summary>Unit of the value.</summary>
        public UnitOfMeasure Unit;

        /// <summary>True once a value was set by <see cref="SetValue(long)"/> or <see cref="SetValue(string)"/>.</summary>
        public bool HasValue
        {
            get { return _hasValue; }
        }

        /// <summary>Sets the value to the decimal text of <paramref name="value"/>, written without allocating a string.</summary>
        public void SetValue(long value)
        {
            _valueText = null;
            _valueInteger = value;
            _hasValue = true;
        }

        /// <summary>Sets the value to <paramref name="value"/> written as is (for example "230.4" or signed data).</summary>
        public void SetValue(string value)
        {
            if (value == null)
            {
                throw new System.ArgumentNullException(nameof(value));
            }

            _valueText = value;
            _hasValue = true;
        }

        /// <summary>Returns the value as it is written on the wire (allocates, so use it for logs and tests).</summary>
        public string GetValueText()
        {
            if (!_hasValue)
            {
                return null;
            }

            return _valueText != null ? _valueText : _valueInteger.ToString();
        }

        /// <summary>Removes the value and sets every enum field to Omitted.</summary>
        public void Clear()
        {
            _valueText = null;
            _valueInteger = 0;
            _hasValue = false;
            Context = ReadingContext.Omitted;
            Format = ValueFormat.Omitted;
            Measurand = Measurand.Omitted;
            Phase = Phase.Omitted;
            Location = Location.Omitted;
            Unit = UnitOfMeasure.Omitted;
        }

        /// <summary>
        /// Returns null when the entry can be written, otherwise the problem as the end of a
        /// sentence ("value is required …"). The texts are constants, so a valid entry costs no allocation.
        /// </summary>
        internal string FindProblem()
        {
            if (!_hasValue)
            {
                return "value is required but was never set.";
            }

            if (!IsOmittedOrDefined((int)Context, OcppEnumText.ReadingContextTexts))
            {
                return "context has an undefined value.";
            }

            if (!IsOmittedOrDefined((int)Format, OcppEnumText.ValueFormatTexts))
            {
                return "format has an undefined value.";
            }

            if (!IsOmittedOrDefined((int)Measurand, OcppEnumText.MeasurandTexts))
            {
                return "measurand has an undefined value.";
            }

            if (!IsOmittedOrDefined((int)Phase, OcppEnumText.PhaseTexts))
            {
                return "phase has an undefined value.";
            }

            if (!IsOmittedOrDefined((int)Location, OcppEnumText.LocationTexts))
            {
                return "location has an undefined value.";
            }

            if (!IsOmittedOrDefined((int)Unit, OcppEnumText.UnitOfMeasureTexts))
            {
                return "unit has an undefined value.";
            }

            return null;
        }

        /// <summary>Writes the sampledValue object after the caller has checked <see cref="FindProblem"/>.</summary>
        internal void Write(JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("value");
            if (_valueText != null)
            {
                writer.WriteStringValue(_valueText);
            }
            else
            {
                PayloadWriter.WriteInt64StringValue(writer, _valueInteger);
            }

            PayloadWriter.WriteOptionalEnum(writer, "context", OcppEnumText.ReadingContextTexts, (int)Context);
            PayloadWriter.WriteOptionalEnum(writer, "format", OcppEnumText.ValueFormatTexts, (int)Format);
            PayloadWriter.WriteOptionalEnum(writer, "measurand", OcppEnumText.MeasurandTexts, (int)Measurand);
            PayloadWriter.WriteOptionalEnum(writer, "phase", OcppEnumText.PhaseTexts, (int)Phase);
            PayloadWriter.WriteOptionalEnum(writer, "location", OcppEnumText.LocationTexts, (int)Location);
            PayloadWriter.WriteOptionalEnum(writer, "unit", OcppEnumText.UnitOfMeasureTexts, (int)Unit);
            writer.WriteEndObject();
        }

        private static bool IsOmittedOrDefined(int value, string[] texts)
        {
            return value == 0 || OcppEnumText.IsDefined(texts, value);
        }
    }
}
