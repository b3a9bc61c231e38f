using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The cabinet configuration on flash: one JSON object of registry keys written atomically (write
    /// <see cref="TemporaryFileName"/>, then rename it over <see cref="FileName"/>), and the
    /// installer's optional <see cref="ProvisioningFileName"/>, which goes through the same checks as
    /// the first-boot setup. Runs on the cabinet loop or before it starts; not thread-safe.
    /// </summary>
    /// <remarks>
    /// NOTE: the flash is not encrypted by this firmware, so the secrets in the file (Wi-Fi password,
    /// AuthorizationKey, CardMasterKey) are as safe as the board is from being read out. Only the
    /// technician password is stored as a salted hash.
    /// </remarks>
    public sealed class ConfigurationStore
    {
        public const string FileName = "config.json";
        public const string TemporaryFileName = "config.tmp";

        /// <summary>File an installer may place on the flash (nanoff --filedeployment) instead of running the setup.</summary>
        public const string ProvisioningFileName = "provision.json";

        /// <summary>Key of the password hash in the stored file.</summary>
        public const string PasswordHashKey = "TechnicianPasswordHash";

        /// <summary>Key of the clear-text technician password in the provisioning file; it is hashed, never stored.</summary>
        public const string PasswordKey = "TechnicianPassword";

        /// <summary>Largest configuration or provisioning file read, in bytes.</summary>
        public const int MaxFileBytes = 8192;

        private const int MaxDepth = 3;

        private readonly IFileStorage _storage;
        private readonly JsonReader _reader = new JsonReader(MaxDepth);
        private readonly bool[] _present = new bool[ConfigurationRegistry.Settings.Length];
        private int _ignoredKeys;
        private string _password;
        private string _passwordHash;

        public ConfigurationStore(IFileStorage storage)
        {
            _storage = storage;
        }

        /// <summary>
        /// Fills <paramref name="configuration"/> from the flash and sets its <see cref="CabinetConfiguration.IsProvisioned"/>.
        /// A valid provisioning file wins over the stored configuration: it is applied, saved and
        /// deleted, and its password hashed with a salt from <paramref name="random"/> (this takes the
        /// PBKDF2 time of one login, before the loop starts). Reads and writes the flash; never throws
        /// for bad file content.
        /// </summary>
        public ConfigurationLoadResult Load(CabinetConfiguration configuration, IRandomSource random)
        {
            SettingCheck provisioningProblem = null;
            if (_storage.GetLength(ProvisioningFileName) >= 0)
            {
                provisioningProblem = ApplyProvisioningFile(configuration, random);
                if (provisioningProblem.IsValid)
                {
                    return new ConfigurationLoadResult(ConfigurationLoadOutcome.ProvisioningFileApplied, null, null, 0);
                }
            }

            RecoverTemporaryFile();
            ConfigurationRegistry.ApplyDefaults(configuration);
            if (_storage.GetLength(FileName) < 0)
            {
                configuration.IsProvisioned = false;
                return new ConfigurationLoadResult(ConfigurationLoadOutcome.NotProvisioned, null, provisioningProblem, 0);
            }

            SettingCheck problem = ReadFile(FileName, configuration, false);
            if (problem.IsValid)
            {
                configuration.TechnicianPasswordHash = _passwordHash;
                problem = ConfigurationValidator.Validate(configuration);
            }

            configuration.IsProvisioned = problem.IsValid;
            ConfigurationLoadOutcome outcome = problem.IsValid ? ConfigurationLoadOutcome.Loaded : ConfigurationLoadOutcome.StoredInvalid;
            return new ConfigurationLoadResult(outcome, problem, provisioningProblem, _ignoredKeys);
        }

        /// <summary>
        /// Checks the provisioning file without applying it, for the console to explain why it was not
        /// used. Returns <see cref="SettingCheck.Valid"/> when there is none.
        /// </summary>
        public SettingCheck CheckProvisioningFile()
        {
            if (_storage.GetLength(ProvisioningFileName) < 0)
            {
                return SettingCheck.Valid;
            }

            CabinetConfiguration candidate = new CabinetConfiguration();
            ConfigurationRegistry.ApplyDefaults(candidate);
            SettingCheck problem = ReadFile(ProvisioningFileName, candidate, true);
            if (!problem.IsValid)
            {
                return problem;
            }

            // A setting provisioning must give cannot be left to its factory default by omission.
            for (int i = 0; i < _present.Length; i++)
            {
                SettingDefinition setting = ConfigurationRegistry.Settings[i];
                if (setting.IsRequiredAtProvisioning && !_present[i])
                {
                    return new SettingCheck(SettingErrorKind.Required, setting.Key, "", null, null);
                }
            }

            problem = SettingValidator.Check(TechnicianPassword.Rule, _password ?? "");
            _password = null;
            if (!problem.IsValid)
            {
                return problem;
            }

            return ConfigurationValidator.ValidateSettings(candidate);
        }

        /// <summary>
        /// Writes the configuration atomically: a power cut leaves either the previous file or the new
        /// one. Throws what the storage throws; the caller reports it and keeps the previous values.
        /// </summary>
        public void Save(CabinetConfiguration configuration)
        {
            JsonWriter writer = new JsonWriter(MaxFileBytes, MaxDepth);
            writer.WriteStartObject();
            SettingDefinition[] settings = ConfigurationRegistry.Settings;
            for (int i = 0; i < settings.Length; i++)
            {
                WriteSetting(writer, settings[i], configuration);
            }

            if (configuration.TechnicianPasswordHash != null)
            {
                writer.WriteString(PasswordHashKey, configuration.TechnicianPasswordHash);
            }

            writer.WriteEndObject();
            _storage.Write(TemporaryFileName, writer.Buffer, 0, writer.Length);
            _storage.Rename(TemporaryFileName, FileName);
            System.Array.Clear(writer.Buffer, 0, writer.Length);
        }

        /// <summary>Deletes the configuration, its temporary copy and any provisioning file, which hold every secret of the cabinet.</summary>
        public void Erase()
        {
            _storage.Delete(TemporaryFileName);
            _storage.Delete(FileName);
            _storage.Delete(ProvisioningFileName);
        }

        private SettingCheck ApplyProvisioningFile(CabinetConfiguration configuration, IRandomSource random)
        {
            SettingCheck problem = CheckProvisioningFile();
            if (!problem.IsValid)
            {
                return problem;
            }

            CabinetConfiguration provisioned = new CabinetConfiguration();
            ConfigurationRegistry.ApplyDefaults(provisioned);
            ReadFile(ProvisioningFileName, provisioned, true);

            TechnicianPassword hasher = new TechnicianPassword();
            hasher.BeginHash(_password, random, TechnicianPassword.DefaultIterations);
            _password = null;
            while (!hasher.Step(TechnicianPassword.DefaultIterations))
            {
            }

            provisioned.TechnicianPasswordHash = hasher.Record;
            provisioned.IsProvisioned = true;
            Save(provisioned);
            _storage.Delete(ProvisioningFileName);
            ConfigurationRegistry.CopySettings(provisioned, configuration);
            return SettingCheck.Valid;
        }

        // A config.tmp without config.json is a first save cut before its rename: used
        // when it reads as a complete configuration, deleted otherwise. With both present, the main
        // file is the last complete save.
        private void RecoverTemporaryFile()
        {
            if (_storage.GetLength(TemporaryFileName) < 0)
            {
                return;
            }

            if (_storage.GetLength(FileName) < 0)
            {
                CabinetConfiguration candidate = new CabinetConfiguration();
                if (ReadFile(TemporaryFileName, candidate, false).IsValid)
                {
                    _storage.Rename(TemporaryFileName, FileName);
                    return;
                }
            }

            _storage.Delete(TemporaryFileName);
        }

        // Applies every key of the file to the configuration. The provisioning file must use only
        // registry keys, so that a typo cannot pass silently, and may contain the clear password. The
        // stored file may contain keys of a newer firmware, which are counted and skipped.
        private SettingCheck ReadFile(string name, CabinetConfiguration configuration, bool provisioning)
        {
            _ignoredKeys = 0;
            _password = null;
            _passwordHash = null;
            System.Array.Clear(_present, 0, _present.Length);
            int length = _storage.GetLength(name);
            if (length < 0)
            {
                length = 0;
            }

            if (length > MaxFileBytes)
            {
                return new SettingCheck(SettingErrorKind.FileTooLarge, name, length.ToString(), MaxFileBytes.ToString(), null);
            }

            byte[] content = new byte[length];
            int read = _storage.Read(name, 0, content, 0, length);
            try
            {
                int start = TextFileEncoding.TextStart(content, read);
                if (start < 0)
                {
                    return new SettingCheck(SettingErrorKind.Utf16File, name, null, null, null);
                }

                return ReadObject(content, start, read - start, configuration, provisioning);
            }
            catch (JsonFormatException exception)
            {
                // The reader's message names the byte offset and the rule broken, which the installer
                // needs in full. It quotes at most the one character found there.
                return new SettingCheck(SettingErrorKind.InvalidFile, name, SettingText.Printable(exception.Message, SettingText.MaxReasonCharacters), null, null);
            }
            finally
            {
                System.Array.Clear(content, 0, content.Length);
            }
        }

        private SettingCheck ReadObject(byte[] content, int start, int length, CabinetConfiguration configuration, bool provisioning)
        {
            _reader.Reset(content, start, length);
            _reader.Read();
            if (_reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonFormatException("the file is not a JSON object", _reader.TokenStart);
            }

            while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
            {
                string key = _reader.GetString();
                _reader.Read();
                string value;
                try
                {
                    value = ReadValueText();
                }
                catch (JsonFormatException exception)
                {
                    // Name the key, and the byte when the reader's message does not already give it.
                    string where = exception.Message.IndexOf("at byte") >= 0 ? "" : " (byte " + exception.Position.ToString() + ")";
                    throw new JsonFormatException(SettingText.Printable(key) + ": " + exception.Message + where, exception.Position);
                }

                SettingCheck check = ApplyProperty(key, value, configuration, provisioning);
                if (!check.IsValid)
                {
                    return check;
                }
            }

            return SettingCheck.Valid;
        }

        private SettingCheck ApplyProperty(string key, string value, CabinetConfiguration configuration, bool provisioning)
        {
            if (provisioning && key == PasswordKey)
            {
                if (_password != null)
                {
                    return new SettingCheck(SettingErrorKind.DuplicateKey, key, key, null, null);
                }

                _password = value ?? "";
                return SettingCheck.Valid;
            }

            if (!provisioning && key == PasswordHashKey)
            {
                _passwordHash = value;
                return SettingCheck.Valid;
            }

            SettingDefinition setting = ConfigurationRegistry.Find(key);
            if (setting == null)
            {
                if (provisioning)
                {
                    return new SettingCheck(SettingErrorKind.UnknownKey, key, SettingText.Printable(key), null, null);
                }

                _ignoredKeys++;
                return SettingCheck.Valid;
            }

            // A key given twice (a line left over from a template, say) would otherwise apply silently
            // whichever value comes last.
            for (int i = 0; i < _present.Length; i++)
            {
                if (ConfigurationRegistry.Settings[i] == setting)
                {
                    if (_present[i])
                    {
                        return new SettingCheck(SettingErrorKind.DuplicateKey, setting.Key, SettingText.Printable(key), null, null);
                    }

                    _present[i] = true;
                }
            }

            return ConfigurationRegistry.Apply(setting, configuration, value);
        }

        // Returns the value as the text a technician would type: numbers and booleans as written,
        // null as "" (not set), an array of numbers as "1,2,3".
        private string ReadValueText()
        {
            switch (_reader.TokenType)
            {
                case JsonTokenType.String:
                    return _reader.GetString();
                case JsonTokenType.True:
                    return "true";
                case JsonTokenType.False:
                    return "false";
                case JsonTokenType.Null:
                    return "";
                case JsonTokenType.Number:
                    return NumberText();
                case JsonTokenType.StartArray:
                    string list = "";
                    while (_reader.Read() && _reader.TokenType == JsonTokenType.Number)
                    {
                        list += list.Length == 0 ? NumberText() : "," + NumberText();
                    }

                    if (_reader.TokenType != JsonTokenType.EndArray)
                    {
                        throw new JsonFormatException("an array may hold only numbers", _reader.TokenStart);
                    }

                    return list;
                default:
                    throw new JsonFormatException("a value must be a string, a number, a boolean, null or an array of numbers", _reader.TokenStart);
            }
        }

        private string NumberText()
        {
            long value;
            if (!_reader.TryGetInt64(out value))
            {
                throw new JsonFormatException("numbers must be integers", _reader.TokenStart);
            }

            return value.ToString();
        }

        private static void WriteSetting(JsonWriter writer, SettingDefinition setting, CabinetConfiguration configuration)
        {
            string text = ConfigurationRegistry.GetText(setting, configuration);
            switch (setting.Type)
            {
                case SettingType.Integer:
                    writer.WriteNumber(setting.Key, setting.GetInteger(configuration));
                    return;
                case SettingType.Boolean:
                    writer.WriteBoolean(setting.Key, setting.GetBoolean(configuration));
                    return;
                case SettingType.IntegerList:
                    writer.WriteStartArray(setting.Key);
                    int[] values = setting.GetIntegerList(configuration);
                    for (int i = 0; values != null && i < values.Length; i++)
                    {
                        writer.WriteNumberValue(values[i]);
                    }

                    writer.WriteEndArray();
                    return;
                default:
                    if (text.Length == 0)
                    {
                        writer.WriteNull(setting.Key);
                    }
                    else
                    {
                        writer.WriteString(setting.Key, text);
                    }

                    return;
            }
        }
    }
}
