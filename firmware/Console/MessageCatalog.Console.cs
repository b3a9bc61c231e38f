namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The console section of the message catalogue: technician and installer texts in French and
    /// English. Unlike resident texts they have no width limit. Placeholders {0} to {9} take the
    /// arguments of <see cref="FormatConsole(ConsoleTextId, string, string[])"/>; a host test checks that both
    /// languages of an entry use the same placeholders.
    /// </summary>
    public static partial class MessageCatalog
    {
        // One row per ConsoleTextId, in enum order: the French text, then the English text.
        private static readonly string[] ConsoleTexts = new string[]
        {
            // Banner
            "KiWhi Armoire {0}, borne {1}. Tapez « help » pour la liste des commandes.",
            "KiWhi Armoire {0}, charge point {1}. Type 'help' for the list of commands.",
            // UnknownCommand
            "Commande inconnue : « {0} ». Tapez « help » pour la liste des commandes.",
            "Unknown command: '{0}'. Type 'help' for the list of commands.",
            // LoginRequired
            "« {0} » demande une session technicien : tapez d'abord « login ».",
            "'{0}' requires a technician session: type 'login' first.",
            // LineTooLong
            "Ligne de plus de {0} octets ignorée : tapez une commande plus courte.",
            "Line longer than {0} bytes ignored: type a shorter command.",
            // OutputTruncated
            "[sortie tronquée : le terminal ne suit pas le débit]",
            "[output truncated: the terminal is not keeping up]",
            // Cancelled
            "Annulé.",
            "Cancelled.",
            // Usage
            "Usage : {0}",
            "Usage: {0}",
            // YesWord
            "oui",
            "yes",
            // NoWord
            "non",
            "no",
            // AnswerYesOrNo
            "Répondez « oui » ou « non ».",
            "Answer 'yes' or 'no'.",
            // NotSet
            "(non défini)",
            "(not set)",
            // Unknown
            "inconnu",
            "unknown",
            // None
            "aucune",
            "none",
            // AddressUnknown
            "inconnue",
            "unknown",
            // ListSeparator
            " ; ",
            "; ",
            // DurationDays
            "{0} j {1}",
            "{0} d {1}",
            // HelpHeader
            "Commandes (* : session technicien requise) :",
            "Commands (* requires a technician session):",
            // HelpFooter
            "Tapez « help COMMANDE » pour le détail d'une commande.",
            "Type 'help COMMAND' for the details of one command.",
            // HelpUnknown
            "Pas d'aide pour « {0} » : tapez « help » pour la liste des commandes.",
            "No help for '{0}': type 'help' for the list of commands.",
            // HelpSummaryHelp
            "aide générale, ou détail d'une commande",
            "this list, or the details of one command",
            // HelpSummaryLang
            "langue de la console",
            "console language",
            // HelpSummaryLogin
            "ouvre la session technicien",
            "opens the technician session",
            // HelpSummaryLogout
            "ferme la session technicien",
            "closes the technician session",
            // HelpSummaryStatus
            "état général de l'armoire",
            "overall state of the cabinet",
            // HelpSummaryBays
            "état de chaque borne",
            "state of each bay",
            // HelpSummarySessions
            "sessions de charge en cours",
            "charging sessions in progress",
            // HelpSummaryQueue
            "messages de transaction en attente d'envoi",
            "transaction messages waiting to be sent",
            // HelpSummaryNet
            "réseau et liaison au serveur central",
            "network and link to the central system",
            // HelpSummaryTime
            "horloge",
            "clock",
            // HelpSummaryConfigRead
            "paramètres (secrets masqués)",
            "settings (secrets masked)",
            // HelpSummaryConfigSet
            "modifie un paramètre",
            "changes a setting",
            // HelpSummaryLog
            "dernières lignes du journal",
            "latest log lines",
            // HelpSummaryOcpp
            "dernières trames OCPP",
            "latest OCPP frames",
            // HelpSummaryTest
            "teste un relais, le lecteur de cartes ou le clavier",
            "tests a relay, the card reader or the keypad",
            // HelpSummaryPasswd
            "change le mot de passe technicien",
            "changes the technician password",
            // HelpSummaryReboot
            "redémarre l'armoire",
            "reboots the cabinet",
            // HelpSummaryFactoryReset
            "efface la configuration et tous les secrets",
            "erases the configuration and every secret",
            // HelpSummarySetup
            "reprend l'assistant de mise en service",
            "resumes the first-boot setup",
            // UsageHelp
            "help [COMMANDE]",
            "help [COMMAND]",
            // UsageConfigRead
            "config list [PRÉFIXE] | config get CLÉ",
            "config list [PREFIX] | config get KEY",
            // UsageConfigSet
            "config set CLÉ [VALEUR]",
            "config set KEY [VALUE]",
            // UsageTest
            "test relay N [SECONDES] | reader | keypad",
            "test relay N [SECONDS] | reader | keypad",
            // HelpDetailHelp
            "help : liste des commandes. help COMMANDE : détail d'une commande.",
            "help: list of commands. help COMMAND: details of one command.",
            // HelpDetailLang
            "lang fr|en : langue de la console pour cette connexion, français par défaut. La langue des écrans résidents est le paramètre Language.",
            "lang fr|en: console language for this connection, French by default. The language of the resident displays is the Language setting.",
            // HelpDetailLogin
            "login : ouvre la session technicien ; le mot de passe est demandé sans écho. Après 3 échecs de suite, la connexion est bloquée 30 s, puis deux fois plus longtemps à chaque nouvel échec, 15 min au plus. La session se ferme après ConsoleInactivityTimeout secondes sans frappe. Sans session, on peut lire : help, lang, status, bays, sessions, queue, net, time, config list et config get.",
            "login: opens the technician session; the password is asked without echo. After 3 failures in a row, login is locked for 30 s, then twice as long after each further failure, 15 min at most. The session closes after ConsoleInactivityTimeout seconds without input. Without a session you may read: help, lang, status, bays, sessions, queue, net, time, config list and config get.",
            // HelpDetailLogout
            "logout : ferme la session technicien.",
            "logout: closes the technician session.",
            // HelpDetailStatus
            "status : version du micrologiciel, carte, durée depuis le démarrage, configuration, liaison et enregistrement auprès du serveur central (BootNotification), horloge, file des messages de transaction, mémoire libre.",
            "status: firmware version, board, uptime, configuration, link and registration with the central system (BootNotification), clock, transaction message queue, free memory.",
            // HelpDetailBays
            "bays : pour chaque borne (connectorId), sa place, son état, son contacteur et sa session : idTag masqué et énergie.",
            "bays: for each bay (connectorId), its spot, state, contactor and session: masked idTag and energy.",
            // HelpDetailSessions
            "sessions : sessions de charge en cours avec transactionId, idTag masqué, durée et énergie.",
            "sessions: charging sessions in progress with transactionId, masked idTag, duration and energy.",
            // HelpDetailQueue
            "queue : messages de transaction pas encore acceptés par le serveur central, âge du plus ancien et tentatives échouées.",
            "queue: transaction messages the central system has not acknowledged yet, age of the oldest and failed attempts.",
            // HelpDetailNet
            "net : interface réseau, adresse IP, URL du serveur central, état de la liaison et dernières erreurs.",
            "net: network interface, IP address, central system URL, link state and latest errors.",
            // HelpDetailTime
            "time : heure UTC, réglée par le serveur central à l'enregistrement et à chaque Heartbeat, et durée depuis le démarrage.",
            "time: UTC time, which the central system sets at registration and with each Heartbeat, and uptime.",
            // HelpDetailConfig
            "config list [PRÉFIXE] : les paramètres, ou ceux dont la clé commence par PRÉFIXE, avec valeur, unité et plage. config get CLÉ : un paramètre. config set CLÉ VALEUR : vérifie puis enregistre la valeur (session requise). Sans VALEUR, la valeur est demandée, sans écho pour un secret, et une réponse vide efface un paramètre facultatif. Les secrets ne s'affichent jamais. Un paramètre marqué « au redémarrage » s'applique après reboot.",
            "config list [PREFIX]: the settings, or those whose key starts with PREFIX, with value, unit and range. config get KEY: one setting. config set KEY VALUE: checks then saves the value (session required). Without VALUE the value is asked, without echo for a secret, and an empty answer clears an optional setting. Secrets are never shown. A setting marked 'at reboot' applies after a reboot.",
            // HelpDetailLog
            "log [N] : les N dernières lignes du journal avec leur niveau, 20 par défaut, 64 au plus. Session requise.",
            "log [N]: the latest N log lines with their level, 20 by default, 64 at most. Session required.",
            // HelpDetailOcpp
            "ocpp [N] : les N dernières trames OCPP émises (CP->CS) et reçues (CS->CP), tronquées à 120 octets, 8 par défaut, 16 au plus. Session requise.",
            "ocpp [N]: the latest N OCPP frames sent (CP->CS) and received (CS->CP), cut at 120 bytes, 8 by default, 16 at most. Session required.",
            // HelpDetailTest
            "test relay N [SECONDES] : ferme le contacteur de la borne N, libre et disponible, pendant 5 s (1 à 30 s) puis l'ouvre ; Entrée l'ouvre plus tôt. test reader : affiche la puce du lecteur (VersionReg), puis attend une carte 30 s et affiche UID, ATQA, SAK et le résultat de l'authentification. test keypad : affiche pendant 30 s les touches pressées, qui ne vont pas au panneau résident. Session requise.",
            "test relay N [SECONDS]: closes the contactor of bay N, which must be free and available, for 5 s (1 to 30 s), then opens it; Enter opens it sooner. test reader: shows the reader chip (VersionReg), then waits 30 s for a card and shows its UID, ATQA, SAK and authentication result. test keypad: shows the keys pressed for 30 s; they do not reach the resident panel. Session required.",
            // HelpDetailPasswd
            "passwd : change le mot de passe technicien (8 octets au moins), demandé deux fois sans écho. Session requise.",
            "passwd: changes the technician password (8 bytes at least), asked twice without echo. Session required.",
            // HelpDetailReboot
            "reboot : arrête les sessions en cours, après confirmation s'il y en a, ouvre tous les contacteurs et redémarre l'armoire. Session requise.",
            "reboot: stops the sessions in progress, after a confirmation if there are any, opens every contactor and reboots the cabinet. Session required.",
            // HelpDetailFactoryReset
            "factory-reset : efface la configuration et tous ses secrets (mots de passe, clés), puis redémarre sur l'assistant de mise en service. Confirmation : taper l'identité de la borne. Session requise.",
            "factory-reset: erases the configuration and all its secrets (passwords, keys), then reboots into the first-boot setup. Confirmation: type the charge-point identity. Session required.",
            // HelpDetailSetup
            "setup : reprend l'assistant de mise en service ; disponible tant que l'armoire n'est pas configurée.",
            "setup: resumes the first-boot setup; available until the cabinet is configured.",
            // PasswordPrompt
            "Mot de passe : ",
            "Password: ",
            // PasswordChecking
            "Vérification du mot de passe...",
            "Checking the password...",
            // LoginOpened
            "Session technicien ouverte ; elle se ferme après {0} s sans frappe.",
            "Technician session opened; it closes after {0} s without input.",
            // LoginFailed
            "Mot de passe incorrect.",
            "Wrong password.",
            // LoginLockedNow
            "{0} échecs de suite : connexion bloquée pendant {1} s.",
            "{0} failures in a row: login locked for {1} s.",
            // LoginLocked
            "Connexion bloquée encore {0} s après des échecs répétés : réessayez plus tard.",
            "Login locked for another {0} s after repeated failures: try again later.",
            // NoPasswordSet
            "Aucun mot de passe technicien n'est enregistré : définissez-le avec l'assistant de mise en service ou le fichier provision.json.",
            "No technician password is stored: set one with the first-boot setup or the provision.json file.",
            // AlreadyLoggedIn
            "Session technicien déjà ouverte.",
            "Technician session already open.",
            // LoggedOut
            "Session technicien fermée.",
            "Technician session closed.",
            // NotLoggedIn
            "Aucune session technicien ouverte.",
            "No technician session is open.",
            // AutoLogout
            "Session technicien fermée après {0} s sans frappe.",
            "Technician session closed after {0} s without input.",
            // LanguageSet
            "Langue de la console : français.",
            "Console language: English.",
            // LanguageInvalid
            "Langue inconnue : « {0} ». Tapez « lang fr » ou « lang en ».",
            "Unknown language: '{0}'. Type 'lang fr' or 'lang en'.",
            // LabelFirmware
            "Micrologiciel",
            "Firmware",
            // LabelBoard
            "Carte",
            "Board",
            // LabelIdentity
            "Borne",
            "Charge point",
            // LabelUptime
            "Démarrée depuis",
            "Uptime",
            // LabelConfiguration
            "Configuration",
            "Configuration",
            // LabelLink
            "Liaison",
            "Link",
            // LabelRegistration
            "Enregistrement",
            "Registration",
            // LabelClock
            "Horloge",
            "Clock",
            // LabelQueue
            "File d'attente",
            "Queue",
            // LabelMemory
            "Mémoire libre",
            "Free memory",
            // LabelLoopFaults
            "Fautes de boucle",
            "Loop faults",
            // LabelInterface
            "Interface",
            "Interface",
            // LabelAddress
            "Adresse IP",
            "IP address",
            // LabelCentralSystem
            "Serveur central",
            "Central system",
            // LabelLastClose
            "Dernière fermeture",
            "Last closure",
            // LabelNetworkError
            "Erreur réseau",
            "Network error",
            // LabelUtcTime
            "Heure UTC",
            "UTC time",
            // ConfigurationComplete
            "complète",
            "complete",
            // ConfigurationMissing
            "absente : mise en service en attente",
            "missing: waiting for the first-boot setup",
            // LinkOpen
            "ouverte",
            "open",
            // LinkConnecting
            "connexion en cours",
            "connecting",
            // LinkClosed
            "fermée",
            "closed",
            // RegistrationNone
            "pas encore de réponse à BootNotification",
            "no BootNotification answer yet",
            // RegistrationNotStarted
            "pas de connexion avant la mise en service",
            "no connection before the first-boot setup",
            // ClockSet
            "{0} UTC",
            "{0} UTC",
            // ClockNotSet
            "non réglée : le serveur central la règle à l'enregistrement",
            "not set: the central system sets it at registration",
            // QueueValue
            "{0} message(s) de transaction",
            "{0} transaction message(s)",
            // MemoryValue
            "{0} octets (tas managé), plus grand bloc natif {1} octets",
            "{0} bytes (managed heap), largest native block {1} bytes",
            // MemoryUnknown
            "inconnue : cette plateforme ne la mesure pas",
            "unknown: this platform does not measure it",
            // BayLine
            "Borne {0} (place {1}) : {2}, contacteur {3}{4}",
            "Bay {0} (spot {1}): {2}, contactor {3}{4}",
            // BaySession
            ", session {0}, idTag {1}, {2} kWh",
            ", session {0}, idTag {1}, {2} kWh",
            // BayStatusAvailable
            "disponible",
            "available",
            // BayStatusCharging
            "en charge",
            "charging",
            // BayStatusSuspended
            "suspendue, contacteur ouvert par l'armoire",
            "suspended, contactor opened by the cabinet",
            // BayStatusUnavailable
            "indisponible",
            "unavailable",
            // BayStatusFaulted
            "en défaut",
            "faulted",
            // BayRelayTest
            ", test de relais en cours",
            ", relay test running",
            // ContactorClosed
            "fermé",
            "closed",
            // ContactorOpen
            "ouvert",
            "open",
            // SessionLine
            "Borne {0} (place {1}) : session {2}, transactionId {3}, idTag {4}, depuis {5}, {6} kWh",
            "Bay {0} (spot {1}): session {2}, transactionId {3}, idTag {4}, for {5}, {6} kWh",
            // TransactionIdPending
            "en attente",
            "pending",
            // NoSession
            "Aucune session en cours.",
            "No session in progress.",
            // QueueCount
            "{0} message(s) de transaction en attente.",
            "{0} transaction message(s) waiting.",
            // QueueHead
            "Plus ancien : {0} de la session {1}, borne {2}, âge {3}, {4} tentative(s) échouée(s){5}.",
            "Oldest: {0} of session {1}, bay {2}, age {3}, {4} failed attempt(s){5}.",
            // QueueNextTry
            ", prochain essai dans {0} s",
            ", next try in {0} s",
            // QueueOffline
            ", envoi au retour de la liaison",
            ", sent when the link is back",
            // QueueStats
            "Depuis le démarrage : {0} MeterValues non journalisés (journal plein), {1} StartTransaction rejetés (journal plein), {2} session(s) perdue(s) (StartTransaction abandonné).",
            "Since power-on: {0} MeterValues not journaled (journal full), {1} StartTransaction rejected (journal full), {2} session(s) lost (StartTransaction discarded).",
            // QueueEmpty
            "Aucun message de transaction en attente.",
            "No transaction message waiting.",
            // LogEmpty
            "Journal vide.",
            "The log is empty.",
            // CountInvalid
            "Nombre invalide : « {0} ». Tapez un nombre de 1 à {1}.",
            "Invalid count: '{0}'. Type a number from 1 to {1}.",
            // OcppEmpty
            "Aucune trame OCPP depuis le démarrage.",
            "No OCPP frame since power-on.",
            // FrameLine
            "{0} {1} {2} octets : {3}",
            "{0} {1} {2} bytes: {3}",
            // FrameMasked
            " [suite masquée : secret]",
            " [rest masked: secret]",
            // InterfaceWifi
            "Wi-Fi, SSID « {0} »",
            "Wi-Fi, SSID '{0}'",
            // InterfaceEthernetDhcp
            "Ethernet, DHCP",
            "Ethernet, DHCP",
            // InterfaceEthernetStatic
            "Ethernet, adresse fixe {0}, masque {1}, passerelle {2}",
            "Ethernet, static address {0}, mask {1}, gateway {2}",
            // ConfigLine
            "{0} = {1}  ({2})",
            "{0} = {1}  ({2})",
            // ConfigPending
            " ; au redémarrage : {0}",
            "; after reboot: {0}",
            // RangeInteger
            "{0} à {1}",
            "{0} to {1}",
            // RangeText
            "{0} à {1} octets",
            "{0} to {1} bytes",
            // RangeUrl
            "ws:// ou wss://",
            "ws:// or wss://",
            // RangeIdentity
            "{0} à {1} caractères ASCII, sans espace, « : » ni « / »",
            "{0} to {1} ASCII characters, no space, ':' or '/'",
            // RangeIpAddress
            "adresse IPv4",
            "IPv4 address",
            // RangeList
            "{0} à {1} nombres de {2} à {3}",
            "{0} to {1} numbers from {2} to {3}",
            // RangeHex
            "{0} à {1} chiffres hexadécimaux",
            "{0} to {1} hexadecimal digits",
            // RangeHexExact
            "{0} chiffres hexadécimaux",
            "{0} hexadecimal digits",
            // RangeBoolean
            "true ou false",
            "true or false",
            // FlagSecret
            "secret",
            "secret",
            // FlagReboot
            "au redémarrage",
            "at reboot",
            // FlagOptional
            "facultatif",
            "optional",
            // FlagOcpp
            "OCPP",
            "OCPP",
            // ConfigSaved
            "{0} = {1} enregistré.",
            "{0} = {1} saved.",
            // ConfigSavedReboot
            "{0} = {1} enregistré ; la valeur s'applique au prochain redémarrage (tapez « reboot »).",
            "{0} = {1} saved; it applies at the next reboot (type 'reboot').",
            // ConfigSaveFailed
            "Enregistrement de {0} impossible ({1}) : la valeur précédente est conservée. Réessayez ; si l'erreur revient, la mémoire flash est peut-être défaillante.",
            "Could not save {0} ({1}): the previous value is kept. Try again; if the error comes back, the flash may be failing.",
            // ConfigValuePrompt
            "Valeur de {0} : ",
            "Value of {0}: ",
            // ConfigSecretPrompt
            "Valeur de {0} (saisie masquée) : ",
            "Value of {0} (hidden input): ",
            // ConfigSecretInline
            "{0} est un secret : tapez « config set {0} » seul, la valeur sera demandée sans écho.",
            "{0} is a secret: type 'config set {0}' alone and the value is asked without echo.",
            // ConfigUsage
            "config list [PRÉFIXE] | config get CLÉ | config set CLÉ [VALEUR]",
            "config list [PREFIX] | config get KEY | config set KEY [VALUE]",
            // ConfigNoMatch
            "Aucun paramètre ne commence par « {0} » : tapez « config list » pour voir toutes les clés.",
            "No setting starts with '{0}': type 'config list' to see every key.",
            // ErrorRequired
            "{0} est obligatoire : tapez une valeur.",
            "{0} is required: type a value.",
            // ErrorNotAnInteger
            "{0} : « {1} » n'est pas un nombre entier : tapez un entier de {2} à {3}.",
            "{0}: '{1}' is not an integer: type a whole number from {2} to {3}.",
            // ErrorOutOfRange
            "{0} : {1} est hors de la plage {2} à {3} : tapez une valeur dans cette plage.",
            "{0}: {1} is outside {2} to {3}: type a value in that range.",
            // ErrorNotABoolean
            "{0} : « {1} » n'est ni true ni false : tapez true ou false.",
            "{0}: '{1}' is neither true nor false: type true or false.",
            // ErrorTooShort
            "{0} : {1} octets, c'est trop court : tapez-en de {2} à {3} (une lettre accentuée compte pour 2).",
            "{0}: {1} bytes is too short: type {2} to {3} bytes (an accented letter counts as 2).",
            // ErrorTooLong
            "{0} : {1} octets, c'est trop long : tapez-en de {2} à {3} (une lettre accentuée compte pour 2).",
            "{0}: {1} bytes is too long: type {2} to {3} bytes (an accented letter counts as 2).",
            // ErrorTooShortCharacters
            "{0} : {1} caractères, c'est trop court : tapez-en de {2} à {3}.",
            "{0}: {1} characters is too short: type {2} to {3} characters.",
            // ErrorTooLongCharacters
            "{0} : {1} caractères, c'est trop long : tapez-en de {2} à {3}.",
            "{0}: {1} characters is too long: type {2} to {3} characters.",
            // ErrorInvalidCharacter
            "{0} : le caractère n° {1} n'est pas admis (caractère de contrôle, ou espace dans une URL) : retirez-le.",
            "{0}: character {1} is not allowed (a control character, or a space in a URL): remove it.",
            // ErrorIdentityCharacter
            "{0} : le caractère n° {1} n'est pas admis : utilisez des caractères ASCII imprimables, sans espace, « : » ni « / ».",
            "{0}: character {1} is not allowed: use printable ASCII characters, without space, ':' or '/'.",
            // ErrorNotAChoice
            "{0} : « {1} » n'est pas une valeur admise : tapez l'une de celles-ci : {2}.",
            "{0}: '{1}' is not an accepted value: type one of {2}.",
            // ErrorUrlScheme
            "{0} : « {1} » ne commence ni par ws:// ni par wss:// : tapez l'URL WebSocket du serveur central, par exemple wss://csms.exemple.fr/ocpp.",
            "{0}: '{1}' starts with neither ws:// nor wss://: type the WebSocket URL of the central system, for example wss://csms.example.com/ocpp.",
            // ErrorUrlHost
            "{0} : l'hôte de « {1} » est absent ou invalide : écrivez ws://hôte[:port]/chemin.",
            "{0}: the host of '{1}' is missing or invalid: write ws://host[:port]/path.",
            // ErrorUrlPort
            "{0} : le port de « {1} » n'est pas un nombre de 1 à 65535.",
            "{0}: the port of '{1}' is not a number from 1 to 65535.",
            // ErrorUrlQuery
            "{0} : « {1} » contient « ? » ou « # » : retirez-les, l'armoire ajoute son identité à la fin du chemin.",
            "{0}: '{1}' contains '?' or '#': remove them; the cabinet appends its identity to the path.",
            // ErrorNotAnIpAddress
            "{0} : « {1} » n'est pas une adresse IPv4 : tapez quatre nombres de 0 à 255 séparés par des points, par exemple 192.168.1.20.",
            "{0}: '{1}' is not an IPv4 address: type four numbers from 0 to 255 separated by dots, for example 192.168.1.20.",
            // ErrorListItemNotAnInteger
            "{0} : « {1} » n'est pas un nombre entier : tapez des nombres séparés par des virgules, par exemple 101,102,103.",
            "{0}: '{1}' is not an integer: type numbers separated by commas, for example 101,102,103.",
            // ErrorListDuplicate
            "{0} : {1} apparaît deux fois : chaque numéro doit être unique.",
            "{0}: {1} appears twice: each number must be unique.",
            // ErrorListCount
            "{0} : {1} valeur(s) : tapez-en de {2} à {3}, séparées par des virgules.",
            "{0}: {1} value(s): type {2} to {3}, separated by commas.",
            // ErrorNotHexadecimal
            "{0} : la clé s'écrit en chiffres hexadécimaux (0-9, A-F) : retapez-la.",
            "{0}: the key is written in hexadecimal digits (0-9, A-F): type it again.",
            // ErrorHexLength
            "{0} : {1} chiffres hexadécimaux : tapez-en un nombre pair de {2} à {3}.",
            "{0}: {1} hexadecimal digits: type an even number from {2} to {3}.",
            // ErrorUnknownKey
            "« {1} » n'est pas une clé de configuration : tapez « config list » pour voir les clés.",
            "'{1}' is not a configuration key: type 'config list' to see the keys.",
            // ErrorRequiredForNetwork
            "{0} est obligatoire avec {2} : tapez une valeur.",
            "{0} is required with {2}: type a value.",
            // ErrorNetworkNotOnBoard
            "{0} : la carte {2} se connecte en {3}, pas en {1} : choisissez {3} ou une autre carte.",
            "{0}: board {2} connects through {3}, not {1}: choose {3} or another board.",
            // ErrorTooManyBays
            "{0} : {1} bornes, mais la carte {2} en commande {3} au plus : retirez des places ou choisissez une autre carte.",
            "{0}: {1} bays, but board {2} drives {3} at most: remove spots or choose another board.",
            // ErrorPasswordMissing
            "Aucun mot de passe technicien : définissez-en un de 8 octets au moins.",
            "No technician password: set one of 8 bytes at least.",
            // ErrorRequiredForCardAuthentication
            "{0} est obligatoire quand RequireCardAuthentication vaut true : tapez les 32 chiffres hexadécimaux de la clé maître des cartes.",
            "{0} is required while RequireCardAuthentication is true: type the 32 hexadecimal digits of the card master key.",
            // ErrorInvalidFile
            "{0} illisible ({1}) : corrigez le fichier ou refaites la mise en service.",
            "{0} is unreadable ({1}): fix the file or run the first-boot setup again.",
            // ErrorFileTooLarge
            "{0} : {1} octets, plus que les {2} admis : raccourcissez le fichier.",
            "{0}: {1} bytes, more than the {2} allowed: shorten the file.",
            // RelayBayInvalid
            "Borne invalide : « {0} ». Tapez un numéro de 1 à {1}.",
            "Invalid bay: '{0}'. Type a number from 1 to {1}.",
            // RelaySecondsInvalid
            "Durée invalide : « {0} ». Tapez un nombre de secondes de 1 à {1}.",
            "Invalid duration: '{0}'. Type a number of seconds from 1 to {1}.",
            // RelayBusy
            "Borne {0} : une session est en cours, pas de test. Attendez la fin de la charge.",
            "Bay {0}: a session is in progress, no test. Wait for the end of the charge.",
            // RelayOutOfService
            "Borne {0} : {1}, pas de test sur une borne hors service.",
            "Bay {0}: {1}, no test on a bay out of service.",
            // RelayAlreadyRunning
            "Un test de relais est déjà en cours sur la borne {0}.",
            "A relay test is already running on bay {0}.",
            // RelayStarted
            "Contacteur de la borne {0} (place {1}) fermé pour {2} s. Entrée pour l'ouvrir plus tôt.",
            "Contactor of bay {0} (spot {1}) closed for {2} s. Press Enter to open it sooner.",
            // RelayEnded
            "Contacteur de la borne {0} ouvert.",
            "Contactor of bay {0} open.",
            // ReaderWaiting
            "Présentez une carte au lecteur ({0} s, Entrée pour annuler)...",
            "Present a card to the reader ({0} s, Enter to cancel)...",
            // ReaderCard
            "Carte : UID {0} ({1} octets), ATQA 0x{2}, SAK 0x{3}.",
            "Card: UID {0} ({1} bytes), ATQA 0x{2}, SAK 0x{3}.",
            // ReaderAccepted
            "Authentification KiWhi Pass réussie : idTag {0}.",
            "KiWhi Pass authentication succeeded: idTag {0}.",
            // ReaderRejected
            "Carte refusée : {0}.",
            "Card rejected: {0}.",
            // ReaderNotChecked
            "Authentification non vérifiée : RequireCardAuthentication vaut false, ou aucune CardMasterKey n'est enregistrée.",
            "Authentication not checked: RequireCardAuthentication is false, or no CardMasterKey is stored.",
            // ReaderTimeout
            "Aucune carte présentée en {0} s.",
            "No card presented within {0} s.",
            // RejectionNotUltralightC
            "ce n'est pas une MIFARE Ultralight C",
            "not a MIFARE Ultralight C",
            // RejectionNotAuthenticated
            "authentification mutuelle échouée (clone, carte d'un autre réseau ou carte vierge)",
            "mutual authentication failed (clone, foreign or blank card)",
            // RejectionUnknownLayout
            "format de données inconnu",
            "unknown data layout",
            // RejectionBadChecksum
            "somme de contrôle des données fausse",
            "data checksum mismatch",
            // RejectionCardRemoved
            "carte retirée pendant l'échange",
            "card removed during the exchange",
            // RejectionReadFailed
            "lecture des données impossible",
            "the data could not be read",
            // KeypadWaiting
            "Appuyez sur les touches du clavier ({0} s, Entrée pour terminer). Pendant le test, les touches ne vont pas au panneau résident.",
            "Press keys on the keypad ({0} s, Enter to finish). During the test the keys do not reach the resident panel.",
            // KeypadKey
            "Touche {0}",
            "Key {0}",
            // KeypadEnded
            "Fin du test clavier : {0} touche(s) reçue(s).",
            "Keypad test over: {0} key(s) received.",
            // NewPasswordPrompt
            "Nouveau mot de passe technicien : ",
            "New technician password: ",
            // ConfirmPasswordPrompt
            "Confirmez le mot de passe : ",
            "Confirm the password: ",
            // PasswordMismatch
            "Les deux saisies diffèrent : mot de passe inchangé.",
            "The two entries differ: password unchanged.",
            // PasswordHashing
            "Calcul de l'empreinte du mot de passe...",
            "Hashing the password...",
            // PasswordChanged
            "Mot de passe technicien changé.",
            "Technician password changed.",
            // RebootConfirm
            "{0} session(s) en cours seront arrêtées. Tapez « oui » pour redémarrer, autre chose pour annuler : ",
            "{0} session(s) in progress will be stopped. Type 'yes' to reboot, anything else to cancel: ",
            // Rebooting
            "Redémarrage de l'armoire...",
            "Rebooting the cabinet...",
            // FactoryResetWarning
            "Cette commande efface la configuration et tous ses secrets (mot de passe Wi-Fi, AuthorizationKey, CardMasterKey, mot de passe technicien), puis redémarre sur l'assistant de mise en service.",
            "This command erases the configuration and all its secrets (Wi-Fi password, AuthorizationKey, CardMasterKey, technician password), then reboots into the first-boot setup.",
            // FactoryResetQueue
            "Attention : {0} message(s) de transaction n'ont pas encore été acceptés par le serveur central.",
            "Warning: the central system has not acknowledged {0} transaction message(s) yet.",
            // FactoryResetConfirm
            "Pour confirmer, tapez l'identité de la borne ({0}) : ",
            "To confirm, type the charge-point identity ({0}): ",
            // FactoryResetCancelled
            "Ce n'est pas {0} : rien n'est effacé.",
            "That is not {0}: nothing is erased.",
            // FactoryResetDone
            "Configuration effacée.",
            "Configuration erased.",
            // FactoryResetFailed
            "Effacement impossible ({0}) : réessayez ; si l'erreur revient, effacez la flash avec nanoff --masserase.",
            "Could not erase ({0}): try again; if the error comes back, erase the flash with nanoff --masserase.",
            // SetupIntro
            "Première mise en service : aucune configuration n'est enregistrée. Tant que cet assistant n'est pas terminé, l'armoire ne se connecte pas au serveur central et toutes les bornes restent hors service. Entrée garde la valeur proposée entre crochets ; Ctrl+C interrompt l'assistant.",
            "First-boot setup: no configuration is stored. Until this setup is complete, the cabinet does not connect to the central system and every bay stays out of service. Enter keeps the value offered in brackets; Ctrl+C interrupts the setup.",
            // SetupStoredInvalid
            "La configuration enregistrée est invalide : {0} L'assistant propose les valeurs lues.",
            "The stored configuration is invalid: {0} The setup offers the values read.",
            // SetupProvisioningInvalid
            "Le fichier provision.json n'a pas été appliqué : {0} Corrigez-le puis redémarrez, ou continuez avec cet assistant.",
            "The provision.json file was not applied: {0} Fix it and reboot, or go on with this setup.",
            // SetupInterrupted
            "Assistant interrompu : tapez « setup » pour le reprendre.",
            "Setup interrupted: type 'setup' to resume it.",
            // SetupOnlyWhenNotProvisioned
            "L'armoire est déjà configurée : utilisez config set, ou factory-reset pour tout recommencer.",
            "The cabinet is already configured: use config set, or factory-reset to start over.",
            // QuestionWithDefault
            "{0} [{1}] : ",
            "{0} [{1}]: ",
            // QuestionWithoutDefault
            "{0} : ",
            "{0}: ",
            // QuestionLanguage
            "Langue de la console et des écrans (fr, en)",
            "Language of the console and displays (fr, en)",
            // QuestionBoard
            "Carte électronique ({0})",
            "Board ({0})",
            // SetupNetworkFromBoard
            "Réseau : {0}, imposé par la carte {1}.",
            "Network: {0}, set by board {1}.",
            // QuestionWifiSsid
            "Nom du réseau Wi-Fi (SSID)",
            "Wi-Fi network name (SSID)",
            // QuestionWifiPassword
            "Mot de passe Wi-Fi (saisie masquée, vide pour un réseau ouvert)",
            "Wi-Fi password (hidden input, empty for an open network)",
            // QuestionIpAddressing
            "Adressage IP (dhcp, static)",
            "IP addressing (dhcp, static)",
            // QuestionStaticIp
            "Adresse IP fixe",
            "Static IP address",
            // QuestionSubnetMask
            "Masque de sous-réseau",
            "Subnet mask",
            // QuestionGateway
            "Passerelle",
            "Gateway",
            // QuestionDns
            "Serveur DNS (vide si l'URL contient une adresse IP)",
            "DNS server (empty if the URL holds an IP address)",
            // QuestionUrl
            "URL du serveur central (ws:// ou wss://)",
            "Central system URL (ws:// or wss://)",
            // QuestionIdentity
            "Identité de la borne (1 à 20 caractères ASCII, sans espace)",
            "Charge-point identity (1 to 20 ASCII characters, no space)",
            // QuestionAuthorizationKey
            "AuthorizationKey pour l'authentification Basic (32 à 40 chiffres hexadécimaux, saisie masquée, vide si le serveur n'en demande pas)",
            "AuthorizationKey for Basic authentication (32 to 40 hexadecimal digits, hidden input, empty if the server asks for none)",
            // QuestionCardMasterKey
            "Clé maître des cartes KiWhi Pass (32 chiffres hexadécimaux, saisie masquée)",
            "KiWhi Pass card master key (32 hexadecimal digits, hidden input)",
            // QuestionBayCount
            "Nombre de bornes (1 à {0})",
            "Number of bays (1 to {0})",
            // QuestionSpot
            "Numéro de place de la borne {0}",
            "Spot number of bay {0}",
            // QuestionPassword
            "Mot de passe technicien (8 octets au moins, saisie masquée)",
            "Technician password (8 bytes at least, hidden input)",
            // QuestionPasswordConfirm
            "Confirmez le mot de passe technicien",
            "Confirm the technician password",
            // SetupSummary
            "Récapitulatif :",
            "Summary:",
            // QuestionSave
            "Enregistrer cette configuration et redémarrer ? (oui, non)",
            "Save this configuration and reboot? (yes, no)",
            // SetupRestart
            "Reprise depuis le début ; vos réponses sont proposées entre crochets.",
            "Starting again from the top; your answers are offered in brackets.",
            // SetupSaved
            "Configuration enregistrée.",
            "Configuration saved.",
            // SetupSaveFailed
            "Enregistrement impossible ({0}) : répondez « oui » pour réessayer.",
            "Could not save ({0}): answer 'yes' to try again.",
            // SetupSpotDuplicate
            "La place {0} est déjà celle de la borne {1} : tapez un autre numéro.",
            "Spot {0} already belongs to bay {1}: type another number.",
            // HelpSummaryCard
            "transformer une carte vierge en carte KiWhi Pass",
            "turn a blank card into a KiWhi Pass",
            // HelpDetailCard
            "card personalise NUMÉRO [ÉMETTEUR] : attend une MIFARE Ultralight C vierge (clé d'usine), y écrit le numéro de carte et l'émetteur (1 par défaut), la clé diversifiée depuis CardMasterKey et AUTH0, puis vérifie la carte en s'authentifiant avec la nouvelle clé. La carte n'est jamais verrouillée. Entrée pour annuler.",
            "card personalise NUMBER [ISSUER]: waits for a blank MIFARE Ultralight C (factory key), writes the card number and issuer (1 by default), the key diversified from CardMasterKey and AUTH0, then verifies the card by authenticating with the new key. The card is never locked. Press Enter to cancel.",
            // UsageCard
            "card personalise NUMÉRO [ÉMETTEUR]",
            "card personalise NUMBER [ISSUER]",
            // CardNumberInvalid
            "Numéro de carte ou d'émetteur invalide : {0}. Tapez un entier de 1 à 4294967295.",
            "Invalid card or issuer number: {0}. Type an integer from 1 to 4294967295.",
            // CardNoMasterKey
            "Aucune CardMasterKey enregistrée : définissez-la avec « config set CardMasterKey » avant de personnaliser des cartes.",
            "No CardMasterKey stored: set it with 'config set CardMasterKey' before personalising cards.",
            // CardWaiting
            "Présentez la carte vierge au lecteur et laissez-la posée ({0} s, Entrée pour annuler)...",
            "Present the blank card to the reader and leave it there ({0} s, Enter to cancel)...",
            // CardPersonalized
            "Carte {0} personnalisée : numéro {1}, émetteur {2}, vérifiée avec sa nouvelle clé.",
            "Card {0} personalised: number {1}, issuer {2}, verified with its new key.",
            // CardPersonalizationFailed
            "Personnalisation de la carte {0} échouée à l'étape {1} ({2}) : reposez la carte et relancez la commande ; la carte garde une clé connue.",
            "Personalisation of card {0} failed at step {1} ({2}): put the card back and run the command again; the card keeps a known key.",
            // ReaderChipMfrc522
            "Lecteur : MFRC522 version {0} (VersionReg {1}).",
            "Reader: MFRC522 version {0} (VersionReg {1}).",
            // ReaderChipClone
            "Lecteur : clone du MFRC522 (VersionReg {0}). Il peut lire des cartes, mais seul le MFRC522 de NXP (0x91 ou 0x92) est pris en charge.",
            "Reader: MFRC522 clone (VersionReg {0}). It may read cards, but only the NXP MFRC522 (0x91 or 0x92) is supported.",
            // ReaderChipUnknown
            "Lecteur : puce inconnue (VersionReg {0}), pas un MFRC522 de NXP (0x91 ou 0x92).",
            "Reader: unknown chip (VersionReg {0}), not an NXP MFRC522 (0x91 or 0x92).",
            // ReaderChipNoAnswer
            "Le lecteur ne répond pas sur le bus SPI (VersionReg {0}) : vérifiez son alimentation 3,3 V et son câblage SPI. Test annulé.",
            "The reader does not respond on the SPI bus (VersionReg {0}): check its 3.3 V supply and its SPI wiring. Test cancelled.",
            // ErrorUtf16File
            "{0} est enregistré en UTF-16 : enregistrez-le en UTF-8 (dans le Bloc-notes : Enregistrer sous, Encodage UTF-8).",
            "{0} is saved as UTF-16: save it as UTF-8 (in Notepad: Save As, Encoding UTF-8).",
            // ErrorDuplicateKey
            "« {1} » apparaît deux fois dans le fichier : gardez une seule ligne {0}.",
            "'{1}' appears twice in the file: keep one {0} line.",
            // ErrorMaskNotContiguous
            "{0} : {1} n'est pas un masque de sous-réseau (des bits à 1 puis des bits à 0, par exemple 255.255.255.0).",
            "{0}: {1} is not a subnet mask (one bits then zero bits, for example 255.255.255.0).",
            // ErrorAddressNotAHost
            "{0} : {1} est l'adresse du réseau ou de diffusion du masque {2} : choisissez une adresse d'hôte.",
            "{0}: {1} is the network or broadcast address of mask {2}: choose a host address.",
            // ErrorGatewayOutsideSubnet
            "{0} : la passerelle {1} doit être une autre adresse du sous-réseau de {2} (masque {3}).",
            "{0}: gateway {1} must be another address in the subnet of {2} (mask {3}).",
            // StartingNetwork
            "KiWhi Armoire : connexion au réseau, la console démarre dans {0} s au plus...",
            "KiWhi Armoire: connecting to the network, the console starts within {0} s...",
        };

        /// <summary>Number of console text rows (French and English pairs).</summary>
        public static int ConsoleTextCount
        {
            get { return ConsoleTexts.Length / 2; }
        }

        /// <summary>Returns the raw console text with its placeholders, or null when the row is missing.</summary>
        public static string GetConsoleEntry(ConsoleTextId id, string language)
        {
            int index = 2 * (int)id + (IsEnglish(language) ? 1 : 0);
            if (index < 0 || index >= ConsoleTexts.Length)
            {
                return null;
            }

            return ConsoleTexts[index];
        }

        /// <summary>Returns the console text with no arguments.</summary>
        public static string FormatConsole(ConsoleTextId id, string language)
        {
            return FormatConsole(id, language, new string[0]);
        }

        /// <summary>Returns the console text with {0} replaced.</summary>
        public static string FormatConsole(ConsoleTextId id, string language, string argument0)
        {
            return FormatConsole(id, language, new string[] { argument0 });
        }

        /// <summary>Returns the console text with {0} and {1} replaced.</summary>
        public static string FormatConsole(ConsoleTextId id, string language, string argument0, string argument1)
        {
            return FormatConsole(id, language, new string[] { argument0, argument1 });
        }

        /// <summary>
        /// Returns the console text with each {n} replaced by <paramref name="arguments"/>[n] ("" when
        /// missing or null). A missing row falls back to French, then to the numeric id, so a gap never
        /// throws on the device.
        /// </summary>
        public static string FormatConsole(ConsoleTextId id, string language, string[] arguments)
        {
            string template = GetConsoleEntry(id, language) ?? GetConsoleEntry(id, "fr");
            if (template == null)
            {
                return "#" + ((int)id).ToString();
            }

            string text = "";
            int copied = 0;
            for (int i = 0; i + 2 < template.Length; i++)
            {
                char digit = template[i + 1];
                if (template[i] != '{' || digit < '0' || digit > '9' || template[i + 2] != '}')
                {
                    continue;
                }

                int argument = digit - '0';
                text += template.Substring(copied, i - copied);
                text += argument < arguments.Length && arguments[argument] != null ? arguments[argument] : "";
                copied = i + 3;
                i += 2;
            }

            return copied == 0 ? template : text + template.Substring(copied);
        }
    }
}
