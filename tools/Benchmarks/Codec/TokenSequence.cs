using System;
using System.Collections.Generic;
using System.Text.Json;
using KiWhi.Armoire.Protocol.Json;
using StjTokenType = System.Text.Json.JsonTokenType;

namespace KiWhi.Armoire.Tools.Benchmarks.Codec
{
    /// <summary>
    /// The tokens of one frame with their decoded values, recorded once so that both writers are timed
    /// on the same sequence of calls and neither pays for parsing.
    /// </summary>
    public sealed class TokenSequence
    {
        private readonly StjTokenType[] _types;
        private readonly string[] _strings;
        private readonly long[] _integers;
        private readonly double[] _reals;
        private readonly bool[] _isInteger;

        private TokenSequence(List<StjTokenType> types, List<string> strings, List<long> integers, List<double> reals, List<bool> isInteger)
        {
            _types = types.ToArray();
            _strings = strings.ToArray();
            _integers = integers.ToArray();
            _reals = reals.ToArray();
            _isInteger = isInteger.ToArray();
        }

        /// <summary>Records the tokens of <paramref name="utf8"/>; numbers without fraction or exponent are written back as long.</summary>
        public static TokenSequence Record(byte[] utf8)
        {
            var types = new List<StjTokenType>();
            var strings = new List<string>();
            var integers = new List<long>();
            var reals = new List<double>();
            var isInteger = new List<bool>();

            var reader = new Utf8JsonReader(utf8);
            while (reader.Read())
            {
                types.Add(reader.TokenType);
                bool integer = reader.TokenType == StjTokenType.Number && reader.TryGetInt64(out _);
                strings.Add(reader.TokenType == StjTokenType.String || reader.TokenType == StjTokenType.PropertyName ? reader.GetString() : null);
                integers.Add(integer ? reader.GetInt64() : 0);
                reals.Add(reader.TokenType == StjTokenType.Number && !integer ? reader.GetDouble() : 0);
                isInteger.Add(integer);
            }

            return new TokenSequence(types, strings, integers, reals, isInteger);
        }

        /// <summary>Writes the sequence with the project's writer, after resetting it.</summary>
        public void WriteTo(JsonWriter writer)
        {
            writer.Reset();
            for (int i = 0; i < _types.Length; i++)
            {
                switch (_types[i])
                {
                    case StjTokenType.StartObject: writer.WriteStartObject(); break;
                    case StjTokenType.EndObject: writer.WriteEndObject(); break;
                    case StjTokenType.StartArray: writer.WriteStartArray(); break;
                    case StjTokenType.EndArray: writer.WriteEndArray(); break;
                    case StjTokenType.PropertyName: writer.WritePropertyName(_strings[i]); break;
                    case StjTokenType.String: writer.WriteStringValue(_strings[i]); break;
                    case StjTokenType.Number:
                        if (_isInteger[i])
                        {
                            writer.WriteNumberValue(_integers[i]);
                        }
                        else
                        {
                            writer.WriteNumberValue(_reals[i]);
                        }

                        break;
                    case StjTokenType.True: writer.WriteBooleanValue(true); break;
                    case StjTokenType.False: writer.WriteBooleanValue(false); break;
                    case StjTokenType.Null: writer.WriteNullValue(); break;
                    default: throw new InvalidOperationException("Unexpected token " + _types[i] + " in a recorded frame.");
                }
            }
        }

        /// <summary>Writes the sequence with System.Text.Json's writer; the caller resets it and its buffer.</summary>
        public void WriteTo(Utf8JsonWriter writer)
        {
            for (int i = 0; i < _types.Length; i++)
            {
                switch (_types[i])
                {
                    case StjTokenType.StartObject: writer.WriteStartObject(); break;
                    case StjTokenType.EndObject: writer.WriteEndObject(); break;
                    case StjTokenType.StartArray: writer.WriteStartArray(); break;
                    case StjTokenType.EndArray: writer.WriteEndArray(); break;
                    case StjTokenType.PropertyName: writer.WritePropertyName(_strings[i]); break;
                    case StjTokenType.String: writer.WriteStringValue(_strings[i]); break;
                    case StjTokenType.Number:
                        if (_isInteger[i])
                        {
                            writer.WriteNumberValue(_integers[i]);
                        }
                        else
                        {
                            writer.WriteNumberValue(_reals[i]);
                        }

                        break;
                    case StjTokenType.True: writer.WriteBooleanValue(true); break;
                    case StjTokenType.False: writer.WriteBooleanValue(false); break;
                    case StjTokenType.Null: writer.WriteNullValue(); break;
                    default: throw new InvalidOperationException("Unexpected token " + _types[i] + " in a recorded frame.");
                }
            }

            writer.Flush();
        }
    }
}
