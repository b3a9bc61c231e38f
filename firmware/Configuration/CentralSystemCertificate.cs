using System;
using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Root CA certificate that a wss:// link verifies the central system against: a PEM file the
    /// installer places on the flash next to the provisioning file. This class checks only its form,
    /// and the TLS stack parses it when the link opens.
    /// </summary>
    public static class CentralSystemCertificate
    {
        public const string FileName = "ca.pem";

        /// <summary>Largest file read, in bytes. A root certificate in PEM form is typically 1 to 3 KB.</summary>
        public const int MaxFileBytes = 8192;

        private const string BeginMarker = "-----BEGIN CERTIFICATE-----";
        private const string EndMarker = "-----END CERTIFICATE-----";

        /// <summary>
        /// Reads the PEM text of <see cref="FileName"/>; returns null when the file is missing or invalid.
        /// <paramref name="problem"/> is null when the certificate was read or no file exists, otherwise
        /// it gives the reason for the rejection. Does not throw.
        /// </summary>
        public static string Load(IFileStorage storage, out string problem)
        {
            problem = null;
            byte[] content;
            try
            {
                int length = storage.GetLength(FileName);
                if (length < 0)
                {
                    return null;
                }

                if (length == 0 || length > MaxFileBytes)
                {
                    problem = FileName + " rejected: " + length.ToString() + " bytes, expected 1 to " + MaxFileBytes.ToString()
                        + "; copy the central system's root CA certificate in PEM form";
                    return null;
                }

                content = new byte[length];
                if (storage.Read(FileName, 0, content, 0, length) != length)
                {
                    problem = FileName + " read failed: fewer than " + length.ToString() + " bytes returned";
                    return null;
                }
            }
            catch (Exception e)
            {
                problem = FileName + " read failed: " + e.Message;
                return null;
            }

            int start = TextFileEncoding.TextStart(content, content.Length);
            if (start < 0)
            {
                problem = FileName + " rejected: " + TextFileEncoding.Utf16Problem;
                return null;
            }

            char[] text = new char[content.Length - start];
            for (int i = start; i < content.Length; i++)
            {
                byte b = content[i];
                if ((b < 0x20 || b > 0x7E) && b != (byte)'\r' && b != (byte)'\n' && b != (byte)'\t')
                {
                    problem = FileName + " rejected: byte 0x" + SettingText.ToHex(new byte[] { b }) + " at offset " + i.ToString()
                        + " is not ASCII text. Remove any comment line with accents; convert a DER file with: openssl x509 -inform der -in ca.cer -out ca.pem";
                    return null;
                }

                text[i - start] = (char)b;
            }

            string pem = new string(text);
            if (pem.IndexOf("PRIVATE KEY-----") >= 0)
            {
                // A root CA certificate is public: a private key in the file would sit unencrypted on the flash.
                problem = FileName + " rejected: it contains a private key, which does not belong on the cabinet; keep only the CERTIFICATE block";
                return null;
            }

            int begin = pem.IndexOf(BeginMarker);
            if (begin < 0 || pem.IndexOf(EndMarker, begin + BeginMarker.Length) < 0)
            {
                problem = FileName + " rejected: no " + BeginMarker + " ... " + EndMarker + " block found";
                return null;
            }

            return pem;
        }
    }
}
