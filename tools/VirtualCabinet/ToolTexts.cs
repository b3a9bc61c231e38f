using System.Globalization;
using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>
    /// The virtual cabinet's own texts (help, panel labels, command results), in French by default or in
    /// English. The resident texts on the simulated display come from the firmware's message catalogue.
    /// </summary>
    public sealed class ToolTexts
    {
        private readonly bool _english;

        /// <summary>Creates the texts of <paramref name="language"/>: "en" for English, anything else for French.</summary>
        public ToolTexts(string language)
        {
            _english = language == "en";
        }

        public string Usage => Pick(
@"Armoire virtuelle KiWhi : le firmware de l'armoire sur du matériel simulé.

Utilisation : KiWhi.Armoire.VirtualCabinet [options]

Options :
  --bays N               Nombre de bornes, de 1 à 99 (4 par défaut).
  --spots 101,102,...    Numéro de place de chaque borne (1..N par défaut).
  --lang fr|en           Langue de l'outil et des textes résidents (fr par défaut).
  --identity ID          Identité du point de charge (VIRTUAL-01 par défaut).
  --csms ws://hôte:port/chemin
                         Système central auquel se connecter ; par défaut, un système
                         central de banc démarre dans le processus sur un port libre
                         de 127.0.0.1.
  --script FICHIER       Exécute les commandes du fichier (ou de l'entrée standard
                         avec « - ») puis s'arrête ; code de sortie 1 si une
                         vérification « expect » échoue.
  --power W              Puissance tirée par une borne dont le contacteur est fermé,
                         en watts (7400 par défaut).
  --state DOSSIER        Dossier des fichiers de l'armoire et du journal ; par défaut,
                         un dossier temporaire effacé à la sortie.
  --meter-interval S     Intervalle des MeterValues, en secondes (60 par défaut ; 0 les
                         désactive).
  --expect-timeout S     Attente maximale d'une commande « expect », en secondes (5 par
                         défaut).
  --uid-only             Identifie les cartes par leur seul UID, sans l'authentification
                         KiWhi Pass (banc avec des cartes quelconques).
  --first-boot           Prend la configuration dans le dossier flash de l'armoire, comme
                         sur une carte : sans configuration, l'assistant de première mise
                         en service démarre sur la console (commande « console »).
  --technician-password MOT
                         Mot de passe technicien de la console (8 à 64 octets) ; sans
                         lui, la connexion à la console est refusée. Visible dans la
                         liste des processus : réservé au banc.
  --help                 Affiche ce texte.",
@"KiWhi virtual cabinet: the cabinet firmware on simulated hardware.

Usage: KiWhi.Armoire.VirtualCabinet [options]

Options:
  --bays N               Number of bays, 1 to 99 (default 4).
  --spots 101,102,...    Parking-spot number of each bay (default 1..N).
  --lang fr|en           Language of the tool and of the resident texts (default fr).
  --identity ID          Charge-point identity (default VIRTUAL-01).
  --csms ws://host:port/path
                         Central system to connect to; by default a bench central
                         system starts in-process on a free port of 127.0.0.1.
  --script FILE          Run the commands of FILE (or of standard input with ""-"")
                         and stop; exit code 1 when an ""expect"" check fails.
  --power W              Power drawn by a bay whose contactor is closed, in watts
                         (default 7400).
  --state FOLDER         Folder of the cabinet's files and of the log; by default a
                         temporary folder deleted at exit.
  --meter-interval S     MeterValues interval in seconds (default 60; 0 disables them).
  --expect-timeout S     Longest wait of an ""expect"" command, in seconds (default 5).
  --uid-only             Identify cards by UID alone, without the KiWhi Pass
                         authentication (a bench with any cards).
  --first-boot           Take the configuration from the cabinet's flash folder, as on a
                         board: without one, the first-boot setup starts on the console
                         (command ""console"").
  --technician-password WORD
                         Technician password of the console (8 to 64 bytes); without
                         it, console login is refused. Visible in the process list:
                         for a bench only.
  --help                 Show this text.");

        public string CommandHelp => Pick(
@"Commandes :
  badge NOM|UID            Pose une carte sur le lecteur : alice, bob, carol, mallory
                           (refusée par le banc), alice-clone (clé fausse), blank
                           (jamais personnalisée) ou un UID hexadécimal (8, 14 ou 20
                           chiffres ; 14 chiffres commençant par 04 donnent une carte
                           KiWhi Pass). Une carte déjà posée est d'abord retirée.
  remove                   Retire la carte du lecteur.
  key TOUCHES              Tape des touches du clavier : 0-9, * (annuler), # (valider).
                           Exemple : key 12#  (« keys » fonctionne aussi)
  wait SECONDES            Attend (décimales acceptées).
  power BORNE W            Change la puissance tirée par une borne, en watts.
  console                  Branche le clavier sur la console technicien de l'armoire, comme
                           un terminal série ; Ctrl+] revient aux commandes.
  console TEXTE            Envoie une ligne à la console technicien et affiche sa réponse.
  status                   Affiche l'état complet.
  expect display TEXTE     Attend que l'afficheur montre TEXTE (casse et espaces ignorés).
  expect contactor N open|closed
                           Attend que le contacteur de la borne N soit ouvert ou fermé.
  expect link open|closed  Attend que le lien WebSocket soit ouvert ou fermé.
  expect registration ÉTAT Attend l'enregistrement du firmware : Accepted, Pending,
                           Rejected ou Unknown.
  help                     Affiche cette aide.
  quit                     Arrête l'armoire virtuelle.
Les lignes vides et celles qui commencent par # sont ignorées.",
@"Commands:
  badge NAME|UID           Put a card on the reader: alice, bob, carol, mallory
                           (rejected by the bench), alice-clone (wrong key), blank
                           (never personalised) or a hexadecimal UID (8, 14 or 20
                           digits; 14 digits starting with 04 give a KiWhi Pass card).
                           A card already on the reader is removed first.
  remove                   Take the card off the reader.
  key KEYS                 Press keypad keys: 0-9, * (cancel), # (confirm).
                           Example: key 12#  (""keys"" works too)
  wait SECONDS             Wait (decimals allowed).
  power BAY W              Change the power drawn by a bay, in watts.
  console                  Connect the keyboard to the cabinet's technician console, as a
                           serial terminal would; Ctrl+] returns to the commands.
  console TEXT             Send a line to the technician console and show its output.
  status                   Show the full status.
  expect display TEXT      Wait until the display shows TEXT (case and spacing ignored).
  expect contactor N open|closed
                           Wait until the contactor of bay N is open or closed.
  expect link open|closed  Wait until the WebSocket link is open or closed.
  expect registration STATE
                           Wait for the firmware's registration: Accepted, Pending,
                           Rejected or Unknown.
  help                     Show this help.
  quit                     Stop the virtual cabinet.
Blank lines and lines starting with # are ignored.");

        public string Title => Pick("Armoire virtuelle KiWhi", "KiWhi virtual cabinet");

        public string LinkLabel => Pick("lien", "link");

        public string RegistrationLabel => Pick("enregistrement", "registration");

        public string LedLabel => Pick("LED", "LED");

        public string BuzzerLabel => Pick("buzzer", "buzzer");

        public string BayHeader => Pick("Borne  Place  Contacteur  Énergie       État", "Bay    Spot   Contactor   Energy        Status");

        public string Open => Pick("ouvert", "open");

        public string Closed => Pick("fermé", "closed");

        public string CardOnReader => Pick("Carte sur le lecteur", "Card on the reader");

        public string NoCard => Pick("aucune", "none");

        public string LastFrames => Pick("Derniers messages OCPP (-> envoyé, <- reçu)", "Last OCPP messages (-> sent, <- received)");

        public string LastLogs => Pick("Derniers journaux", "Last log lines");

        public string Prompt => "> ";

        public string BenchStarted(string url) => Pick("Système central de banc démarré sur " + url + ".", "Bench central system started on " + url + ".");

        public string StateFolderUsed(string folder) => Pick("Dossier d'état : " + folder, "State folder: " + folder);

        public string LogFileUsed(string path) => Pick("Journal : " + path, "Log: " + path);

        public string FirmwareNotImplemented(string message) => Pick(
            "Le Cabinet du firmware n'est pas encore implémenté (" + message + ") : l'armoire virtuelle ne peut pas démarrer.",
            "The firmware Cabinet is not implemented yet (" + message + "): the virtual cabinet cannot start.");

        public string StartFailed(string message) => Pick("Échec du démarrage de l'armoire virtuelle : " + message, "The virtual cabinet failed to start: " + message);

        public string CardPresented(string name, string uid) => Pick("Carte " + name + " (" + uid + ") posée sur le lecteur.", "Card " + name + " (" + uid + ") put on the reader.");

        public string CardRemoved => Pick("Carte retirée du lecteur.", "Card taken off the reader.");

        public string NoCardToRemove => Pick("Aucune carte sur le lecteur.", "No card on the reader.");

        public string KeysTyped(string keys) => Pick("Touches tapées : " + keys, "Keys pressed: " + keys);

        public string KeysLost(string keys) => Pick("Touches perdues, le clavier n'est pas démarré : " + keys, "Keys lost, the keypad is not started: " + keys);

        public string PowerSet(int bay, double powerW) => Pick(
            "Borne " + bay + " : puissance " + Number(powerW) + " W.",
            "Bay " + bay + ": power " + Number(powerW) + " W.");

        public string InvalidTechnicianPassword => Pick(
            "--technician-password : le mot de passe doit compter de 8 à 64 octets, sans caractère de contrôle.",
            "--technician-password: the password must have 8 to 64 bytes and no control character.");

        public string ConsoleAttached => Pick(
            "Console technicien : le clavier va maintenant à la console de l'armoire (tapez « help »). Ctrl+] revient aux commandes.",
            "Technician console: the keyboard now goes to the cabinet's console (type 'help'). Ctrl+] returns to the commands.");

        public string ConsoleDetached => Pick("Retour aux commandes de l'armoire virtuelle.", "Back to the virtual cabinet's commands.");

        public string ConsoleNeedsTerminal => Pick(
            "« console » seul demande un terminal interactif : dans un script, utilisez « console TEXTE ».",
            "'console' alone needs an interactive terminal: in a script, use 'console TEXT'.");

        public string ConsoleOutput(string output) => Pick("Console : ", "Console: ") + (output.Length == 0 ? Pick("(aucune réponse)", "(no output)") : output);

        public string ExpectMet(string condition) => Pick("OK : " + condition, "OK: " + condition);

        public string ExpectDisplayFailed(string expected, string line1, string line2, double seconds) => Pick(
            "ÉCHEC : l'afficheur ne montre pas « " + expected + " » après " + Number(seconds) + " s ; il montre « " + line1 + " | " + line2 + " ».",
            "FAILED: the display does not show \"" + expected + "\" after " + Number(seconds) + " s; it shows \"" + line1 + " | " + line2 + "\".");

        public string ExpectContactorFailed(int bay, bool expectedClosed, double seconds) => Pick(
            "ÉCHEC : le contacteur de la borne " + bay + " n'est pas " + (expectedClosed ? "fermé" : "ouvert") + " après " + Number(seconds) + " s.",
            "FAILED: the contactor of bay " + bay + " is not " + (expectedClosed ? "closed" : "open") + " after " + Number(seconds) + " s.");

        public string DisplayShows(string text) => Pick("l'afficheur montre « " + text + " »", "the display shows \"" + text + "\"");

        public string ContactorIs(int bay, bool closed) => Pick(
            "le contacteur de la borne " + bay + " est " + (closed ? "fermé" : "ouvert"),
            "the contactor of bay " + bay + " is " + (closed ? "closed" : "open"));

        public string LinkIs(bool open) => Pick("le lien est " + (open ? "ouvert" : "fermé"), "the link is " + (open ? "open" : "closed"));

        public string ExpectLinkFailed(bool expectedOpen, double seconds, string lastCloseReason) => Pick(
            "ÉCHEC : le lien n'est pas " + (expectedOpen ? "ouvert" : "fermé") + " après " + Number(seconds) + " s" + (lastCloseReason == null ? "." : " ; dernière fermeture : " + lastCloseReason + "."),
            "FAILED: the link is not " + (expectedOpen ? "open" : "closed") + " after " + Number(seconds) + " s" + (lastCloseReason == null ? "." : "; last closure: " + lastCloseReason + "."));

        public string RegistrationIs(string state) => Pick("l'enregistrement est " + state, "the registration is " + state);

        public string ExpectRegistrationFailed(string expected, string actual, double seconds) => Pick(
            "ÉCHEC : l'enregistrement n'est pas " + expected + " après " + Number(seconds) + " s ; il est " + actual + ".",
            "FAILED: the registration is not " + expected + " after " + Number(seconds) + " s; it is " + actual + ".");

        public string UnknownCommand(string line) => Pick(
            "Commande inconnue « " + line + " ». Tapez « help » pour la liste des commandes.",
            "Unknown command \"" + line + "\". Type \"help\" for the list of commands.");

        public string WrongArguments(string line, string command) => Pick(
            "Arguments manquants ou en trop dans « " + line + " ». Tapez « help » pour l'usage de " + command + ".",
            "Missing or extra arguments in \"" + line + "\". Type \"help\" for the usage of " + command + ".");

        public string InvalidArgument(string line, string detail) => Pick(
            "Commande invalide « " + line + " » : " + detail,
            "Invalid command \"" + line + "\": " + detail);

        public string BayOutOfRange(string value, int bayCount) => Pick(
            "la borne « " + value + " » n'existe pas ; les bornes vont de 1 à " + bayCount + ".",
            "bay \"" + value + "\" does not exist; bays are 1 to " + bayCount + ".");

        public string InvalidSeconds(string value) => Pick("« " + value + " » : nombre de secondes attendu, de 0 à 3600.", "\"" + value + "\": expected a number of seconds from 0 to 3600.");

        public string InvalidWatts(string value) => Pick("« " + value + " » : puissance attendue en watts, de 0 à 1000000.", "\"" + value + "\": expected a power in watts, from 0 to 1000000.");

        public string InvalidKey(char key) => Pick("le clavier n'a pas de touche « " + key + " » ; touches : 0-9, * et #.", "the keypad has no key \"" + key + "\"; keys are 0-9, * and #.");

        public string ExpectedOpenOrClosed(string value) => Pick("« " + value + " » : attendu open ou closed.", "\"" + value + "\": expected open or closed.");

        public string ScriptLine(int number, string line) => Pick("[ligne " + number + "] " + line, "[line " + number + "] " + line);

        public string ScriptPassed(int commands) => Pick("Script terminé : " + commands + " commandes exécutées.", "Script finished: " + commands + " commands run.");

        public string ScriptFailed(int number) => Pick("Script arrêté à la ligne " + number + ".", "Script stopped at line " + number + ".");

        public string Interrupted => Pick("Armoire virtuelle arrêtée.", "Virtual cabinet stopped.");

        public string ScriptNotFound(string path) => Pick("Le script « " + path + " » est introuvable.", "The script \"" + path + "\" was not found.");

        public string RecentLogsHeader => Pick("Derniers journaux de l'armoire :", "Last cabinet log lines:");

        public string OptionNeedsValue(string name) => Pick("l'option " + name + " attend une valeur.", "the option " + name + " needs a value.");

        public string UnknownOption(string name) => Pick("option inconnue « " + name + " » ; voir --help.", "unknown option \"" + name + "\"; see --help.");

        public string InvalidLanguage(string value) => Pick("--lang « " + value + " » : utilisez fr ou en.", "--lang \"" + value + "\": use fr or en.");

        public string InvalidCentralSystemUrl(string value) => Pick(
            "--csms « " + value + " » n'est pas une URL ws:// ou wss://.",
            "--csms \"" + value + "\" is not a ws:// or wss:// URL.");

        public string InvalidNumber(string name, string value) => Pick(name + " « " + value + " » n'est pas un nombre valide.", name + " \"" + value + "\" is not a valid number.");

        public string IntegerOutOfRange(string name, string value, int min, int max) => Pick(
            name + " « " + value + " » : entier attendu entre " + min + " et " + max + ".",
            name + " \"" + value + "\": expected an integer from " + min + " to " + max + ".");

        public string InvalidSpots(string value) => Pick(
            "--spots « " + value + " » : numéros de place distincts de 1 à 9999 séparés par des virgules (99 au plus).",
            "--spots \"" + value + "\": distinct spot numbers from 1 to 9999 separated by commas (at most 99).");

        public string SpotCountMismatch(int spots, int bays) => Pick(
            "--spots donne " + spots + " places mais --bays en demande " + bays + ".",
            "--spots gives " + spots + " spots but --bays asks for " + bays + ".");

        public string InvalidIdentity(string value) => Pick(
            "--identity « " + value + " » : 1 à 20 caractères ASCII imprimables, sans espace ni « / ».",
            "--identity \"" + value + "\": 1 to 20 printable ASCII characters, no space or \"/\".");

        public string LoopFaults(int count) => Pick("erreurs de boucle : " + count, "loop faults: " + count);

        public string ColorName(IndicatorColor color)
        {
            switch (color)
            {
                case IndicatorColor.Blue:
                    return Pick("bleu", "blue");
                case IndicatorColor.Yellow:
                    return Pick("jaune", "yellow");
                case IndicatorColor.Green:
                    return Pick("vert", "green");
                case IndicatorColor.Red:
                    return Pick("rouge", "red");
                default:
                    return Pick("éteinte", "off");
            }
        }

        public string PatternName(BuzzerPattern pattern)
        {
            switch (pattern)
            {
                case BuzzerPattern.Click:
                    return Pick("clic", "click");
                case BuzzerPattern.Success:
                    return Pick("succès", "success");
                case BuzzerPattern.Error:
                    return Pick("erreur", "error");
                default:
                    return "-";
            }
        }

        public string LinkStateText(bool open) => open ? Pick("ouvert", "open") : Pick("fermé", "closed");

        private static string Number(double value)
        {
            return value.ToString("0.###", CultureInfo.InvariantCulture);
        }

        /// <summary>Language of these texts: "fr" or "en".</summary>
        public string Language => _english ? "en" : "fr";

        public string InvalidPower(string value) => Pick(
            "--power « " + value + " » : puissance attendue entre 0 et 1000000 W.",
            "--power \"" + value + "\": expected a power from 0 to 1000000 W.");

        public string StateIsAFile(string value) => Pick(
            "--state « " + value + " » est un fichier : indiquez un dossier, nouveau ou existant.",
            "--state \"" + value + "\" is a file: give a folder, new or existing.");

        private string Pick(string french, string english)
        {
            return _english ? english : french;
        }
    }
}
