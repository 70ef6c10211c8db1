<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CaptureActions</name>
    <message>
        <source>&amp;Capture…</source>
        <translation>&amp;Mitschneiden…</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschneiden</translation>
    </message>
    <message>
        <source>Edit Capture &amp;Rules…</source>
        <translation>Mitschnitt-&amp;Regeln bearbeiten…</translation>
    </message>
    <message>
        <source>Copy &amp;Proxy URL</source>
        <translation>&amp;Proxy-URL kopieren</translation>
    </message>
    <message>
        <source>&amp;Stop Capture</source>
        <translation>Mitschnitt &amp;beenden</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>&amp;Mitschnitt</translation>
    </message>
    <message>
        <source>C&amp;apture Panel</source>
        <translation>Mitschnitt-Bere&amp;ich</translation>
    </message>
    <message>
        <source>The capture could not start: %1</source>
        <translation>Der Mitschnitt konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>The capture proxy could not start.</source>
        <translation>Der Mitschnitt-Proxy konnte nicht starten.</translation>
    </message>
    <message>
        <source>Point your app at %1: its streams show as captured feeds.</source>
        <translation>Richten Sie Ihre App auf %1: Ihre Streams erscheinen als mitgeschnittene Feeds.</translation>
    </message>
    <message numerus="yes">
        <source>Capture rules applied: %n rule(s).</source>
        <translation>
            <numerusform>Mitschnitt-Regeln angewendet: %n Regel.</numerusform>
            <numerusform>Mitschnitt-Regeln angewendet: %n Regeln.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied the proxy URL %1.</source>
        <translation>Proxy-URL %1 kopiert.</translation>
    </message>
    <message>
        <source>The capture stopped; its feeds stay.</source>
        <translation>Der Mitschnitt ist beendet; seine Feeds bleiben.</translation>
    </message>
    <message>
        <source>&amp;Capture (running)…</source>
        <translation>&amp;Mitschneiden (läuft)…</translation>
    </message>
    <message>
        <source>Capturing %1 -&gt; %2</source>
        <translation>Mitschnitt %1 -&gt; %2</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <source>Capture</source>
        <translation>Mitschneiden</translation>
    </message>
    <message>
        <source>Edit Capture Rules</source>
        <translation>Mitschnitt-Regeln bearbeiten</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>The server the app&apos;s requests go to (http or https, with an optional base path)</source>
        <translation>Der Server, an den die Anfragen der App gehen (http oder https, mit optionalem Basispfad)</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>ein freier Port</translation>
    </message>
    <message>
        <source>One fault rule a line, as ssedash-cli proxy --fault takes them</source>
        <translation>Eine Fehlerregel je Zeile, wie ssedash-cli proxy --fault sie nimmt</translation>
    </message>
    <message>
        <source>only the system&apos;s certificates</source>
        <translation>nur die Zertifikate des Systems</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Send the upstream&apos;s host as Host</source>
        <translation>Host des Upstreams als Host senden</translation>
    </message>
    <message>
        <source>Replace Origin with the upstream&apos;s origin</source>
        <translation>Origin durch den Origin des Upstreams ersetzen</translation>
    </message>
    <message>
        <source>&amp;Upstream:</source>
        <translation>&amp;Upstream:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Bind address:</source>
        <translation>&amp;Bind-Adresse:</translation>
    </message>
    <message>
        <source>&amp;Rules:</source>
        <translation>&amp;Regeln:</translation>
    </message>
    <message>
        <source>&amp;Trusted certificate:</source>
        <translation>Ver&amp;trautes Zertifikat:</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Trusted Certificate</source>
        <translation>Vertrautes Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter the upstream URL.</source>
        <translation>Geben Sie die Upstream-URL ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>„%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>No certificate could be read from %1.</source>
        <translation>Aus %1 ließ sich kein Zertifikat lesen.</translation>
    </message>
</context>
<context>
    <name>CaptureExchangeModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>streamt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>upstream closed</source>
        <translation>Upstream geschlossen</translation>
    </message>
    <message>
        <source>upstream failed</source>
        <translation>Upstream fehlgeschlagen</translation>
    </message>
    <message>
        <source>client closed</source>
        <translation>Client geschlossen</translation>
    </message>
    <message>
        <source>cut by a rule</source>
        <translation>von Regel getrennt</translation>
    </message>
    <message>
        <source>answered by a rule</source>
        <translation>von Regel beantwortet</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Inhaltstyp</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <source>No capture is running. Start one with Capture… and point your app at the proxy&apos;s address.</source>
        <translation>Es läuft kein Mitschnitt. Starten Sie einen mit Mitschneiden… und richten Sie Ihre App auf die Adresse des Proxys.</translation>
    </message>
    <message>
        <source>Proxy %1 → %2. Double-click a stream to see its feed.</source>
        <translation>Proxy %1 → %2. Doppelklicken Sie auf einen Stream, um seinen Feed zu sehen.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;; a command comes first</source>
        <translation>unbekannte Option &apos;%1&apos;; zuerst kommt ein Befehl</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.</source>
        <translation>Mehr Informationen mit &apos;%1 --help&apos;.</translation>
    </message>
    <message>
        <source>Qt %1 (built with Qt %2)
</source>
        <translation>Qt %1 (erstellt mit Qt %2)
</translation>
    </message>
    <message>
        <source>Usage: %1 COMMAND [options] ...
Reads Server-Sent Events and prints them as JSON lines; publishes test streams.

Commands:
  parse [FILE]   Parse a text/event-stream body from FILE or standard input.
  monitor URL    Connect to URL like a browser&apos;s EventSource and print what
                 happens, one JSON object a line.
  publish        Serve a test feed of events on 127.0.0.1 until stopped.
  export IN OUT  Convert an event log that &apos;monitor --output&apos; recorded to
                 NDJSON, JSON, CSV or text/event-stream.
  proxy          Forward a local port to an upstream server and print the
                 event streams that pass, one JSON object a line.

Options:
  -h, --help     Show this help; &apos;%1 COMMAND --help&apos; shows a command&apos;s.
  -v, --version  Show the version.

Exit status: 0 on success, 1 on I/O or fatal stream errors, 2 on usage errors.
</source>
        <translation>Aufruf: %1 COMMAND [Optionen] ...
Liest Server-Sent Events und gibt sie als JSON-Zeilen aus; veröffentlicht
Test-Streams.

Befehle:
  parse [FILE]   Einen text/event-stream-Body aus FILE oder der Standardeingabe
                 parsen.
  monitor URL    Wie die EventSource eines Browsers mit URL verbinden und
                 ausgeben, was geschieht, ein JSON-Objekt pro Zeile.
  publish        Einen Test-Feed mit Events auf 127.0.0.1 bereitstellen, bis er
                 gestoppt wird.
  export IN OUT  Ein Event-Protokoll, das &apos;monitor --output&apos; aufgezeichnet hat,
                 in NDJSON, JSON, CSV oder text/event-stream umwandeln.
  proxy          Einen lokalen Port an einen Upstream-Server weiterleiten und
                 die durchlaufenden Event-Streams ausgeben, ein JSON-Objekt pro
                 Zeile.

Optionen:
  -h, --help     Diese Hilfe; &apos;%1 COMMAND --help&apos; zeigt die eines Befehls.
  -v, --version  Die Version zeigen.

Exit-Status: 0 bei Erfolg, 1 bei E/A-Fehlern oder fatalen Stream-Fehlern,
2 bei Aufruffehlern.
</translation>
    </message>
</context>
<context>
    <name>ConnectionView</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>waiting for the response</source>
        <translation>wartet auf die Antwort</translation>
    </message>
    <message>
        <source>no stream</source>
        <translation>kein Stream</translation>
    </message>
    <message>
        <source>(none sent)</source>
        <translation>(keine gesendet)</translation>
    </message>
    <message>
        <source>Requests of this feed, newest first</source>
        <translation>Anfragen dieses Feeds, neueste zuerst</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Bericht kopieren</translation>
    </message>
    <message>
        <source>Copy a plain-text report of this connection; secret values are redacted</source>
        <translation>Einen Klartext-Bericht über diese Verbindung kopieren; geheime Werte werden unkenntlich gemacht</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Anfrage:</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation>#%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 · warnings: %2</source>
        <translation>%1 · Warnungen: %2</translation>
    </message>
    <message>
        <source>No requests yet</source>
        <translation>Noch keine Anfragen</translation>
    </message>
    <message>
        <source>No connection yet.</source>
        <translation>Noch keine Verbindung.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Last-Event-ID sent</source>
        <translation>Gesendete Last-Event-ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>HTTP version</source>
        <translation>HTTP-Version</translation>
    </message>
    <message>
        <source>Final URL</source>
        <translation>Endgültige URL</translation>
    </message>
    <message>
        <source>Error (fatal)</source>
        <translation>Fehler (fatal)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Antwort-Header</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Nothing wrong was found.</source>
        <translation>Keine Auffälligkeiten gefunden.</translation>
    </message>
    <message>
        <source>No response to check.</source>
        <translation>Keine Antwort zu prüfen.</translation>
    </message>
    <message>
        <source>Advice: %1</source>
        <translation>Empfehlung: %1</translation>
    </message>
    <message>
        <source>ssedash connection report</source>
        <translation>ssedash-Verbindungsbericht</translation>
    </message>
    <message>
        <source>Request: %1</source>
        <translation>Anfrage: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Gestartet: %1</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <source>Last-Event-ID sent: %1</source>
        <translation>Gesendete Last-Event-ID: %1</translation>
    </message>
    <message>
        <source>Status: HTTP/%1 %2</source>
        <translation>Status: HTTP/%1 %2</translation>
    </message>
    <message>
        <source>Final URL: %1</source>
        <translation>Endgültige URL: %1</translation>
    </message>
    <message>
        <source>Response headers:</source>
        <translation>Antwort-Header:</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Error (fatal): %1</source>
        <translation>Fehler (fatal): %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>Befunde:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>%1 (decoded)</source>
        <translation>%1 (dekodiert)</translation>
    </message>
    <message>
        <source>%1 (cannot be decoded)</source>
        <translation>%1 (nicht dekodierbar)</translation>
    </message>
    <message>
        <source>Refused response body</source>
        <translation>Body der abgelehnten Antwort</translation>
    </message>
    <message>
        <source>Refused response body (its first %1)</source>
        <translation>Body der abgelehnten Antwort (die ersten %1)</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>Gesendete Anfrage</translation>
    </message>
    <message>
        <source>Method and URL</source>
        <translation>Methode und URL</translation>
    </message>
    <message>
        <source>Redirected to</source>
        <translation>Weitergeleitet an</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Anfrage-Header</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Request-Body</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Content-Encoding</source>
        <translation>Content-Encoding</translation>
    </message>
    <message>
        <source>Request sent: %1</source>
        <translation>Gesendete Anfrage: %1</translation>
    </message>
    <message>
        <source>Redirected to: %1</source>
        <translation>Weitergeleitet an: %1</translation>
    </message>
    <message>
        <source>Request headers:</source>
        <translation>Anfrage-Header:</translation>
    </message>
    <message>
        <source>Request body:</source>
        <translation>Request-Body:</translation>
    </message>
    <message>
        <source>Content-Encoding: %1</source>
        <translation>Content-Encoding: %1</translation>
    </message>
    <message>
        <source>TLS certificate errors: ignored for this feed (the server&apos;s identity is not checked)</source>
        <translation>TLS-Zertifikatsfehler: für diesen Feed ignoriert (die Identität des Servers wird nicht geprüft)</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation>Kein Event ausgewählt</translation>
    </message>
    <message>
        <source>Comment · connection %1 · %2 · %3</source>
        <translation>Kommentar · Verbindung %1 · %2 · %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Type %1 · id %2 · connection %3 · %4 · %5</source>
        <translation>Typ %1 · ID %2 · Verbindung %3 · %4 · %5</translation>
    </message>
    <message>
        <source>%1 of data: shown as it came, without formatting.</source>
        <translation>%1 Daten: so gezeigt, wie sie ankamen, ohne Formatierung.</translation>
    </message>
    <message>
        <source>The raw lines of older events are no longer kept, to bound memory; the newest %L1 events keep theirs.</source>
        <translation>Die Rohzeilen älterer Events werden nicht mehr aufbewahrt, um den Speicher zu begrenzen; die neuesten %L1 Events behalten ihre.</translation>
    </message>
    <message>
        <source>The raw lines were not kept for this event.</source>
        <translation>Die Rohzeilen dieses Events wurden nicht aufbewahrt.</translation>
    </message>
    <message>
        <source>Copy the data exactly as received (the raw lines on the Raw tab)</source>
        <translation>Die Daten genau wie empfangen kopieren (die Rohzeilen im Tab „Roh“)</translation>
    </message>
    <message>
        <source>Copy Pretty</source>
        <translation>Formatiert kopieren</translation>
    </message>
    <message>
        <source>Copy the JSON as shown, re-indented</source>
        <translation>Das JSON wie angezeigt kopieren, neu eingerückt</translation>
    </message>
    <message>
        <source>Not valid JSON: %1 at line %2, column %3 (byte %4). Shown as it came.</source>
        <translation>Kein gültiges JSON: %1 in Zeile %2, Spalte %3 (Byte %4). So gezeigt, wie es ankam.</translation>
    </message>
    <message>
        <source>A comment&apos;s wire line is not kept; the Data tab shows its text, after the colon and one optional space.</source>
        <translation>Die Rohzeile eines Kommentars wird nicht aufbewahrt; der Tab „Daten“ zeigt seinen Text nach dem Doppelpunkt und einem optionalen Leerzeichen.</translation>
    </message>
    <message>
        <source>JSON nested too deeply to re-indent: shown as it came.</source>
        <translation>JSON zu tief verschachtelt zum Einrücken: so angezeigt, wie es kam.</translation>
    </message>
    <message>
        <source>The wire lines the event came from. Marked: lines that ended in CR LF or in a CR alone, and bytes that are not UTF-8 (in hex). Copy gives the bytes as sent.</source>
        <translation>Die Zeilen, mit denen das Ereignis übertragen wurde. Markiert sind Zeilen, die mit CR LF oder nur mit CR endeten, und Bytes, die kein UTF-8 sind (hexadezimal). Kopieren liefert die Bytes wie gesendet.</translation>
    </message>
    <message>
        <source>Bytes that are not UTF-8 came in this event&apos;s lines: each such sequence shows as U+FFFD (�), as a browser decodes it. The Raw tab shows the bytes in hex.</source>
        <translation>In den Zeilen dieses Ereignisses kamen Bytes, die kein UTF-8 sind: Jede solche Folge erscheint als U+FFFD (�), so wie ein Browser sie dekodiert. Der Reiter „Roh“ zeigt die Bytes hexadezimal.</translation>
    </message>
</context>
<context>
    <name>EmptyStateLabel</name>
    <message>
        <source>Not connected yet</source>
        <translation>Noch nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Waiting for the first event…</source>
        <translation>Warten auf das erste Event…</translation>
    </message>
    <message>
        <source>Waiting for new events…</source>
        <translation>Warten auf neue Events…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>No event matches the filter</source>
        <translation>Kein Event passt zum Filter</translation>
    </message>
</context>
<context>
    <name>EventFilterModel</name>
    <message>
        <source>Invalid regular expression at position %1: %2</source>
        <translation>Ungültiger regulärer Ausdruck an Position %1: %2</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>(comment)</source>
        <translation>(Kommentar)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message numerus="yes">
        <source>id jumped from %1 to %2: %n event(s) missing?</source>
        <translation>
            <numerusform>ID sprang von %1 auf %2: fehlt %n Event?</numerusform>
            <numerusform>ID sprang von %1 auf %2: fehlen %n Events?</numerusform>
        </translation>
    </message>
    <message>
        <source>id %1 repeated: duplicate after reconnect?</source>
        <translation>ID %1 wiederholt: Duplikat nach Wiederverbindung?</translation>
    </message>
    <message>
        <source>id went back from %1 to %2: duplicate after reconnect?</source>
        <translation>ID ging von %1 auf %2 zurück: Duplikat nach Wiederverbindung?</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>id %1 repeated on the same connection</source>
        <translation>ID %1 auf derselben Verbindung wiederholt</translation>
    </message>
</context>
<context>
    <name>EventTable</name>
    <message>
        <source>Follow live</source>
        <translation>Live folgen</translation>
    </message>
    <message>
        <source>Keep the newest event in view (End in the table). Scrolling up or selecting a row stops following.</source>
        <translation>Das neueste Event im Blick behalten (Taste Ende in der Tabelle). Hochscrollen oder das Auswählen einer Zeile beendet das Folgen.</translation>
    </message>
    <message>
        <source>Copy Data</source>
        <translation>Daten kopieren</translation>
    </message>
    <message>
        <source>Copy the data of the selected events, one a line</source>
        <translation>Die Daten der ausgewählten Events kopieren, eines pro Zeile</translation>
    </message>
    <message>
        <source>Copy as SSE</source>
        <translation>Als SSE kopieren</translation>
    </message>
    <message>
        <source>Copy the selected events as text/event-stream lines</source>
        <translation>Die ausgewählten Events als text/event-stream-Zeilen kopieren</translation>
    </message>
    <message>
        <source>Filter by This Type</source>
        <translation>Nach diesem Typ filtern</translation>
    </message>
    <message>
        <source>Show in Timeline</source>
        <translation>In der Zeitleiste zeigen</translation>
    </message>
    <message>
        <source>Filter by Type “%1”</source>
        <translation>Nach Typ „%1“ filtern</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>cannot import %1</source>
        <translation>kann %1 nicht importieren</translation>
    </message>
    <message>
        <source>cannot write standard output: %1</source>
        <translation>kann nicht auf die Standardausgabe schreiben: %1</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>Standardausgabe</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;All records (%L1)</source>
        <translation>&amp;Alle Einträge (%L1)</translation>
    </message>
    <message>
        <source>Only the &amp;filtered view (%L1)</source>
        <translation>Nur die ge&amp;filterte Ansicht (%L1)</translation>
    </message>
    <message>
        <source>Export Log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>NDJSON keeps every field and can be imported again; CSV is for spreadsheets; text/event-stream can be served again.</source>
        <translation>NDJSON behält jedes Feld und lässt sich wieder importieren; CSV ist für Tabellenkalkulationen; text/event-stream lässt sich wieder ausliefern.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Einträge:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 ist ein Ordner; wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
</context>
<context>
    <name>ExportOptions</name>
    <message>
        <source>ndjson, json, csv or sse (default: from OUTPUT&apos;s suffix).</source>
        <translation>ndjson, json, csv oder sse (Vorgabe: aus der Endung von OUTPUT).</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>The NDJSON event log to read.</source>
        <translation>Das NDJSON-Event-Protokoll, das gelesen wird.</translation>
    </message>
    <message>
        <source>Usage: %1 export [--format FORMAT] INPUT OUTPUT</source>
        <translation>Aufruf: %1 export [--format FORMAT] INPUT OUTPUT</translation>
    </message>
    <message>
        <source>export wants an INPUT and an OUTPUT file</source>
        <translation>export braucht eine INPUT- und eine OUTPUT-Datei</translation>
    </message>
    <message>
        <source>export takes two files, but got %1</source>
        <translation>export nimmt zwei Dateien, bekam aber %1</translation>
    </message>
    <message>
        <source>export wants file names, not empty arguments</source>
        <translation>export braucht Dateinamen, keine leeren Argumente</translation>
    </message>
    <message>
        <source>--format wants ndjson, json, csv or sse, not &apos;%1&apos;</source>
        <translation>--format erwartet ndjson, json, csv oder sse, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot tell the format from &apos;%1&apos;: name it with --format, or end the name in .ndjson, .jsonl, .json, .csv, .sse or .txt</source>
        <translation>kann das Format von &apos;%1&apos; nicht erkennen: geben Sie es mit --format an, oder lassen Sie den Namen auf .ndjson, .jsonl, .json, .csv, .sse oder .txt enden</translation>
    </message>
    <message>
        <source>Converts an NDJSON event log, as &apos;monitor --output&apos; records it, to another
format. A regular file OUTPUT is replaced only once it is completely written:
when writing fails, an existing OUTPUT keeps its old content. OUTPUT &apos;-&apos; is
standard output (NDJSON unless --format says otherwise); a FIFO or a device
such as /dev/null is written directly, never replaced.

Formats:
  ndjson  the event log itself, lossless, records of unknown kinds included
          (.ndjson, .jsonl)
  json    a JSON array of the same objects (.json)
  csv     receivedMs,receivedAt,connection,kind,type,lastEventId,data (.csv);
          a &apos; goes before a text that starts with = + - @, TAB or CR, so
          that spreadsheets do not take it for a formula
  sse     the events as text/event-stream, which &apos;parse&apos; reads back to the
          same type, data and lastEventId (.sse, .txt)</source>
        <translation>Wandelt ein NDJSON-Event-Protokoll, wie &apos;monitor --output&apos; es aufzeichnet, in
ein anderes Format um. Eine reguläre Datei OUTPUT wird erst ersetzt, wenn sie
vollständig geschrieben ist: Schlägt das Schreiben fehl, behält eine vorhandene
OUTPUT-Datei ihren alten Inhalt. OUTPUT &apos;-&apos; ist die Standardausgabe (NDJSON,
sofern --format nichts anderes angibt); ein FIFO oder ein Gerät wie /dev/null
wird direkt beschrieben, nie ersetzt.

Formate:
  ndjson  das Event-Protokoll selbst, verlustfrei, einschließlich Einträgen
          unbekannter Art (.ndjson, .jsonl)
  json    ein JSON-Array derselben Objekte (.json)
  csv     receivedMs,receivedAt,connection,kind,type,lastEventId,data (.csv);
          vor einen Text, der mit = + - @, TAB oder CR beginnt, kommt ein &apos;,
          damit Tabellenkalkulationen ihn nicht für eine Formel halten
  sse     die Events als text/event-stream, die &apos;parse&apos; wieder mit demselben
          type, data und lastEventId einliest (.sse, .txt)</translation>
    </message>
    <message>
        <source>The file to write; &apos;-&apos; for standard output.</source>
        <translation>Die zu schreibende Datei; &apos;-&apos; für die Standardausgabe.</translation>
    </message>
</context>
<context>
    <name>Feed</name>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>%1 need values</source>
        <translation>%1 brauchen Werte</translation>
    </message>
    <message>
        <source>Not connected: %1.</source>
        <translation>Nicht verbunden: %1.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 with no event stream.</source>
        <translation>Der Server antwortete mit HTTP %1 ohne Event-Stream.</translation>
    </message>
</context>
<context>
    <name>FeedDialog</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>Anf&amp;rage</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>&amp;Wiederverbindung</translation>
    </message>
    <message>
        <source>Ad&amp;vanced</source>
        <translation>&amp;Erweitert</translation>
    </message>
    <message>
        <source>Add Feed</source>
        <translation>Feed hinzufügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Edit Feed</source>
        <translation>Feed bearbeiten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Duplicate Feed</source>
        <translation>Feed duplizieren</translation>
    </message>
    <message>
        <source>Add Copy</source>
        <translation>Kopie hinzufügen</translation>
    </message>
    <message>
        <source>Taken from the URL when empty</source>
        <translation>Wird aus der URL übernommen, wenn leer</translation>
    </message>
    <message>
        <source>&amp;LLM stream (show the completion as text)</source>
        <translation>&amp;LLM-Stream (die Antwort als Text zeigen)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Request body (sent when not empty; not with GET)</source>
        <translation>Request-Body (wird gesendet, wenn nicht leer; nicht bei GET)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Add Header</source>
        <translation>Header hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Remove Hea&amp;der</source>
        <translation>Header en&amp;tfernen</translation>
    </message>
    <message>
        <source>&amp;Show secret values</source>
        <translation>&amp;Geheime Werte anzeigen</translation>
    </message>
    <message>
        <source>Sent with the first request only</source>
        <translation>Wird nur mit der ersten Anfrage gesendet</translation>
    </message>
    <message>
        <source>Send cr&amp;edentials (cookies and HTTP authentication)</source>
        <translation>Anmel&amp;dedaten senden (Cookies und HTTP-Authentifizierung)</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Body:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>Initial Last-Event-&amp;ID:</source>
        <translation>Anfängliche Last-Event-&amp;ID:</translation>
    </message>
    <message>
        <source>Standard (as a browser&apos;s EventSource)</source>
        <translation>Standard (wie die EventSource eines Browsers)</translation>
    </message>
    <message>
        <source>Manual re-init (a fresh connection after closing)</source>
        <translation>Manuelle Neuinitialisierung (eine neue Verbindung nach dem Schließen)</translation>
    </message>
    <message>
        <source>Exponential backoff</source>
        <translation>Exponentielles Backoff</translation>
    </message>
    <message>
        <source>Backoff, then manual re-init</source>
        <translation>Backoff, dann manuelle Neuinitialisierung</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source> failed attempts</source>
        <translation> Fehlversuche</translation>
    </message>
    <message>
        <source>Consecutive failed attempts before giving up; 0: never</source>
        <translation>Fehlversuche in Folge, bevor aufgegeben wird; 0: nie</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Until the stream sends a retry: field</source>
        <translation>Bis der Stream ein retry:-Feld sendet</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Reconnect when no bytes arrive for this long; 0: off</source>
        <translation>Neu verbinden, wenn so lange keine Bytes ankommen; 0: aus</translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation>&amp;Strategie:</translation>
    </message>
    <message>
        <source>Re-init &amp;delay:</source>
        <translation>&amp;Verzögerung der Neuinitialisierung:</translation>
    </message>
    <message>
        <source>Backoff &amp;factor:</source>
        <translation>Backoff-&amp;Faktor:</translation>
    </message>
    <message>
        <source>Backoff c&amp;ap:</source>
        <translation>Backoff-&amp;Obergrenze:</translation>
    </message>
    <message>
        <source>Give &amp;up after:</source>
        <translation>Aufgeben &amp;nach:</translation>
    </message>
    <message>
        <source>Initial reconnection &amp;time:</source>
        <translation>Anfängliche Wiederverbindungs&amp;zeit:</translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation>&amp;Leerlauf-Timeout:</translation>
    </message>
    <message>
        <source>Verify certificates (default)</source>
        <translation>Zertifikate prüfen (Standard)</translation>
    </message>
    <message>
        <source>Ignore TLS errors (unsafe, this feed only)</source>
        <translation>TLS-Fehler ignorieren (unsicher, nur für diesen Feed)</translation>
    </message>
    <message>
        <source>Allow co&amp;mpression (gzip, deflate, ...)</source>
        <translation>&amp;Komprimierung erlauben (gzip, deflate, ...)</translation>
    </message>
    <message>
        <source> events</source>
        <translation> Events</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>&amp;Log capacity:</source>
        <translation>&amp;Protokollgröße:</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>&amp;Obey the server&apos;s &quot;%1&quot; event (reconnect after its delay)</source>
        <translation>Dem „%1“-Event des Servers &amp;befolgen (nach seiner Verzögerung neu verbinden)</translation>
    </message>
    <message>
        <source>(needs a value: not remembered)</source>
        <translation>(braucht einen Wert: nicht gespeichert)</translation>
    </message>
    <message>
        <source>Remember secre&amp;t headers (Authorization, Cookie, ...) in the keychain</source>
        <translation>Geheime Header (Authorization, Cookie, ...) im Schlüsselbund &amp;speichern</translation>
    </message>
    <message>
        <source>Remember secre&amp;t headers: unavailable, %1</source>
        <translation>Geheime Header &amp;speichern: nicht verfügbar, %1</translation>
    </message>
    <message>
        <source>They are kept in the desktop&apos;s keychain, never in the settings file. Otherwise they are used until ssedash quits and are never written to disk.</source>
        <translation>Sie werden im Schlüsselbund der Arbeitsumgebung aufbewahrt, nie in der Einstellungsdatei. Andernfalls werden sie nur verwendet, bis ssedash beendet wird, und nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Secrets cannot be remembered: %1. They are used until ssedash quits and are never written to disk.</source>
        <translation>Geheimnisse können nicht gespeichert werden: %1. Sie werden nur verwendet, bis ssedash beendet wird, und nie auf die Festplatte geschrieben.</translation>
    </message>
</context>
<context>
    <name>FeedList</name>
    <message>
        <source>captured</source>
        <translation>mitgeschnitten</translation>
    </message>
    <message>
        <source>captured: the streams of this request that passed the capture proxy</source>
        <translation>mitgeschnitten: die Streams dieser Anfrage, die den Mitschnitt-Proxy passiert haben</translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>The selected event</source>
        <translation>Das ausgewählte Event</translation>
    </message>
    <message>
        <source>readyState of the feed&apos;s EventSource</source>
        <translation>readyState der EventSource des Feeds</translation>
    </message>
    <message>
        <source>Events received (comments in brackets)</source>
        <translation>Empfangene Events (Kommentare in Klammern)</translation>
    </message>
    <message>
        <source>Events per second over the last second</source>
        <translation>Events pro Sekunde in der letzten Sekunde</translation>
    </message>
    <message>
        <source>Events per second, last minute</source>
        <translation>Events pro Sekunde, letzte Minute</translation>
    </message>
    <message>
        <source>Bytes received</source>
        <translation>Empfangene Bytes</translation>
    </message>
    <message>
        <source>Connections after the first</source>
        <translation>Verbindungen nach der ersten</translation>
    </message>
    <message>
        <source>Current reconnection time</source>
        <translation>Aktuelle Wiederverbindungszeit</translation>
    </message>
    <message>
        <source>Last event ID</source>
        <translation>Letzte Event-ID</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <source>Show or hide event types</source>
        <translation>Event-Typen ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Filter data (Ctrl+F)</source>
        <translation>Daten filtern (Strg+F)</translation>
    </message>
    <message>
        <source>.*</source>
        <translation>.*</translation>
    </message>
    <message>
        <source>Treat the filter as a regular expression</source>
        <translation>Den Filter als regulären Ausdruck behandeln</translation>
    </message>
    <message>
        <source>Filter id</source>
        <translation>ID filtern</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Show comments and heartbeats</source>
        <translation>Kommentare und Heartbeats anzeigen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove every row (Ctrl+L)</source>
        <translation>Alle Zeilen entfernen (Strg+L)</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Noch keine Events</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No error</source>
        <translation>Kein Fehler</translation>
    </message>
    <message>
        <source>Events: %1 (+%2 comments)</source>
        <translation>Events: %1 (+%2 Kommentare)</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Bytes: %1</source>
        <translation>Bytes: %1</translation>
    </message>
    <message>
        <source>Reconnects: %1</source>
        <translation>Wiederverbindungen: %1</translation>
    </message>
    <message>
        <source>Retry: %1 ms</source>
        <translation>Retry: %1 ms</translation>
    </message>
    <message>
        <source>Last id: %1</source>
        <translation>Letzte ID: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Error (fatal): %1</source>
        <translation>Fehler (fatal): %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Requests, responses and diagnostics</source>
        <translation>Anfragen, Antworten und Diagnose</translation>
    </message>
    <message>
        <source>Connection (%1)</source>
        <translation>Verbindung (%1)</translation>
    </message>
    <message>
        <source>LLM</source>
        <translation>LLM</translation>
    </message>
    <message>
        <source>The answer assembled from the stream</source>
        <translation>Die aus dem Stream zusammengesetzte Antwort</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <source>Recorded from %1 to %2</source>
        <translation>Aufgezeichnet von %1 bis %2</translation>
    </message>
    <message>
        <source>The feed&apos;s last error</source>
        <translation>Der letzte Fehler des Feeds</translation>
    </message>
    <message>
        <source>The selected event is hidden by the filter.</source>
        <translation>Das ausgewählte Event wird vom Filter ausgeblendet.</translation>
    </message>
    <message>
        <source>The selected event left the log: it keeps the newest %L1 records.</source>
        <translation>Das ausgewählte Event ist nicht mehr im Protokoll: Es behält die neuesten %L1 Einträge.</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Typ: %1</translation>
    </message>
    <message>
        <source>Only events of type “%1” show; “Show all” in this menu ends it.</source>
        <translation>Nur Events vom Typ „%1“ werden gezeigt; „Alle anzeigen“ in diesem Menü hebt das auf.</translation>
    </message>
    <message>
        <source>%1: Connect asks for it before the request goes out.</source>
        <translation>%1: „Verbinden“ fragt danach, bevor die Anfrage gesendet wird.</translation>
    </message>
    <message>
        <source>Recorded: nothing</source>
        <translation>Aufgezeichnet: nichts</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>Aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>Bytes: –</source>
        <translation>Bytes: –</translation>
    </message>
    <message>
        <source>Not recorded in the log</source>
        <translation>Nicht im Protokoll aufgezeichnet</translation>
    </message>
    <message>
        <source>Connections: %1</source>
        <translation>Verbindungen: %1</translation>
    </message>
    <message>
        <source>Connections that carried the records</source>
        <translation>Verbindungen, über die die Einträge kamen</translation>
    </message>
    <message>
        <source>Retry: –</source>
        <translation>Retry: –</translation>
    </message>
    <message>
        <source>IMPORTED</source>
        <translation>IMPORTIERT</translation>
    </message>
    <message>
        <source>An imported recording: it has no connection</source>
        <translation>Eine importierte Aufzeichnung: Sie hat keine Verbindung</translation>
    </message>
    <message>
        <source>TLS certificate errors are ignored for this feed: anyone between you and the server can read and change its events.</source>
        <translation>TLS-Zertifikatsfehler werden für diesen Feed ignoriert: Jeder zwischen Ihnen und dem Server kann seine Events lesen und ändern.</translation>
    </message>
    <message>
        <source>Retry: %1 ms (sent)</source>
        <translation>Retry: %1 ms (gesendet)</translation>
    </message>
    <message>
        <source>Retry: not sent</source>
        <translation>Retry: nicht gesendet</translation>
    </message>
    <message>
        <source>The reconnection time the stream&apos;s last retry field set</source>
        <translation>Die Wiederverbindungszeit, die das letzte retry-Feld des Streams gesetzt hat</translation>
    </message>
    <message>
        <source>The stream sent no retry field: the app&apos;s client uses its own default (3 s in browsers)</source>
        <translation>Der Stream hat kein retry-Feld gesendet: Der Client der App verwendet seine eigene Vorgabe (3 s in Browsern)</translation>
    </message>
</context>
<context>
    <name>FeedSecrets</name>
    <message>
        <source>this session does not save its feeds</source>
        <translation>diese Sitzung speichert ihre Feeds nicht</translation>
    </message>
    <message>
        <source>No keychain is available (%1): the secrets of %2 were removed from the settings file and are kept only until ssedash quits.</source>
        <translation>Kein Schlüsselbund verfügbar (%1): Die Geheimnisse von %2 wurden aus der Einstellungsdatei entfernt und nur bis zum Beenden von ssedash behalten.</translation>
    </message>
    <message>
        <source>No keychain is available (%1): secret headers are not remembered.</source>
        <translation>Kein Schlüsselbund verfügbar (%1): Geheime Header werden nicht gespeichert.</translation>
    </message>
    <message>
        <source>Moved the secrets of %1 from the settings file into the keychain.</source>
        <translation>Die Geheimnisse von %1 wurden aus der Einstellungsdatei in den Schlüsselbund verschoben.</translation>
    </message>
    <message>
        <source>Could not read the secrets of %1 from the keychain.</source>
        <translation>Die Geheimnisse von %1 konnten nicht aus dem Schlüsselbund gelesen werden.</translation>
    </message>
    <message>
        <source>Could not store the secrets of %1 in the keychain; they are kept until ssedash quits.</source>
        <translation>Die Geheimnisse von %1 konnten nicht im Schlüsselbund gespeichert werden; sie werden bis zum Beenden von ssedash behalten.</translation>
    </message>
    <message>
        <source>The feed &quot;%1&quot; was not connected: %2; Connect asks for it.</source>
        <translation>Der Feed „%1“ wurde nicht verbunden: %2; „Verbinden“ fragt danach.</translation>
    </message>
</context>
<context>
    <name>FeedSettingsStore</name>
    <message>
        <source>Left out the invalid header &quot;%1&quot; of the saved feed &quot;%2&quot;.</source>
        <translation>Der ungültige Header „%1“ des gespeicherten Feeds „%2“ wurde ausgelassen.</translation>
    </message>
    <message>
        <source>number %1</source>
        <translation>Nummer %1</translation>
    </message>
    <message>
        <source>Skipped the saved feed %1: %2</source>
        <translation>Der gespeicherte Feed %1 wurde übersprungen: %2</translation>
    </message>
    <message>
        <source>The feeds were saved by a newer version of ssedash (format %1); settings it does not know are ignored.</source>
        <translation>Die Feeds wurden von einer neueren Version von ssedash gespeichert (Format %1); unbekannte Einstellungen werden ignoriert.</translation>
    </message>
    <message>
        <source>Enter the URL of the feed.</source>
        <translation>Geben Sie die URL des Feeds ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL (%2).</source>
        <translation>„%1“ ist keine gültige URL (%2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a complete URL: it must start with http:// or https://.</source>
        <translation>„%1“ ist keine vollständige URL: sie muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses the %2 scheme; only http and https URLs are supported.</source>
        <translation>„%1“ verwendet das Schema %2; nur http- und https-URLs werden unterstützt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host name.</source>
        <translation>„%1“ hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>Enter the HTTP method, such as GET or POST.</source>
        <translation>Geben Sie die HTTP-Methode ein, etwa GET oder POST.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid HTTP method.</source>
        <translation>„%1“ ist keine gültige HTTP-Methode.</translation>
    </message>
    <message>
        <source>The header in row %1 has a value but no name.</source>
        <translation>Der Header in Zeile %1 hat einen Wert, aber keinen Namen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid header name.</source>
        <translation>„%1“ ist kein gültiger Header-Name.</translation>
    </message>
    <message>
        <source>The value of the header &quot;%1&quot; must be a single line without NUL characters.</source>
        <translation>Der Wert des Headers „%1“ muss eine einzige Zeile ohne NUL-Zeichen sein.</translation>
    </message>
    <message>
        <source>The header &quot;%1&quot; is given twice; give it once, with its values separated by commas.</source>
        <translation>Der Header „%1“ steht zweimal da; geben Sie ihn einmal an, mit seinen Werten durch Kommas getrennt.</translation>
    </message>
</context>
<context>
    <name>HeadlessDemo</name>
    <message>
        <source>the built-in publisher serves %1 (open it in a browser, or watch %2 with any SSE client)</source>
        <translation>der eingebaute Publisher liefert %1 aus (im Browser öffnen oder %2 mit einem beliebigen SSE-Client beobachten)</translation>
    </message>
    <message>
        <source>watching %1; Ctrl+C stops</source>
        <translation>beobachte %1; Strg+C beendet</translation>
    </message>
</context>
<context>
    <name>ListenOptions</name>
    <message>
        <source>--bind wants an IPv4 or IPv6 address such as 127.0.0.1 or ::1, not &apos;%1&apos;</source>
        <translation>--bind erwartet eine IPv4- oder IPv6-Adresse wie 127.0.0.1 oder ::1, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--port wants a port number from 0 to 65535, not &apos;%1&apos;</source>
        <translation>--port erwartet eine Portnummer von 0 bis 65535, nicht &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>LlmView</name>
    <message>
        <source>No LLM message yet</source>
        <translation>Noch keine LLM-Nachricht</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 · tokens: %2 · first token after %3 · %4 tokens/s · %5</source>
        <translation>%1 · Tokens: %2 · erstes Token nach %3 · %4 Tokens/s · %5</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Unknown style</source>
        <translation>Unbekannter Stil</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Done (%1)</source>
        <translation>Fertig (%1)</translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
</context>
<context>
    <name>LogActions</name>
    <message>
        <source>Exporting %L1 records to %2…</source>
        <translation>%L1 Einträge werden nach %2 exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export Log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1

Nothing was written; an existing file was left as it was.</source>
        <translation>%1

Es wurde nichts geschrieben; eine vorhandene Datei blieb unverändert.</translation>
    </message>
    <message>
        <source>Import Log</source>
        <translation>Protokoll importieren</translation>
    </message>
    <message>
        <source>NDJSON event logs (*.ndjson *.jsonl);;All files (*)</source>
        <translation>NDJSON-Event-Protokolle (*.ndjson *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
</context>
<context>
    <name>LogController</name>
    <message>
        <source>Exported %L1 records to %2</source>
        <translation>%L1 Einträge nach %2 exportiert</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was left as it was.</source>
        <translation>Export abgebrochen; %1 blieb unverändert.</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>Importiert: %1</translation>
    </message>
    <message>
        <source>Imported %L1 records from %2</source>
        <translation>%L1 Einträge aus %2 importiert</translation>
    </message>
    <message>
        <source>The log has no events to replay.</source>
        <translation>Das Protokoll enthält keine Events zum Abspielen.</translation>
    </message>
    <message>
        <source>Cannot start the replay publisher: %1</source>
        <translation>Der Publisher für die Wiedergabe kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Replay: %1</source>
        <translation>Wiedergabe: %1</translation>
    </message>
    <message>
        <source>Replay finished: %L1 events published.</source>
        <translation>Wiedergabe beendet: %L1 Events veröffentlicht.</translation>
    </message>
    <message>
        <source>Imported %L1 records from %2; %3</source>
        <translation>%L1 Einträge aus %2 importiert; %3</translation>
    </message>
</context>
<context>
    <name>LogRecording</name>
    <message>
        <source>cannot record to %1: %2</source>
        <translation>kann nicht nach %1 aufzeichnen: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Publisher</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <source>ssedash</source>
        <translation>ssedash</translation>
    </message>
    <message>
        <source>Built-in publisher</source>
        <translation>Eingebauter Publisher</translation>
    </message>
    <message>
        <source>Port %1 is not free (%2); the built-in publisher uses port %3.</source>
        <translation>Port %1 ist nicht frei (%2); der eingebaute Publisher verwendet Port %3.</translation>
    </message>
    <message>
        <source>&amp;Publisher Panel</source>
        <translation>&amp;Publisher-Bereich</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Copied a curl command for %1 (secret headers redacted).</source>
        <translation>curl-Befehl für %1 kopiert (geheime Header unkenntlich gemacht).</translation>
    </message>
    <message>
        <source>Copied a curl command for %1, secret headers included.</source>
        <translation>curl-Befehl für %1 kopiert, einschließlich geheimer Header.</translation>
    </message>
    <message>
        <source>About ssedash</source>
        <translation>Über ssedash</translation>
    </message>
    <message>
        <source>Built-in publisher: off</source>
        <translation>Eingebauter Publisher: aus</translation>
    </message>
    <message>
        <source>Built-in publisher: %1</source>
        <translation>Eingebauter Publisher: %1</translation>
    </message>
    <message>
        <source>Built-in publisher: %1 · clients: %2</source>
        <translation>Eingebauter Publisher: %1 · Clients: %2</translation>
    </message>
    <message>
        <source>&amp;Add Feed…</source>
        <translation>Feed &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit Feed…</source>
        <translation>Feed bea&amp;rbeiten…</translation>
    </message>
    <message>
        <source>D&amp;uplicate Feed…</source>
        <translation>Feed d&amp;uplizieren…</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Reconnect Now</source>
        <translation>Jetzt &amp;neu verbinden</translation>
    </message>
    <message>
        <source>Re&amp;move Feed</source>
        <translation>Feed &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Stop All</source>
        <translation>&amp;Alle stoppen</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Als &amp;curl kopieren</translation>
    </message>
    <message>
        <source>Copy as curl with &amp;Secrets</source>
        <translation>Als curl mit &amp;Geheimnissen kopieren</translation>
    </message>
    <message>
        <source>&amp;Export Log…</source>
        <translation>Protokoll &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import Log…</source>
        <translation>Protokoll &amp;importieren…</translation>
    </message>
    <message>
        <source>Re&amp;play in Publisher</source>
        <translation>Im Publisher &amp;abspielen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About ssedash</source>
        <translation>Ü&amp;ber ssedash</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Feed</source>
        <translation>&amp;Feed</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <source>Publisher Panel (%1)</source>
        <translation>Publisher-Bereich (%1)</translation>
    </message>
    <message>
        <source>Remove Feed</source>
        <translation>Feed entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove the feed &quot;%1&quot;? Its log holds %n record(s), which are lost with it.</source>
        <translation>
            <numerusform>Den Feed „%1“ entfernen? Sein Protokoll enthält %n Eintrag, der damit verloren geht.</numerusform>
            <numerusform>Den Feed „%1“ entfernen? Sein Protokoll enthält %n Einträge, die damit verloren gehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the log first (Ctrl+E) to keep it.</source>
        <translation>Exportieren Sie zuerst das Protokoll (Strg+E), um es zu behalten.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>The feed &quot;%1&quot; was not connected: %2; Connect asks for it.</source>
        <translation>Der Feed „%1“ wurde nicht verbunden: %2; „Verbinden“ fragt danach.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keyboard shortcuts&lt;/h3&gt;&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;In a feed: Ctrl+F filters the text, Ctrl+L clears the log. In its event table: End follows live again, Ctrl+C copies the selected events&apos; data, Ctrl+Shift+C copies them as SSE lines.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tastenkürzel&lt;/h3&gt;&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;In einem Feed: Strg+F filtert den Text, Strg+L leert das Protokoll. In seiner Event-Tabelle: Ende folgt wieder live, Strg+C kopiert die Daten der ausgewählten Events, Strg+Umschalt+C kopiert sie als SSE-Zeilen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (built with Qt %2)</source>
        <translation>%1 (erstellt mit Qt %2)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ssedash %1&lt;/h3&gt;&lt;p&gt;Watch, debug and publish Server-Sent Events (text/event-stream) feeds: every event, every connection, live and lossless.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3, %4 platform&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ssedash %1&lt;/h3&gt;&lt;p&gt;Feeds mit Server-Sent Events (text/event-stream) beobachten, debuggen und veröffentlichen: jedes Event, jede Verbindung, live und verlustfrei.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;%3, Plattform %4&lt;/p&gt;&lt;p&gt;MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MonitorOptions</name>
    <message>
        <source>Exit after N events.</source>
        <translation>Nach N Events beenden.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Exit after SECONDS (fractions allowed).</source>
        <translation>Nach SECONDS Sekunden beenden (Bruchteile erlaubt).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>Send a request header; may be repeated.</source>
        <translation>Einen Header mit der Anfrage senden; kann wiederholt werden.</translation>
    </message>
    <message>
        <source>&apos;Name: value&apos;</source>
        <translation>&apos;Name: Wert&apos;</translation>
    </message>
    <message>
        <source>HTTP method (default: GET).</source>
        <translation>HTTP-Methode (Vorgabe: GET).</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Request body to send.</source>
        <translation>Zu sendender Request-Body.</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Last-Event-ID of the first request.</source>
        <translation>Last-Event-ID der ersten Anfrage.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Reconnection time until the stream sets one (default: 3000).</source>
        <translation>Wiederverbindungszeit, bis der Stream eine festlegt (Vorgabe: 3000).</translation>
    </message>
    <message>
        <source>Reconnect when no bytes arrive for N ms (default: 0, off).</source>
        <translation>Neu verbinden, wenn N ms lang keine Bytes ankommen (Vorgabe: 0, aus).</translation>
    </message>
    <message>
        <source>Print only {&quot;events&quot;: N, &quot;dataBytes&quot;: M, &quot;seconds&quot;: S} at exit.</source>
        <translation>Beim Beenden nur {&quot;events&quot;: N, &quot;dataBytes&quot;: M, &quot;seconds&quot;: S} ausgeben.</translation>
    </message>
    <message>
        <source>Ignore TLS certificate errors.</source>
        <translation>TLS-Zertifikatsfehler ignorieren.</translation>
    </message>
    <message>
        <source>Also record each event and comment, with its receive time and connection, to FILE as an NDJSON event log (replaced if it exists). Written as things arrive and flushed every 100 ms, not atomically: after a crash FILE holds what came until shortly before. Standard output stays the same.</source>
        <translation>Zusätzlich jedes Event und jeden Kommentar mit Empfangszeit und Verbindung als NDJSON-Event-Protokoll in FILE aufzeichnen (eine vorhandene Datei wird ersetzt). Wird beim Eintreffen geschrieben und alle 100 ms geleert, nicht atomar: nach einem Absturz enthält FILE, was bis kurz davor ankam. Die Standardausgabe bleibt gleich.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>An absolute http or https URL.</source>
        <translation>Eine absolute http- oder https-URL.</translation>
    </message>
    <message>
        <source>Usage: %1 monitor URL [options]</source>
        <translation>Aufruf: %1 monitor URL [Optionen]</translation>
    </message>
    <message>
        <source>no URL given</source>
        <translation>keine URL angegeben</translation>
    </message>
    <message>
        <source>more than one URL given</source>
        <translation>mehr als eine URL angegeben</translation>
    </message>
    <message>
        <source>not an absolute http or https URL: &apos;%1&apos;</source>
        <translation>keine absolute http- oder https-URL: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--max-events wants a positive number, not &apos;%1&apos;</source>
        <translation>--max-events erwartet eine positive Zahl, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--timeout wants a number of seconds, not &apos;%1&apos;</source>
        <translation>--timeout erwartet eine Anzahl Sekunden, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a header is written &apos;Name: value&apos;, not &apos;%1&apos;</source>
        <translation>ein Header wird &apos;Name: Wert&apos; geschrieben, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not an HTTP method: &apos;%1&apos;</source>
        <translation>keine HTTP-Methode: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--retry-ms wants milliseconds from 0 to %1, not &apos;%2&apos;</source>
        <translation>--retry-ms erwartet Millisekunden von 0 bis %1, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--read-timeout-ms wants milliseconds from 0 to %1, not &apos;%2&apos;</source>
        <translation>--read-timeout-ms erwartet Millisekunden von 0 bis %1, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--output wants a FILE</source>
        <translation>--output erwartet einen Dateinamen (FILE)</translation>
    </message>
    <message>
        <source>Connects to URL like a browser&apos;s EventSource, reconnecting as the standard
says (or, with --once, not at all), and prints one JSON object a line for each
state change, open, event, comment and error. SIGINT and SIGTERM stop it;
SIGUSR1 reconnects at once.</source>
        <translation>Verbindet sich wie die EventSource eines Browsers mit URL, verbindet sich neu,
wie es der Standard vorsieht (oder, mit --once, gar nicht), und gibt für jede
Zustandsänderung, jedes Öffnen, jedes Event, jeden Kommentar und jeden Fehler
ein JSON-Objekt pro Zeile aus. SIGINT und SIGTERM beenden ihn; SIGUSR1
verbindet sofort neu.</translation>
    </message>
    <message>
        <source>One connection, no reconnect: exit 0 when the server ends the stream, 1 on any other error (for requests such as an LLM&apos;s POST).</source>
        <translation>Eine Verbindung, kein Neuverbinden: Exit-Status 0, wenn der Server den Stream beendet, 1 bei jedem anderen Fehler (für Anfragen wie den POST an ein LLM).</translation>
    </message>
    <message>
        <source>Ask for a compressed response (Accept-Encoding: gzip, deflate, br) and decode it; by default the request says Accept-Encoding: identity.</source>
        <translation>Eine komprimierte Antwort anfordern (Accept-Encoding: gzip, deflate, br) und dekodieren; als Vorgabe sendet die Anfrage Accept-Encoding: identity.</translation>
    </message>
    <message>
        <source>the header &apos;%1&apos; is given twice; give it once, with its values separated by commas</source>
        <translation>der Header &apos;%1&apos; steht zweimal da; geben Sie ihn einmal an, mit seinen Werten durch Kommas getrennt</translation>
    </message>
</context>
<context>
    <name>OptionParsing</name>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe zeigen.</translation>
    </message>
</context>
<context>
    <name>ParseCommand</name>
    <message>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>kann %1 nicht öffnen: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>kann %1 nicht lesen: %2</translation>
    </message>
</context>
<context>
    <name>ParseOptions</name>
    <message>
        <source>Parses a text/event-stream body and prints each event as a JSON line,
{&quot;type&quot;: T, &quot;data&quot;: D, &quot;lastEventId&quot;: I}, and {&quot;retry&quot;: MS} for
each valid retry field.</source>
        <translation>Parst einen text/event-stream-Body und gibt jedes Event als JSON-Zeile aus,
{&quot;type&quot;: T, &quot;data&quot;: D, &quot;lastEventId&quot;: I}, und {&quot;retry&quot;: MS} für
jedes gültige retry-Feld.</translation>
    </message>
    <message>
        <source>Feed the parser N bytes at a time (default: as read).</source>
        <translation>Dem Parser jeweils N Bytes übergeben (Vorgabe: wie gelesen).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Print only {&quot;events&quot;: N, &quot;dataBytes&quot;: M} at the end of the stream.</source>
        <translation>Am Ende des Streams nur {&quot;events&quot;: N, &quot;dataBytes&quot;: M} ausgeben.</translation>
    </message>
    <message>
        <source>The stream body; standard input when absent or &apos;-&apos;.</source>
        <translation>Der Body des Streams; die Standardeingabe, wenn er fehlt oder &apos;-&apos; ist.</translation>
    </message>
    <message>
        <source>Usage: %1 parse [options] [FILE]</source>
        <translation>Aufruf: %1 parse [Optionen] [FILE]</translation>
    </message>
    <message>
        <source>more than one FILE given</source>
        <translation>mehr als eine Datei (FILE) angegeben</translation>
    </message>
    <message>
        <source>--chunk-size wants a number of bytes from 1 to %1, not &apos;%2&apos;</source>
        <translation>--chunk-size erwartet eine Anzahl Bytes von 1 bis %1, nicht &apos;%2&apos;</translation>
    </message>
</context>
<context>
    <name>ProxyCommand</name>
    <message>
        <source>cannot proxy: %1</source>
        <translation>kann nicht als Proxy arbeiten: %1</translation>
    </message>
    <message>
        <source>listening on %1, not only on loopback: whoever reaches this host can reach the upstream through it</source>
        <translation>lausche auf %1, nicht nur auf Loopback: wer diesen Host erreicht, erreicht über ihn auch den Upstream</translation>
    </message>
    <message>
        <source>cannot read the certificate file %1: %2</source>
        <translation>kann die Zertifikatsdatei %1 nicht lesen: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 enthält kein PEM-Zertifikat</translation>
    </message>
</context>
<context>
    <name>ProxyOptions</name>
    <message>
        <source>The server to forward to: an http or https URL, whose path (if any) goes before each request&apos;s.</source>
        <translation>Der Server, an den weitergeleitet wird: eine http- oder https-URL, deren Pfad (falls vorhanden) vor den jeder Anfrage gesetzt wird.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Listen on port P (default: 0, a free port).</source>
        <translation>Auf Port P lauschen (Vorgabe: 0, ein freier Port).</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Listen on ADDR, an IPv4 or IPv6 address (default: 127.0.0.1).</source>
        <translation>Auf ADDR lauschen, einer IPv4- oder IPv6-Adresse (Vorgabe: 127.0.0.1).</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>ADDR</translation>
    </message>
    <message>
        <source>Also record each event and comment of every stream, with its stream number and URL, to FILE as an NDJSON event log (replaced if it exists), flushed every 100 ms.</source>
        <translation>Zusätzlich jedes Event und jeden Kommentar jedes Streams mit Stream-Nummer und URL als NDJSON-Event-Protokoll in FILE aufzeichnen (eine vorhandene Datei wird ersetzt), alle 100 ms geschrieben.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Apply a fault rule (see above) to the streams that match it, such as cut=5 or delay=200,match=/v1/*; may be repeated.</source>
        <translation>Eine Fehlerregel (siehe oben) auf die passenden Streams anwenden, etwa cut=5 oder delay=200,match=/v1/*; wiederholbar.</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>RULE</translation>
    </message>
    <message>
        <source>Trust the PEM certificates in FILE for an https upstream, besides the system&apos;s; may be repeated.</source>
        <translation>Den PEM-Zertifikaten in FILE für einen https-Upstream vertrauen, zusätzlich zu denen des Systems; wiederholbar.</translation>
    </message>
    <message>
        <source>Pass the app&apos;s Host header on unchanged (default: the upstream&apos;s host and port).</source>
        <translation>Den Host-Header der App unverändert weitergeben (Vorgabe: Host und Port des Upstreams).</translation>
    </message>
    <message>
        <source>Replace an Origin header with the upstream&apos;s origin.</source>
        <translation>Einen Origin-Header durch den Origin des Upstreams ersetzen.</translation>
    </message>
    <message>
        <source>Exit after SECONDS (fractions allowed).</source>
        <translation>Nach SECONDS Sekunden beenden (Bruchteile erlaubt).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>no upstream given: --upstream URL</source>
        <translation>kein Upstream angegeben: --upstream URL</translation>
    </message>
    <message>
        <source>--upstream wants an absolute http or https URL, not &apos;%1&apos;</source>
        <translation>--upstream erwartet eine absolute http- oder https-URL, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--upstream &apos;%1&apos;: %2</source>
        <translation>--upstream &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>--fault &apos;%1&apos;: %2</source>
        <translation>--fault &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>--trust-cert wants a FILE</source>
        <translation>--trust-cert erwartet einen Dateinamen (FILE)</translation>
    </message>
    <message>
        <source>--output wants a FILE</source>
        <translation>--output erwartet einen Dateinamen (FILE)</translation>
    </message>
    <message>
        <source>--timeout wants a number of seconds, not &apos;%1&apos;</source>
        <translation>--timeout erwartet eine Anzahl Sekunden, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Forwards every request on a local port to the upstream and its response back,
unchanged, and prints one JSON object a line for each text/event-stream
response that passes: its start, events, comments, faults and end. Other
requests get a line on standard error. SIGINT and SIGTERM stop it.

Fault rules:
  delay=MS     hold each event MS ms before passing it on
  cut=N        close the connection after the Nth event
  cut-mid=N    close the connection in the middle of the Nth event
  stall=MS     send nothing for MS ms
  drop=TYPE    leave out the events of type TYPE (&apos;message&apos;: unnamed ones)
  inject=DATA  send an event with data DATA
  retry=MS     send a &apos;retry: MS&apos; field
  status=CODE  answer CODE instead of forwarding (any request)
  gzip         compress the stream with gzip, unflushed, as a buffering
               middleware does
  ,after=N     stall, inject, retry: once N events have passed
  ,type=T      inject: the event&apos;s type
  ,match=GLOB  only for requests whose target (path and query) GLOB
               matches; * matches any run of characters
  %XX          in VALUE, T and GLOB: a percent-encoded byte (%2C is a comma)</source>
        <translation>Leitet jede Anfrage auf einem lokalen Port an den Upstream weiter und dessen
Antwort unverändert zurück, und gibt für jede text/event-stream-Antwort, die
durchläuft, ein JSON-Objekt pro Zeile aus: Beginn, Events, Kommentare, Fehler
und Ende. Andere Anfragen ergeben eine Zeile auf der Standardfehlerausgabe.
SIGINT und SIGTERM beenden ihn.

Fehlerregeln:
  delay=MS     jedes Event MS ms zurückhalten, bevor es weitergeht
  cut=N        die Verbindung nach dem N-ten Event schließen
  cut-mid=N    die Verbindung mitten im N-ten Event schließen
  stall=MS     MS ms lang nichts senden
  drop=TYPE    die Events vom Typ TYPE weglassen (&apos;message&apos;: unbenannte)
  inject=DATA  ein Event mit den Daten DATA senden
  retry=MS     ein Feld &apos;retry: MS&apos; senden
  status=CODE  mit CODE antworten statt weiterzuleiten (jede Anfrage)
  gzip         den Stream mit gzip komprimieren, ungeflusht, wie es eine
               puffernde Middleware tut
  ,after=N     stall, inject, retry: nachdem N Events durchgelaufen sind
  ,type=T      inject: der Typ des Events
  ,match=GLOB  nur für Anfragen, deren Ziel (Pfad und Query) GLOB trifft;
               * trifft jede Zeichenfolge
  %XX          in VALUE, T und GLOB: ein prozentkodiertes Byte (%2C ist ein
               Komma)</translation>
    </message>
    <message>
        <source>Usage: %1 proxy --upstream URL [options]</source>
        <translation>Aufruf: %1 proxy --upstream URL [Optionen]</translation>
    </message>
    <message>
        <source>proxy takes no arguments, but got &apos;%1&apos;</source>
        <translation>proxy nimmt keine Argumente, bekam aber &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>PublishCommand</name>
    <message>
        <source>cannot publish: %1</source>
        <translation>kann nicht veröffentlichen: %1</translation>
    </message>
    <message>
        <source>listening on %1, not only on loopback: whoever reaches this host can read and publish events</source>
        <translation>lausche auf %1, nicht nur auf Loopback: wer diesen Host erreicht, kann Events lesen und veröffentlichen</translation>
    </message>
    <message>
        <source>cannot replay %1</source>
        <translation>kann %1 nicht abspielen</translation>
    </message>
    <message numerus="yes">
        <source>replay finished: %n event(s)</source>
        <translation>
            <numerusform>Wiedergabe beendet: %n Event</numerusform>
            <numerusform>Wiedergabe beendet: %n Events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>replaying %n event(s) from %1 at %2x speed</source>
        <translation>
            <numerusform>spiele %n Event aus %1 mit %2-facher Geschwindigkeit ab</numerusform>
            <numerusform>spiele %n Events aus %1 mit %2-facher Geschwindigkeit ab</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishOptions</name>
    <message>
        <source>--allow-origin wants *, null, an origin such as http://localhost:8080, or &apos;&apos;, not &apos;%1&apos;</source>
        <translation>--allow-origin erwartet *, null, einen Origin wie http://localhost:8080 oder &apos;&apos;, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--%1 wants a whole number from 0 to %2, not &apos;%3&apos;</source>
        <translation>--%1 erwartet eine ganze Zahl von 0 bis %2, nicht &apos;%3&apos;</translation>
    </message>
    <message>
        <source>--heartbeat wants a number of seconds from 0 to %1, not &apos;%2&apos;</source>
        <translation>--heartbeat erwartet eine Anzahl Sekunden von 0 bis %1, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--event wants a name on one line</source>
        <translation>--event erwartet einen Namen in einer Zeile</translation>
    </message>
    <message>
        <source>--ids wants counter, uuid or none, not &apos;%1&apos;</source>
        <translation>--ids erwartet counter, uuid oder none, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--channel wants a name of letters, digits, &apos;-&apos;, &apos;.&apos;, &apos;_&apos; and &apos;~&apos;, not &apos;%1&apos;</source>
        <translation>--channel erwartet einen Namen aus Buchstaben, Ziffern, &apos;-&apos;, &apos;.&apos;, &apos;_&apos; und &apos;~&apos;, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--replay wants a FILE</source>
        <translation>--replay erwartet einen Dateinamen (FILE)</translation>
    </message>
    <message>
        <source>--speed only goes with --replay</source>
        <translation>--speed geht nur zusammen mit --replay</translation>
    </message>
    <message>
        <source>--speed wants a number above 0 and up to %1, not &apos;%2&apos;</source>
        <translation>--speed erwartet eine Zahl über 0 und bis %1, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Serves a periodic feed of events on /events (the broadcast channel) and on
/events/NAME for each named channel, with /stats, a demo page at / and POST
/publish. Prints the URLs on standard output once listening, and a line on
standard error for each client that comes or goes. SIGINT and SIGTERM stop it.</source>
        <translation>Liefert einen periodischen Feed von Events auf /events (dem Broadcast-Kanal)
und auf /events/NAME für jeden benannten Kanal aus, mit /stats, einer
Demoseite unter / und POST /publish. Gibt die URLs auf der Standardausgabe aus,
sobald er lauscht, und eine Zeile auf der Standardfehlerausgabe für jeden
Client, der kommt oder geht. SIGINT und SIGTERM beenden ihn.</translation>
    </message>
    <message>
        <source>Listen on ADDR, an IPv4 or IPv6 address (default: 127.0.0.1).</source>
        <translation>Auf ADDR lauschen, einer IPv4- oder IPv6-Adresse (Vorgabe: 127.0.0.1).</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>ADDR</translation>
    </message>
    <message>
        <source>Listen on port P (default: 0, a free port).</source>
        <translation>Auf Port P lauschen (Vorgabe: 0, ein freier Port).</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Send an event on every channel every MS (default: 1000; 0: none).</source>
        <translation>Alle MS Millisekunden ein Event auf jedem Kanal senden (Vorgabe: 1000; 0: keins).</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Event type on the broadcast channel (default: none, &apos;message&apos;).</source>
        <translation>Event-Typ auf dem Broadcast-Kanal (Vorgabe: keiner, &apos;message&apos;).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Send the retry field MS when a stream starts.</source>
        <translation>Zu Beginn eines Streams das retry-Feld MS senden.</translation>
    </message>
    <message>
        <source>End each stream after N events (default: 0, never).</source>
        <translation>Jeden Stream nach N Events beenden (Vorgabe: 0, nie).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Send a heartbeat comment every SECONDS (default: 15; 0: none; fractions allowed).</source>
        <translation>Alle SECONDS Sekunden einen Heartbeat-Kommentar senden (Vorgabe: 15; 0: keinen; Bruchteile erlaubt).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>Serve the named channel /events/NAME; may be repeated (default: test-event).</source>
        <translation>Den benannten Kanal /events/NAME ausliefern; kann wiederholt werden (Vorgabe: test-event).</translation>
    </message>
    <message>
        <source>Send JSON messages {id, type, timestamp, payload}, not clock text.</source>
        <translation>JSON-Nachrichten {id, type, timestamp, payload} statt Uhrzeittext senden.</translation>
    </message>
    <message>
        <source>Event ids: counter, uuid or none (default: counter).</source>
        <translation>Event-IDs: counter, uuid oder none (Vorgabe: counter).</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <source>Access-Control-Allow-Origin: *, an origin, or &apos;&apos; for none (default: *).</source>
        <translation>Access-Control-Allow-Origin: *, ein Origin oder &apos;&apos; für keinen (Vorgabe: *).</translation>
    </message>
    <message>
        <source>ORIGIN</source>
        <translation>ORIGIN</translation>
    </message>
    <message>
        <source>Replay an NDJSON event log (as ssedash exports it) on /events once the first client subscribes; turns the generated feed off.</source>
        <translation>Ein NDJSON-Event-Protokoll (wie ssedash es exportiert) auf /events abspielen, sobald sich der erste Client anmeldet; schaltet den erzeugten Feed ab.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>With --replay: play at X times the recorded pace (default: 1).</source>
        <translation>Mit --replay: mit dem X-fachen des aufgezeichneten Tempos abspielen (Vorgabe: 1).</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Usage: %1 publish [options]</source>
        <translation>Aufruf: %1 publish [Optionen]</translation>
    </message>
    <message>
        <source>publish takes no arguments, but got &apos;%1&apos;</source>
        <translation>publish nimmt keine Argumente, bekam aber &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>PublisherPanel</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>The TCP port on 127.0.0.1 to listen on; applies on the next start.</source>
        <translation>Der TCP-Port auf 127.0.0.1, auf dem gelauscht wird; gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>Clients:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Broadcast (/events)</source>
        <translation>Broadcast (/events)</translation>
    </message>
    <message>
        <source>Named (/events/NAME)</source>
        <translation>Benannt (/events/NAME)</translation>
    </message>
    <message>
        <source>Broadcast: every client of /events gets the unnamed events.
Named: a channel of its own at /events/NAME, whose events have type NAME.</source>
        <translation>Broadcast: jeder Client von /events erhält die unbenannten Events.
Benannt: ein eigener Kanal unter /events/NAME, dessen Events den Typ NAME haben.</translation>
    </message>
    <message>
        <source>channel name</source>
        <translation>Kanalname</translation>
    </message>
    <message>
        <source>The named channel; one not declared yet is created.</source>
        <translation>Der benannte Kanal; einer, den es noch nicht gibt, wird angelegt.</translation>
    </message>
    <message>
        <source>Open Feed</source>
        <translation>Feed öffnen</translation>
    </message>
    <message>
        <source>Add a feed to the dashboard that reads this channel.</source>
        <translation>Dem Dashboard einen Feed hinzufügen, der diesen Kanal liest.</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>A periodic event on every channel this often; off sends none.</source>
        <translation>Ein periodisches Event auf jedem Kanal in diesem Abstand; „aus“ sendet keins.</translation>
    </message>
    <message>
        <source>Clock text</source>
        <translation>Uhrzeittext</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Clock text: &quot;send data: 2026-11-21 14:19:08&quot;.
JSON: {&quot;id&quot;, &quot;type&quot;, &quot;timestamp&quot;, &quot;payload&quot;}.</source>
        <translation>Uhrzeittext: „send data: 2026-11-21 14:19:08“.
JSON: {&quot;id&quot;, &quot;type&quot;, &quot;timestamp&quot;, &quot;payload&quot;}.</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>The id field of each event: 1, 2, 3, ... per channel, random UUIDs, or none.</source>
        <translation>Das id-Feld jedes Events: 1, 2, 3, ... pro Kanal, zufällige UUIDs oder keins.</translation>
    </message>
    <message>
        <source>unnamed (message)</source>
        <translation>unbenannt (message)</translation>
    </message>
    <message>
        <source>The event type on the broadcast channel; named channels use their name.</source>
        <translation>Der Event-Typ auf dem Broadcast-Kanal; benannte Kanäle verwenden ihren Namen.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>The retry field sent when a stream starts; none sends no retry field.</source>
        <translation>Das retry-Feld, das zu Beginn eines Streams gesendet wird; „keins“ sendet kein retry-Feld.</translation>
    </message>
    <message>
        <source>A comment line to every client this often; off sends none.</source>
        <translation>Eine Kommentarzeile an jeden Client in diesem Abstand; „aus“ sendet keine.</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <source>Events per connection, then the stream ends cleanly.</source>
        <translation>Events pro Verbindung, danach endet der Stream sauber.</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>Inter&amp;vall:</translation>
    </message>
    <message>
        <source>Pa&amp;yload:</source>
        <translation>Nut&amp;zdaten:</translation>
    </message>
    <message>
        <source>I&amp;ds:</source>
        <translation>&amp;IDs:</translation>
    </message>
    <message>
        <source>&amp;Event name:</source>
        <translation>&amp;Event-Name:</translation>
    </message>
    <message>
        <source>&amp;Retry:</source>
        <translation>&amp;Retry:</translation>
    </message>
    <message>
        <source>&amp;Heartbeat:</source>
        <translation>Heart&amp;beat:</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>&amp;Limit:</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Störungen</translation>
    </message>
    <message>
        <source>Misbehaviour of every new stream; a stream URL&apos;s query overrides it.</source>
        <translation>Fehlverhalten jedes neuen Streams; die Query der Stream-URL hat Vorrang.</translation>
    </message>
    <message>
        <source>status: answer with this HTTP status (200 to 599) instead of a stream.</source>
        <translation>status: mit diesem HTTP-Status (200 bis 599) statt mit einem Stream antworten.</translation>
    </message>
    <message>
        <source>text/event-stream</source>
        <translation>text/event-stream</translation>
    </message>
    <message>
        <source>contentType: stream under this Content-Type instead.</source>
        <translation>contentType: stattdessen unter diesem Content-Type streamen.</translation>
    </message>
    <message>
        <source>redirect: answer with this redirect to the same URL (without the fault).</source>
        <translation>redirect: mit dieser Weiterleitung auf dieselbe URL (ohne die Störung) antworten.</translation>
    </message>
    <message>
        <source>closeAfter: end the stream cleanly after this many events.</source>
        <translation>closeAfter: den Stream nach so vielen Events sauber beenden.</translation>
    </message>
    <message>
        <source>cutAfter: after this many events send half of the next one and close.</source>
        <translation>cutAfter: nach so vielen Events die Hälfte des nächsten senden und schließen.</translation>
    </message>
    <message>
        <source>stall: send nothing for this long after the response head.</source>
        <translation>stall: nach dem Kopf der Antwort so lange nichts senden.</translation>
    </message>
    <message>
        <source>dribble: send one byte at a time, this far apart.</source>
        <translation>dribble: Byte für Byte senden, in diesem Abstand.</translation>
    </message>
    <message>
        <source>Split UTF-8 characters</source>
        <translation>UTF-8-Zeichen teilen</translation>
    </message>
    <message>
        <source>splitUtf8: write each event in two pieces, split inside a multi-byte character.</source>
        <translation>splitUtf8: jedes Event in zwei Teilen schreiben, geteilt innerhalb eines Multibyte-Zeichens.</translation>
    </message>
    <message>
        <source>lineEnd: the line end the stream uses.</source>
        <translation>lineEnd: das Zeilenende, das der Stream verwendet.</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Bytes</translation>
    </message>
    <message>
        <source>longLine: first send an event &quot;long-line&quot; with one data line this long.</source>
        <translation>longLine: zuerst ein Event „long-line“ mit einer data-Zeile dieser Länge senden.</translation>
    </message>
    <message>
        <source>reconnect: after the first event send &quot;event: reconnect&quot; with this delay.</source>
        <translation>reconnect: nach dem ersten Event „event: reconnect“ mit dieser Verzögerung senden.</translation>
    </message>
    <message>
        <source>feed&apos;s</source>
        <translation>wie im Feed</translation>
    </message>
    <message>
        <source>retry: the retry field at the start of the stream, over the feed&apos;s.</source>
        <translation>retry: das retry-Feld am Anfang des Streams; ersetzt das des Feeds.</translation>
    </message>
    <message>
        <source>Reset Faults</source>
        <translation>Störungen zurücksetzen</translation>
    </message>
    <message>
        <source>Turn every fault off.</source>
        <translation>Alle Störungen abschalten.</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Content &amp;type:</source>
        <translation>&amp;Content-Type:</translation>
    </message>
    <message>
        <source>Redirec&amp;t:</source>
        <translation>&amp;Weiterleitung:</translation>
    </message>
    <message>
        <source>Close after:</source>
        <translation>Schließen nach:</translation>
    </message>
    <message>
        <source>Cut after:</source>
        <translation>Abschneiden nach:</translation>
    </message>
    <message>
        <source>Stall:</source>
        <translation>Stillstand:</translation>
    </message>
    <message>
        <source>Dribble:</source>
        <translation>Tröpfeln:</translation>
    </message>
    <message>
        <source>Line end:</source>
        <translation>Zeilenende:</translation>
    </message>
    <message>
        <source>Long line:</source>
        <translation>Lange Zeile:</translation>
    </message>
    <message>
        <source>Reconnect:</source>
        <translation>Reconnect-Event:</translation>
    </message>
    <message>
        <source>Retry:</source>
        <translation>Retry:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>The channel to publish on.</source>
        <translation>Der Kanal, auf dem veröffentlicht wird.</translation>
    </message>
    <message>
        <source>the channel&apos;s type</source>
        <translation>Typ des Kanals</translation>
    </message>
    <message>
        <source>The event field; empty takes the channel&apos;s type.</source>
        <translation>Das event-Feld; leer übernimmt den Typ des Kanals.</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>The id field; empty takes the feed&apos;s next id.</source>
        <translation>Das id-Feld; leer übernimmt die nächste ID des Feeds.</translation>
    </message>
    <message>
        <source>A retry field in this event.</source>
        <translation>Ein retry-Feld in diesem Event.</translation>
    </message>
    <message>
        <source>Data; each line becomes a data line</source>
        <translation>Daten; jede Zeile wird eine data-Zeile</translation>
    </message>
    <message>
        <source>Publish the event now (Ctrl+Return).</source>
        <translation>Das Event jetzt veröffentlichen (Strg+Return).</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>I&amp;D:</source>
        <translation>I&amp;D:</translation>
    </message>
    <message>
        <source>Retr&amp;y:</source>
        <translation>Retr&amp;y:</translation>
    </message>
    <message>
        <source>D&amp;ata:</source>
        <translation>D&amp;aten:</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Start the publisher first.</source>
        <translation>Starten Sie zuerst den Publisher.</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n Client</numerusform>
            <numerusform>%n Clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent without id to %1.</source>
        <translation>Ohne ID an %1 gesendet.</translation>
    </message>
    <message>
        <source>Sent id %1 to %2.</source>
        <translation>ID %1 an %2 gesendet.</translation>
    </message>
    <message>
        <source>Publisher broadcast</source>
        <translation>Publisher-Broadcast</translation>
    </message>
    <message>
        <source>Publisher %1</source>
        <translation>Publisher %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>End every stream and stop listening.</source>
        <translation>Alle Streams beenden und nicht mehr lauschen.</translation>
    </message>
    <message>
        <source>Listen on the port and start the feed.</source>
        <translation>Auf dem Port lauschen und den Feed starten.</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>Type a channel name.</source>
        <translation>Geben Sie einen Kanalnamen ein.</translation>
    </message>
    <message>
        <source>Listens on %1, not only on loopback: anyone on the network can connect, read every channel and publish events.</source>
        <translation>Lauscht auf %1, nicht nur auf Loopback: Jeder im Netzwerk kann sich verbinden, jeden Kanal lesen und Events veröffentlichen.</translation>
    </message>
</context>
<context>
    <name>SecretPrompt</name>
    <message>
        <source>Connect %1</source>
        <translation>%1 verbinden</translation>
    </message>
    <message>
        <source>The values of these headers were not remembered. Enter them to connect; they are kept until ssedash quits (tick &quot;Remember secret headers&quot; in Edit Feed to save them).</source>
        <translation>Die Werte dieser Header wurden nicht gespeichert. Geben Sie sie zum Verbinden ein; sie werden aufbewahrt, bis ssedash beendet wird (aktivieren Sie „Geheime Header … in den Einstellungen speichern“ unter „Feed bearbeiten“, um sie zu speichern).</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>the keychain did not answer within %1 seconds</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 Sekunden geantwortet</translation>
    </message>
    <message>
        <source>no keychain service is running</source>
        <translation>es läuft kein Schlüsselbund-Dienst</translation>
    </message>
</context>
<context>
    <name>SignalWatcher</name>
    <message>
        <source>cannot create a pipe for signals: %1</source>
        <translation>kann keine Pipe für Signale anlegen: %1</translation>
    </message>
    <message>
        <source>cannot catch signal %1: %2</source>
        <translation>kann Signal %1 nicht abfangen: %2</translation>
    </message>
</context>
<context>
    <name>Sse::CaptureDetail::CaptureConnection</name>
    <message>
        <source>The request is not a valid HTTP/1.x request.</source>
        <translation>Die Anfrage ist keine gültige HTTP/1.x-Anfrage.</translation>
    </message>
    <message>
        <source>The request head is larger than 16 KiB.</source>
        <translation>Der Kopf der Anfrage ist größer als 16 KiB.</translation>
    </message>
    <message>
        <source>The request&apos;s body framing is not valid.</source>
        <translation>Die Rahmung des Anfragekörpers ist ungültig.</translation>
    </message>
</context>
<context>
    <name>Sse::CaptureDetail::CaptureExchange</name>
    <message>
        <source>The response was passed on whole.</source>
        <translation>Die Antwort wurde vollständig weitergegeben.</translation>
    </message>
    <message>
        <source>The upstream closed the connection mid-response.</source>
        <translation>Der Upstream hat die Verbindung mitten in der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The upstream could not be reached.</source>
        <translation>Der Upstream war nicht erreichbar.</translation>
    </message>
    <message>
        <source>The app closed the connection.</source>
        <translation>Die App hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>A fault rule cut the connection.</source>
        <translation>Eine Fehlerregel hat die Verbindung getrennt.</translation>
    </message>
    <message>
        <source>A fault rule answered instead of the upstream.</source>
        <translation>Eine Fehlerregel hat anstelle des Upstreams geantwortet.</translation>
    </message>
    <message>
        <source>The capture proxy was closed.</source>
        <translation>Der Mitschnitt-Proxy wurde geschlossen.</translation>
    </message>
    <message>
        <source>The request body&apos;s chunked framing is broken.</source>
        <translation>Die Chunk-Rahmung des Anfragekörpers ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The app&apos;s request body was malformed.</source>
        <translation>Der Anfragekörper der App war fehlerhaft.</translation>
    </message>
    <message>
        <source>Answered %1 by the capture proxy&apos;s fault rule %2 instead of the upstream.</source>
        <translation>Mit %1 beantwortet durch die Fehlerregel %2 des Mitschnitt-Proxys anstelle des Upstreams.</translation>
    </message>
    <message>
        <source>Answered %1 instead of forwarding the request.</source>
        <translation>Mit %1 beantwortet, statt die Anfrage weiterzuleiten.</translation>
    </message>
    <message>
        <source>The upstream closed the connection without answering.</source>
        <translation>Der Upstream hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The upstream closed the connection in the middle of its answer&apos;s head.</source>
        <translation>Der Upstream hat die Verbindung mitten im Kopf seiner Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The upstream closed the connection before the response was complete.</source>
        <translation>Der Upstream hat die Verbindung geschlossen, bevor die Antwort vollständig war.</translation>
    </message>
    <message>
        <source>The upstream&apos;s chunked framing is broken.</source>
        <translation>Die Chunk-Rahmung des Upstreams ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The upstream&apos;s answer is not an HTTP/1.x response.</source>
        <translation>Die Antwort des Upstreams ist keine HTTP/1.x-Antwort.</translation>
    </message>
    <message>
        <source>The upstream sent an invalid Content-Length.</source>
        <translation>Der Upstream hat eine ungültige Content-Length gesendet.</translation>
    </message>
    <message>
        <source>The fault rule %1 cut the connection.</source>
        <translation>Die Fehlerregel %1 hat die Verbindung getrennt.</translation>
    </message>
    <message>
        <source>The stream is compressed with gzip, unflushed.</source>
        <translation>Der Stream wird mit gzip komprimiert, ohne Zwischenleerung.</translation>
    </message>
    <message>
        <source>The upstream compressed the stream, so event rules cannot see its events: it passes unchanged.</source>
        <translation>Der Upstream hat den Stream komprimiert, daher sehen Ereignisregeln seine Ereignisse nicht: Er wird unverändert weitergegeben.</translation>
    </message>
</context>
<context>
    <name>Sse::CaptureDetail::FaultStage</name>
    <message>
        <source>Left out an event of type %1 (%2).</source>
        <translation>Ein Event vom Typ %1 ausgelassen (%2).</translation>
    </message>
    <message>
        <source>Holding each event %1 ms (%2).</source>
        <translation>Jedes Event wird %1 ms zurückgehalten (%2).</translation>
    </message>
    <message>
        <source>Closed the connection in the middle of event %1, after %2 of its %3 bytes (%4).</source>
        <translation>Die Verbindung mitten in Event %1 geschlossen, nach %2 seiner %3 Bytes (%4).</translation>
    </message>
    <message>
        <source>Closed the connection after event %1 (%2).</source>
        <translation>Die Verbindung nach Event %1 geschlossen (%2).</translation>
    </message>
    <message>
        <source>Sent nothing for %1 ms (%2).</source>
        <translation>%1 ms lang nichts gesendet (%2).</translation>
    </message>
    <message>
        <source>Sent an injected event (%1).</source>
        <translation>Ein eingeschleustes Event gesendet (%1).</translation>
    </message>
    <message>
        <source>Sent &quot;retry: %1&quot; (%2).</source>
        <translation>&quot;retry: %1&quot; gesendet (%2).</translation>
    </message>
</context>
<context>
    <name>Sse::CaptureDetail::UpstreamSocket</name>
    <message>
        <source>The upstream %1 refused the connection.</source>
        <translation>Der Upstream %1 hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>The upstream host %1 was not found.</source>
        <translation>Der Upstream-Host %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The upstream %1 is not trusted: %2</source>
        <translation>Dem Upstream %1 wird nicht vertraut: %2</translation>
    </message>
    <message>
        <source>The TLS handshake with the upstream %1 failed: %2</source>
        <translation>Der TLS-Handshake mit dem Upstream %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot reach the upstream %1: %2</source>
        <translation>Der Upstream %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The upstream %1 did not accept the connection within %2 seconds.</source>
        <translation>Der Upstream %1 hat die Verbindung nicht innerhalb von %2 Sekunden angenommen.</translation>
    </message>
</context>
<context>
    <name>Sse::CaptureProxy</name>
    <message>
        <source>The upstream must be an http or https URL.</source>
        <translation>Der Upstream muss eine http- oder https-URL sein.</translation>
    </message>
    <message>
        <source>The upstream is not a valid URL: %1</source>
        <translation>Der Upstream ist keine gültige URL: %1</translation>
    </message>
    <message>
        <source>The upstream URL has no host.</source>
        <translation>Die Upstream-URL hat keinen Host.</translation>
    </message>
    <message>
        <source>The upstream URL must not have a query or a fragment.</source>
        <translation>Die Upstream-URL darf keine Abfrage und kein Fragment haben.</translation>
    </message>
    <message>
        <source>An https upstream needs TLS, which is not available here.</source>
        <translation>Ein https-Upstream braucht TLS, das hier nicht verfügbar ist.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Kann nicht auf %1 Port %2 lauschen: %3</translation>
    </message>
</context>
<context>
    <name>Sse::CaptureRule</name>
    <message>
        <source>The rule is empty.</source>
        <translation>Die Regel ist leer.</translation>
    </message>
    <message>
        <source>The rule has no action before its first comma.</source>
        <translation>Die Regel hat vor ihrem ersten Komma keine Aktion.</translation>
    </message>
    <message>
        <source>Unknown action &apos;%1&apos;: use delay, cut, cut-mid, stall, drop, inject, retry, status or gzip.</source>
        <translation>Unbekannte Aktion &apos;%1&apos;: Verwenden Sie delay, cut, cut-mid, stall, drop, inject, retry, status oder gzip.</translation>
    </message>
    <message>
        <source>%1 needs a number of milliseconds from 0 to %2: &apos;%3&apos;.</source>
        <translation>%1 erwartet eine Zahl von Millisekunden von 0 bis %2: &apos;%3&apos;.</translation>
    </message>
    <message>
        <source>%1 needs a number of milliseconds, as in %1=500.</source>
        <translation>%1 erwartet eine Zahl von Millisekunden, etwa %1=500.</translation>
    </message>
    <message>
        <source>%1 needs an event number from 1 to %2: &apos;%3&apos;.</source>
        <translation>%1 erwartet eine Event-Nummer von 1 bis %2: &apos;%3&apos;.</translation>
    </message>
    <message>
        <source>%1 needs an event number, as in %1=3.</source>
        <translation>%1 erwartet eine Event-Nummer, etwa %1=3.</translation>
    </message>
    <message>
        <source>status needs an HTTP status code from 200 to 599: &apos;%1&apos;.</source>
        <translation>status erwartet einen HTTP-Statuscode von 200 bis 599: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>status needs an HTTP status code, as in status=503.</source>
        <translation>status erwartet einen HTTP-Statuscode, etwa status=503.</translation>
    </message>
    <message>
        <source>%1 takes no value: &apos;%2&apos;.</source>
        <translation>%1 nimmt keinen Wert: &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>drop needs an event type, as in drop=ping (drop=message for unnamed events).</source>
        <translation>drop erwartet einen Event-Typ, etwa drop=ping (drop=message für Events ohne Namen).</translation>
    </message>
    <message>
        <source>An event type is one line: &apos;%1&apos;.</source>
        <translation>Ein Event-Typ ist eine einzige Zeile: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>inject needs the event&apos;s data, as in inject=hello (inject= for an event with empty data).</source>
        <translation>inject erwartet die Daten des Events, etwa inject=hello (inject= für ein Event mit leeren Daten).</translation>
    </message>
    <message>
        <source>The rule has an empty part between commas.</source>
        <translation>Die Regel hat einen leeren Teil zwischen Kommas.</translation>
    </message>
    <message>
        <source>Unknown key &apos;%1&apos;: use after, type or match.</source>
        <translation>Unbekannter Schlüssel &apos;%1&apos;: Verwenden Sie after, type oder match.</translation>
    </message>
    <message>
        <source>%1= is given twice.</source>
        <translation>%1= ist zweimal angegeben.</translation>
    </message>
    <message>
        <source>after= is for stall, inject and retry, not for %1.</source>
        <translation>after= gilt für stall, inject und retry, nicht für %1.</translation>
    </message>
    <message>
        <source>after needs a number of events from 0 to %1: &apos;%2&apos;.</source>
        <translation>after erwartet eine Anzahl von Events von 0 bis %1: &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>type= is for inject, not for %1.</source>
        <translation>type= gilt für inject, nicht für %1.</translation>
    </message>
    <message>
        <source>type needs an event type, as in type=ping.</source>
        <translation>type erwartet einen Event-Typ, etwa type=ping.</translation>
    </message>
    <message>
        <source>match needs a request target, as in match=/api/*.</source>
        <translation>match erwartet ein Anfrageziel, etwa match=/api/*.</translation>
    </message>
    <message>
        <source>match is not UTF-8 text once percent-decoded: &apos;%1&apos;.</source>
        <translation>match ist nach der Prozent-Dekodierung kein UTF-8-Text: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a percent-encoded byte: write %2 for a percent sign.</source>
        <translation>&apos;%1&apos; ist kein prozentkodiertes Byte: Schreiben Sie %2 für ein Prozentzeichen.</translation>
    </message>
</context>
<context>
    <name>Sse::ContentDecoder</name>
    <message>
        <source>The body could not be decoded as %1 (%2).</source>
        <translation>Der Body konnte nicht als %1 dekodiert werden (%2).</translation>
    </message>
</context>
<context>
    <name>Sse::Diagnostics</name>
    <message>
        <source>The server answered 204 No Content, which tells clients to stop reconnecting.</source>
        <translation>Der Server antwortete mit 204 No Content, was Clients auffordert, nicht mehr neu zu verbinden.</translation>
    </message>
    <message>
        <source>If events were expected, check why the server ended the stream.</source>
        <translation>Wenn Events erwartet wurden, prüfen Sie, warum der Server den Stream beendet hat.</translation>
    </message>
    <message>
        <source>Turn compression off for text/event-stream responses, or flush the compressor after every event.</source>
        <translation>Schalten Sie die Komprimierung für text/event-stream-Antworten ab, oder leeren Sie den Kompressor nach jedem Event (flush).</translation>
    </message>
    <message>
        <source>The response does not say &quot;Cache-Control: no-cache&quot;, so caches and proxies may store or buffer the stream.</source>
        <translation>Die Antwort enthält kein „Cache-Control: no-cache“, daher dürfen Caches und Proxys den Stream speichern oder puffern.</translation>
    </message>
    <message>
        <source>Send &quot;Cache-Control: no-cache&quot;.</source>
        <translation>Senden Sie „Cache-Control: no-cache“.</translation>
    </message>
    <message>
        <source>The response says &quot;X-Accel-Buffering: yes&quot;, which asks nginx to buffer it and hold events back.</source>
        <translation>Die Antwort enthält „X-Accel-Buffering: yes“, was nginx auffordert, sie zu puffern und Events zurückzuhalten.</translation>
    </message>
    <message>
        <source>Send &quot;X-Accel-Buffering: no&quot; for event streams.</source>
        <translation>Senden Sie für Event-Streams „X-Accel-Buffering: no“.</translation>
    </message>
    <message>
        <source>The response has no Content-Type; browsers&apos; EventSource rejects it.</source>
        <translation>Die Antwort hat keinen Content-Type; die EventSource der Browser lehnt sie ab.</translation>
    </message>
    <message>
        <source>The Content-Type is %1, not text/event-stream; browsers&apos; EventSource rejects it.</source>
        <translation>Der Content-Type ist %1, nicht text/event-stream; die EventSource der Browser lehnt die Antwort ab.</translation>
    </message>
    <message>
        <source>Send &quot;Content-Type: text/event-stream&quot;.</source>
        <translation>Senden Sie „Content-Type: text/event-stream“.</translation>
    </message>
    <message>
        <source>The Content-Type names the charset %1, but event streams are always decoded as UTF-8, so other text will be garbled.</source>
        <translation>Der Content-Type nennt den Zeichensatz %1, aber Event-Streams werden immer als UTF-8 dekodiert, daher wird anderer Text verstümmelt.</translation>
    </message>
    <message>
        <source>Encode the stream as UTF-8 and send &quot;charset=utf-8&quot; or no charset.</source>
        <translation>Kodieren Sie den Stream als UTF-8 und senden Sie „charset=utf-8“ oder keinen Zeichensatz.</translation>
    </message>
    <message>
        <source>The Content-Type has parameters that event streams ignore: %1.</source>
        <translation>Der Content-Type hat Parameter, die Event-Streams ignorieren: %1.</translation>
    </message>
    <message>
        <source>Nothing needs to change; plain &quot;text/event-stream&quot; is the usual form.</source>
        <translation>Nichts muss geändert werden; schlichtes „text/event-stream“ ist die übliche Form.</translation>
    </message>
    <message>
        <source>Events arrived in bursts after silences %1 times, the pattern of a proxy or compressor that buffers the stream.</source>
        <translation>Events kamen %1-mal nach einer Pause schubweise an, das Muster eines Proxys oder Kompressors, der den Stream puffert.</translation>
    </message>
    <message>
        <source>Send &quot;X-Accel-Buffering: no&quot;, turn off proxy buffering and compression for the stream, and flush after every event.</source>
        <translation>Senden Sie „X-Accel-Buffering: no“, schalten Sie Proxy-Pufferung und Komprimierung für den Stream ab, und leeren Sie den Puffer nach jedem Event (flush).</translation>
    </message>
    <message>
        <source>Nothing has arrived for %1 s, not even a heartbeat; proxies commonly close connections that are idle for 30 to 60 s.</source>
        <translation>Seit %1 s ist nichts angekommen, nicht einmal ein Heartbeat; Proxys schließen Verbindungen üblicherweise nach 30 bis 60 s Leerlauf.</translation>
    </message>
    <message>
        <source>The stream was silent for up to %1 s, not even a heartbeat; proxies commonly close connections that are idle for 30 to 60 s.</source>
        <translation>Der Stream war bis zu %1 s still, nicht einmal ein Heartbeat kam; Proxys schließen Verbindungen üblicherweise nach 30 bis 60 s Leerlauf.</translation>
    </message>
    <message>
        <source>Send a heartbeat comment line (&quot;: ping&quot;) every 15 s.</source>
        <translation>Senden Sie alle 15 s eine Heartbeat-Kommentarzeile („: ping“).</translation>
    </message>
    <message>
        <source>The refused response&apos;s body is an HTML page, often a login page or a proxy&apos;s error page that stands in for the stream.</source>
        <translation>Der Body der abgelehnten Antwort ist eine HTML-Seite, oft eine Anmeldeseite oder die Fehlerseite eines Proxys, die an die Stelle des Streams tritt.</translation>
    </message>
    <message>
        <source>Read the body, or open the URL in a browser; check the login and any proxy in front of the server.</source>
        <translation>Lesen Sie den Body, oder öffnen Sie die URL in einem Browser; prüfen Sie die Anmeldung und alle Proxys vor dem Server.</translation>
    </message>
    <message>
        <source>The response is compressed with %1, which ssedash cannot decode, so none of its events can be read.</source>
        <translation>Die Antwort ist mit %1 komprimiert, das ssedash nicht dekodieren kann, daher kann keines ihrer Events gelesen werden.</translation>
    </message>
    <message>
        <source>Turn compression off for text/event-stream responses, or use gzip, deflate or br.</source>
        <translation>Schalten Sie die Komprimierung für text/event-stream-Antworten ab, oder verwenden Sie gzip, deflate oder br.</translation>
    </message>
    <message>
        <source>The stream is compressed (Content-Encoding: %1). ssedash decodes it as browsers do, but a server or proxy that compresses holds events back until its compressor&apos;s buffer fills, so they can arrive late and in bursts.</source>
        <translation>Der Stream ist komprimiert (Content-Encoding: %1). ssedash dekodiert ihn wie Browser, aber ein komprimierender Server oder Proxy hält Events zurück, bis der Puffer seines Kompressors voll ist, daher können sie verspätet und schubweise ankommen.</translation>
    </message>
    <message>
        <source>The body could not be decoded as %1: the server or a proxy sent data that is not valid %1, so the stream stopped.</source>
        <translation>Der Body konnte nicht als %1 dekodiert werden: Der Server oder ein Proxy hat Daten gesendet, die kein gültiges %1 sind, daher brach der Stream ab.</translation>
    </message>
    <message>
        <source>Check what compresses the response (the server, a framework&apos;s middleware, a proxy), or turn compression off for text/event-stream responses.</source>
        <translation>Prüfen Sie, was die Antwort komprimiert (der Server, die Middleware eines Frameworks, ein Proxy), oder schalten Sie die Komprimierung für text/event-stream-Antworten ab.</translation>
    </message>
    <message>
        <source>Check the credentials: is the Authorization header (or the cookie, with credentials on) sent, and is the token still valid, not expired or revoked?</source>
        <translation>Prüfen Sie die Anmeldedaten: Wird der Authorization-Header (oder bei eingeschalteten Anmeldedaten das Cookie) gesendet, und ist das Token noch gültig, weder abgelaufen noch widerrufen?</translation>
    </message>
    <message>
        <source>The server asks for: %1.</source>
        <translation>Der Server verlangt: %1.</translation>
    </message>
    <message>
        <source>The request lacks credentials the server accepts.</source>
        <translation>Der Anfrage fehlen Anmeldedaten, die der Server akzeptiert.</translation>
    </message>
    <message>
        <source>The server understood who is asking and refuses it.</source>
        <translation>Der Server hat erkannt, wer anfragt, und verweigert den Zugriff.</translation>
    </message>
    <message>
        <source>Check the account&apos;s permissions, whether the server allows this Origin (CORS), and any CSRF token it expects.</source>
        <translation>Prüfen Sie die Berechtigungen des Kontos, ob der Server diesen Origin erlaubt (CORS), und ein etwa erwartetes CSRF-Token.</translation>
    </message>
    <message>
        <source>There is no stream at this URL.</source>
        <translation>Unter dieser URL gibt es keinen Stream.</translation>
    </message>
    <message>
        <source>Check the URL&apos;s path and query, the route on the server, and any path prefix a proxy adds or strips.</source>
        <translation>Prüfen Sie Pfad und Query der URL, die Route auf dem Server und jedes Pfadpräfix, das ein Proxy hinzufügt oder entfernt.</translation>
    </message>
    <message>
        <source>The server does not take this method for this URL.</source>
        <translation>Der Server akzeptiert diese Methode für diese URL nicht.</translation>
    </message>
    <message>
        <source>It allows: %1.</source>
        <translation>Er erlaubt: %1.</translation>
    </message>
    <message>
        <source>Check the method: a browser&apos;s EventSource sends GET, while many LLM APIs want POST with a JSON body.</source>
        <translation>Prüfen Sie die Methode: Die EventSource eines Browsers sendet GET, viele LLM-APIs erwarten dagegen POST mit einem JSON-Body.</translation>
    </message>
    <message>
        <source>The server limits how often it may be asked, and this request went over the limit.</source>
        <translation>Der Server begrenzt, wie oft er angefragt werden darf, und diese Anfrage hat das Limit überschritten.</translation>
    </message>
    <message>
        <source>Reconnect less often (turn backoff on) and check the rate limits of the account or API key.</source>
        <translation>Verbinden Sie seltener neu (schalten Sie Backoff ein), und prüfen Sie die Ratenlimits des Kontos oder API-Schlüssels.</translation>
    </message>
    <message>
        <source>Wait as the server asks (Retry-After: %1) before connecting again, and turn backoff on.</source>
        <translation>Warten Sie vor dem erneuten Verbinden so lange, wie der Server verlangt (Retry-After: %1), und schalten Sie Backoff ein.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Der Server hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>Check the URL, the method, the request headers and the server&apos;s log.</source>
        <translation>Prüfen Sie die URL, die Methode, die Anfrage-Header und das Protokoll des Servers.</translation>
    </message>
    <message>
        <source>The server failed while answering.</source>
        <translation>Beim Beantworten der Anfrage ist auf dem Server ein Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>Look in the server&apos;s log for the error behind it.</source>
        <translation>Suchen Sie im Protokoll des Servers nach dem zugrunde liegenden Fehler.</translation>
    </message>
    <message>
        <source>A proxy or gateway in front of the server got no usable answer from it.</source>
        <translation>Ein Proxy oder Gateway vor dem Server hat von diesem keine brauchbare Antwort erhalten.</translation>
    </message>
    <message>
        <source>Check that the service behind the proxy runs and answers, and the proxy&apos;s upstream address and timeouts.</source>
        <translation>Prüfen Sie, ob der Dienst hinter dem Proxy läuft und antwortet, sowie die Upstream-Adresse und die Timeouts des Proxys.</translation>
    </message>
    <message>
        <source>Check the server&apos;s health and load.</source>
        <translation>Prüfen Sie Zustand und Auslastung des Servers.</translation>
    </message>
    <message>
        <source>It asks to wait (Retry-After: %1).</source>
        <translation>Er bittet zu warten (Retry-After: %1).</translation>
    </message>
    <message>
        <source>The server, or a proxy in front of it, is overloaded or down.</source>
        <translation>Der Server oder ein Proxy davor ist überlastet oder ausgefallen.</translation>
    </message>
    <message>
        <source>Something went wrong on the server or on a proxy in front of it.</source>
        <translation>Auf dem Server oder einem Proxy davor ist etwas schiefgegangen.</translation>
    </message>
    <message>
        <source>Look in the server&apos;s log and in the log of any proxy in front of it.</source>
        <translation>Sehen Sie im Protokoll des Servers und in den Protokollen aller Proxys davor nach.</translation>
    </message>
    <message>
        <source>The server answered %1. %2 An event stream needs 200 OK, and browsers give up without reconnecting.</source>
        <translation>Der Server antwortete mit %1. %2 Ein Event-Stream braucht 200 OK, und Browser geben auf, ohne neu zu verbinden.</translation>
    </message>
    <message>
        <source>The server answered with a redirection the client could not follow.</source>
        <translation>Der Server antwortete mit einer Weiterleitung, der der Client nicht folgen konnte.</translation>
    </message>
    <message>
        <source>The server points elsewhere (Location: %1), and the redirection was not followed.</source>
        <translation>Der Server verweist anderswohin (Location: %1), und der Weiterleitung wurde nicht gefolgt.</translation>
    </message>
    <message>
        <source>Use the final URL of the stream, and check that the server redirects with 301, 302, 303, 307 or 308 to an http or https URL.</source>
        <translation>Verwenden Sie die endgültige URL des Streams und prüfen Sie, ob der Server mit 301, 302, 303, 307 oder 308 auf eine http- oder https-URL weiterleitet.</translation>
    </message>
    <message>
        <source>A line longer than %1 bytes was dropped, with the event it belonged to: it is not in the log.</source>
        <translation>Eine Zeile mit mehr als %1 Bytes wurde verworfen, mit dem Event, zu dem sie gehörte: Sie ist nicht im Protokoll.</translation>
    </message>
    <message>
        <source>%1 lines longer than %2 bytes were dropped, each with the event it belonged to: they are not in the log.</source>
        <translation>%1 Zeilen mit mehr als %2 Bytes wurden verworfen, jede mit dem Event, zu dem sie gehörte: Sie sind nicht im Protokoll.</translation>
    </message>
    <message>
        <source>Send long data over several data: lines, or raise the feed&apos;s maxLineSize setting.</source>
        <translation>Senden Sie lange Daten über mehrere data:-Zeilen, oder erhöhen Sie die Einstellung maxLineSize des Feeds.</translation>
    </message>
    <message>
        <source>An event with more than %1 bytes of data was dropped: it is not in the log.</source>
        <translation>Ein Event mit mehr als %1 Bytes Daten wurde verworfen: Es ist nicht im Protokoll.</translation>
    </message>
    <message>
        <source>%1 events with more than %2 bytes of data were dropped: they are not in the log.</source>
        <translation>%1 Events mit mehr als %2 Bytes Daten wurden verworfen: Sie sind nicht im Protokoll.</translation>
    </message>
    <message>
        <source>Send smaller events, or raise the feed&apos;s maxEventSize setting.</source>
        <translation>Senden Sie kleinere Events, oder erhöhen Sie die Einstellung maxEventSize des Feeds.</translation>
    </message>
    <message>
        <source>The stream ended inside an event: the blank line that ends it never came, so the event was discarded, as the standard says (browsers drop it too).</source>
        <translation>Der Stream endete mitten in einem Event: Die Leerzeile, die es abschließt, kam nie, daher wurde das Event verworfen, wie es der Standard verlangt (Browser verwerfen es ebenfalls).</translation>
    </message>
    <message>
        <source>End every event with a blank line, the last one too: &quot;data: [DONE]&quot; needs an empty line after it.</source>
        <translation>Schließen Sie jedes Event mit einer Leerzeile ab, auch das letzte: Nach &quot;data: [DONE]&quot; muss eine leere Zeile folgen.</translation>
    </message>
</context>
<context>
    <name>Sse::EventLog</name>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation>kein JSON: %1 bei Byte %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>a record needs &quot;kind&quot;, and &quot;receivedMs&quot; and &quot;connection&quot; as whole numbers</source>
        <translation>ein Eintrag braucht „kind“ sowie „receivedMs“ und „connection“ als ganze Zahlen</translation>
    </message>
    <message>
        <source>an event needs &quot;type&quot; and &quot;data&quot; strings</source>
        <translation>ein Event braucht „type“ und „data“ als Strings</translation>
    </message>
    <message>
        <source>&quot;connection&quot; is %1, beyond the largest connection number, %2</source>
        <translation>„connection“ ist %1 und damit größer als die größte Verbindungsnummer, %2</translation>
    </message>
</context>
<context>
    <name>Sse::EventSource</name>
    <message>
        <source>&quot;%1&quot; is not an http or https URL.</source>
        <translation>„%1“ ist keine http- oder https-URL.</translation>
    </message>
    <message>
        <source>HTTP 204 No Content: the server asked the client to stop reconnecting.</source>
        <translation>HTTP 204 No Content: Der Server hat den Client aufgefordert, nicht mehr neu zu verbinden.</translation>
    </message>
    <message>
        <source>HTTP %1 %2: an EventSource does not reconnect after an error status.</source>
        <translation>HTTP %1 %2: Eine EventSource verbindet sich nach einem Fehlerstatus nicht neu.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>Content-Type is %1, not text/event-stream.</source>
        <translation>Content-Type: %1, erwartet text/event-stream.</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>TLS-Fehler: %1</translation>
    </message>
    <message>
        <source>More than %1 redirects.</source>
        <translation>Mehr als %1 Weiterleitungen.</translation>
    </message>
    <message>
        <source>Refused a redirect from https to http.</source>
        <translation>Weiterleitung von https auf http abgelehnt.</translation>
    </message>
    <message>
        <source>The server ended the stream before any data.</source>
        <translation>Der Server hat den Stream vor jeglichen Daten beendet.</translation>
    </message>
    <message>
        <source>The server closed the stream.</source>
        <translation>Der Server hat den Stream geschlossen.</translation>
    </message>
    <message>
        <source>No data for %1 ms: the connection is taken for dead.</source>
        <translation>Seit %1 ms keine Daten: Die Verbindung gilt als tot.</translation>
    </message>
    <message numerus="yes">
        <source>%1 Gave up after %n failed attempt(s).</source>
        <translation>
            <numerusform>%1 Nach %n Fehlversuch aufgegeben.</numerusform>
            <numerusform>%1 Nach %n Fehlversuchen aufgegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The response came with Content-Encoding &quot;%1&quot; that ssedash cannot decode (it decodes gzip, deflate and br).</source>
        <translation>Die Antwort kam mit dem Content-Encoding „%1“, das ssedash nicht dekodieren kann (es dekodiert gzip, deflate und br).</translation>
    </message>
    <message>
        <source>%1 The stream cannot go on.</source>
        <translation>%1 Der Stream kann nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host name.</source>
        <translation>„%1“ hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>The connection closed before the end of the body, whose Content-Length announced %1 bytes: the server or a proxy cut the stream off.</source>
        <translation>Die Verbindung wurde vor dem Ende des Bodys geschlossen, dessen Content-Length %1 Bytes ankündigte: Der Server oder ein Proxy hat den Stream abgebrochen.</translation>
    </message>
    <message>
        <source>The connection closed inside the chunked body, before its last chunk: the server or a proxy cut the stream off.</source>
        <translation>Die Verbindung wurde mitten im Chunked-Body geschlossen, vor seinem letzten Chunk: Der Server oder ein Proxy hat den Stream abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Sse::Json</name>
    <message>
        <source>the text ends inside the JSON value</source>
        <translation>der Text endet innerhalb des JSON-Werts</translation>
    </message>
    <message>
        <source>expected a string as the key</source>
        <translation>String als Schlüssel erwartet</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after the key</source>
        <translation>&apos;:&apos; nach dem Schlüssel erwartet</translation>
    </message>
    <message>
        <source>unexpected text after the JSON value</source>
        <translation>unerwarteter Text nach dem JSON-Wert</translation>
    </message>
    <message>
        <source>expected a value</source>
        <translation>Wert erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>&apos;,&apos; oder &apos;}&apos; erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>&apos;,&apos; oder &apos;]&apos; erwartet</translation>
    </message>
    <message>
        <source>a control character inside a string must be escaped</source>
        <translation>ein Steuerzeichen innerhalb eines Strings muss maskiert werden</translation>
    </message>
    <message>
        <source>\u must be followed by four hex digits</source>
        <translation>auf \u müssen vier Hexziffern folgen</translation>
    </message>
    <message>
        <source>unknown escape in a string</source>
        <translation>unbekannte Escape-Sequenz in einem String</translation>
    </message>
    <message>
        <source>the string is not closed</source>
        <translation>der String ist nicht geschlossen</translation>
    </message>
    <message>
        <source>a number must not start with 0</source>
        <translation>eine Zahl darf nicht mit 0 beginnen</translation>
    </message>
    <message>
        <source>expected a digit</source>
        <translation>Ziffer erwartet</translation>
    </message>
    <message>
        <source>nested too deeply to re-indent</source>
        <translation>zu tief verschachtelt zum Einrücken</translation>
    </message>
</context>
<context>
    <name>Sse::LogExport</name>
    <message>
        <source>NDJSON event log</source>
        <translation>NDJSON-Event-Protokoll</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>text/event-stream</source>
        <translation>text/event-stream</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kann %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <source>export to %1 cancelled</source>
        <translation>Export nach %1 abgebrochen</translation>
    </message>
    <message>
        <source>the last line was cut short, as when a recording stops in the middle of a write, and was left out (%1)</source>
        <translation>die letzte Zeile bricht ab, wie wenn eine Aufzeichnung mitten im Schreiben endet, und wurde ausgelassen (%1)</translation>
    </message>
</context>
<context>
    <name>Sse::Parser</name>
    <message>
        <source>A line longer than %1 bytes was dropped, and with it the event it belonged to.</source>
        <translation>Eine Zeile mit mehr als %1 Bytes wurde verworfen, und mit ihr das Event, zu dem sie gehörte.</translation>
    </message>
    <message>
        <source>An event with more than %1 bytes of data was dropped.</source>
        <translation>Ein Event mit mehr als %1 Bytes Daten wurde verworfen.</translation>
    </message>
    <message>
        <source>The stream ended inside an event: the blank line that ends it never came, so the event was discarded, as the standard says.</source>
        <translation>Der Stream endete mitten in einem Event: Die Leerzeile, die es abschließt, kam nie, daher wurde das Event verworfen, wie es der Standard verlangt.</translation>
    </message>
</context>
<context>
    <name>Sse::Publisher</name>
    <message>
        <source>No channel %1. Channels: %2</source>
        <translation>Kein Kanal %1. Kanäle: %2</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Kann nicht auf %1 Port %2 lauschen: %3</translation>
    </message>
    <message>
        <source>Cannot open the internal HTTP server: %1</source>
        <translation>Der interne HTTP-Server kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Cannot bind the internal HTTP server.</source>
        <translation>Der interne HTTP-Server kann nicht gebunden werden.</translation>
    </message>
    <message>
        <source>Malformed HTTP request.</source>
        <translation>Fehlerhafte HTTP-Anfrage.</translation>
    </message>
    <message>
        <source>Status %1, as the status fault asks.</source>
        <translation>Status %1, wie von der Störung status verlangt.</translation>
    </message>
    <message>
        <source>Malformed Last-Event-ID header: more than %1 bytes, or a NUL.</source>
        <translation>Fehlerhafter Last-Event-ID-Header: mehr als %1 Bytes oder ein NUL.</translation>
    </message>
    <message>
        <source>Query parameter style must be openai or anthropic.</source>
        <translation>Der Query-Parameter style muss openai oder anthropic sein.</translation>
    </message>
    <message>
        <source>The request head did not come within %1 ms.</source>
        <translation>Der Kopf der Anfrage kam nicht innerhalb von %1 ms.</translation>
    </message>
    <message>
        <source>Request line longer than %1 bytes.</source>
        <translation>Anfragezeile länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>Request head longer than %1 bytes.</source>
        <translation>Anfragekopf länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>Malformed %1 header: it has a control character.</source>
        <translation>Fehlerhafter %1-Header: Er enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>A request body needs a Content-Length; chunked request bodies are not accepted.</source>
        <translation>Ein Anfragerumpf braucht eine Content-Length; Anfragerümpfe mit Chunked-Kodierung werden nicht angenommen.</translation>
    </message>
    <message>
        <source>Malformed Content-Length header.</source>
        <translation>Fehlerhafter Content-Length-Header.</translation>
    </message>
    <message>
        <source>Request body of %1 bytes is over the limit of %2 bytes.</source>
        <translation>Der Anfragerumpf von %1 Bytes überschreitet die Grenze von %2 Bytes.</translation>
    </message>
    <message>
        <source>The publisher serves no WebSockets; its streams are Server-Sent Events.</source>
        <translation>Der Publisher bedient keine WebSockets; seine Streams sind Server-Sent Events.</translation>
    </message>
</context>
<context>
    <name>Sse::StreamFaults</name>
    <message>
        <source>Query parameter %1=%2 must be a whole number from %3 to %4.</source>
        <translation>Der Query-Parameter %1=%2 muss eine ganze Zahl von %3 bis %4 sein.</translation>
    </message>
    <message>
        <source>Query parameter redirect must be 301, 302, 307 or 308.</source>
        <translation>Der Query-Parameter redirect muss 301, 302, 307 oder 308 sein.</translation>
    </message>
    <message>
        <source>Query parameter lineEnd must be lf, crlf or cr.</source>
        <translation>Der Query-Parameter lineEnd muss lf, crlf oder cr sein.</translation>
    </message>
    <message>
        <source>Query parameter contentType must be one line, without NUL.</source>
        <translation>Der Query-Parameter contentType muss eine einzige Zeile ohne NUL sein.</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>peak %1/s</source>
        <translation>Spitze %1/s</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <source>paused · double-click: live</source>
        <translation>angehalten · Doppelklick: live</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>retry:</source>
        <translation>retry:</translation>
    </message>
    <message>
        <source>reconnection time</source>
        <translation>Wiederverbindungszeit</translation>
    </message>
    <message>
        <source>backoff</source>
        <translation>Backoff</translation>
    </message>
    <message>
        <source>server reconnect event</source>
        <translation>Reconnect-Event des Servers</translation>
    </message>
    <message>
        <source>manual re-init</source>
        <translation>manuelle Neuinitialisierung</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>re-init</source>
        <translation>Neuinit.</translation>
    </message>
    <message>
        <source>network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>stream ended</source>
        <translation>Stream beendet</translation>
    </message>
    <message>
        <source>read timeout</source>
        <translation>Lese-Timeout</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>content type</source>
        <translation>Content-Type</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>redirects</source>
        <translation>Weiterleitungen</translation>
    </message>
    <message>
        <source>gave up</source>
        <translation>aufgegeben</translation>
    </message>
    <message>
        <source>invalid URL</source>
        <translation>ungültige URL</translation>
    </message>
    <message>
        <source>Request #%1, no Last-Event-ID</source>
        <translation>Anfrage #%1, keine Last-Event-ID</translation>
    </message>
    <message>
        <source>Request #%1, Last-Event-ID: %2</source>
        <translation>Anfrage #%1, Last-Event-ID: %2</translation>
    </message>
    <message>
        <source>Response #%1: HTTP/%2 %3 %4</source>
        <translation>Antwort #%1: HTTP/%2 %3 %4</translation>
    </message>
    <message>
        <source>Reconnect in %1 ms (%2)</source>
        <translation>Wiederverbindung in %1 ms (%2)</translation>
    </message>
    <message>
        <source>Fatal error (%1): %2</source>
        <translation>Fataler Fehler (%1): %2</translation>
    </message>
    <message>
        <source>Transient error (%1): %2</source>
        <translation>Vorübergehender Fehler (%1): %2</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <source>readyState %1, since %2</source>
        <translation>readyState %1, seit %2</translation>
    </message>
    <message>
        <source>readyState %1, %2 to %3</source>
        <translation>readyState %1, %2 bis %3</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer Eintrag</numerusform>
            <numerusform>… und %n weitere Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in the second from %1</source>
        <translation>
            <numerusform>%n Event in der Sekunde ab %1</numerusform>
            <numerusform>%n Events in der Sekunde ab %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) from %1 to %2</source>
        <translation>
            <numerusform>%n Event von %1 bis %2</numerusform>
            <numerusform>%n Events von %1 bis %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection timeline</source>
        <translation>Verbindungszeitleiste</translation>
    </message>
    <message>
        <source>content encoding</source>
        <translation>Content-Encoding</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set).
  Run ssedash in a desktop session, or under a virtual display: xvfb-run -a ssedash
  Without a window, ssedash-cli does the same work in a terminal:
    ssedash-cli publish            the built-in test publisher
    ssedash-cli monitor URL        watch a feed as JSON lines
  Showing the feed in this terminal instead.</source>
        <translation>kein Display für ein Fenster (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt).
  Starten Sie ssedash in einer Desktop-Sitzung oder unter einem virtuellen
  Display: xvfb-run -a ssedash
  Ohne Fenster erledigt ssedash-cli dieselbe Arbeit in einem Terminal:
    ssedash-cli publish            der eingebaute Test-Publisher
    ssedash-cli monitor URL        einen Feed als JSON-Zeilen beobachten
  Stattdessen wird der Feed in diesem Terminal gezeigt.</translation>
    </message>
    <message>
        <source>Watch, debug and publish Server-Sent Events feeds. With no URL, ssedash starts its built-in publisher and watches it.</source>
        <translation>Feeds mit Server-Sent Events beobachten, debuggen und veröffentlichen. Ohne URL startet ssedash seinen eingebauten Publisher und beobachtet ihn.</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE.</source>
        <translation>Ein Bild des Fensters in FILE speichern.</translation>
    </message>
    <message>
        <source>Quit after MS milliseconds (after the screenshot).</source>
        <translation>Nach MS Millisekunden beenden (nach dem Screenshot).</translation>
    </message>
    <message>
        <source>Neither restore nor save feeds and layout (implied by URL arguments and --screenshot).</source>
        <translation>Feeds und Layout weder wiederherstellen noch speichern (gilt bei URL-Argumenten und --screenshot automatisch).</translation>
    </message>
    <message>
        <source>Feeds to watch (the window takes several).</source>
        <translation>Zu beobachtende Feeds (das Fenster nimmt mehrere).</translation>
    </message>
    <message>
        <source>--quit-after takes milliseconds.</source>
        <translation>--quit-after erwartet Millisekunden.</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>kann %1 nicht schreiben</translation>
    </message>
    <message>
        <source>Open the window WIDTHxHEIGHT pixels large.</source>
        <translation>Das Fenster WIDTHxHEIGHT Pixel groß öffnen.</translation>
    </message>
    <message>
        <source>--window-size takes WIDTHxHEIGHT in pixels, such as 1024x700.</source>
        <translation>--window-size erwartet WIDTHxHEIGHT in Pixeln, etwa 1024x700.</translation>
    </message>
    <message>
        <source>Start a capture proxy to UPSTREAM (http or https) instead of the built-in publisher: point an app at the proxy and its streams show as captured feeds.</source>
        <translation>Einen Mitschnitt-Proxy zu UPSTREAM (http oder https) starten statt des eingebauten Publishers: Richten Sie eine App auf den Proxy, und ihre Streams erscheinen als mitgeschnittene Feeds.</translation>
    </message>
    <message>
        <source>The capture proxy&apos;s port on 127.0.0.1 (default: any free one).</source>
        <translation>Der Port des Mitschnitt-Proxys auf 127.0.0.1 (Vorgabe: ein freier).</translation>
    </message>
    <message>
        <source>--capture-port takes a port.</source>
        <translation>--capture-port erwartet einen Port.</translation>
    </message>
    <message>
        <source>--capture needs a window; without one, ssedash-cli proxy --upstream URL captures in a terminal.</source>
        <translation>--capture braucht ein Fenster; ohne eines schneidet ssedash-cli proxy --upstream URL im Terminal mit.</translation>
    </message>
    <message>
        <source>capturing %1 -&gt; %2</source>
        <translation>Mitschnitt %1 -&gt; %2</translation>
    </message>
</context>
<context>
    <name>ssedash-cli</name>
    <message>
        <source>%1 is missing: it should be beside %2 or in %3</source>
        <translation>%1 fehlt: es sollte neben %2 oder in %3 liegen</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>kann %1 nicht starten: %2</translation>
    </message>
</context>
</TS>
