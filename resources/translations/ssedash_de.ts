<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;; a command comes first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
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

Options:
  -h, --help     Show this help; &apos;%1 COMMAND --help&apos; shows a command&apos;s.
  -v, --version  Show the version.

Exit status: 0 on success, 1 on I/O or fatal stream errors, 2 on usage errors.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionView</name>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests of this feed, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a plain-text report of this connection; secret values are redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · warnings: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last-Event-ID sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error (fatal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing wrong was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No response to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssedash connection report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last-Event-ID sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: HTTP/%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error (fatal): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the text of the visible tab</source>
        <translation type="unfinished"></translation>
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
        <source>The wire lines the event came from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation>Kein Ereignis ausgewählt</translation>
    </message>
    <message>
        <source>Comment · connection %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type %1 · id %2 · connection %3 · %4 · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of data: shown as it came, without formatting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The raw lines of older events are no longer kept, to bound memory; the newest %L1 events keep theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The raw lines were not kept for this event.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventFilterModel</name>
    <message>
        <source>Invalid regular expression at position %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>(comment)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>id %1 repeated: duplicate after reconnect?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id went back from %1 to %2: duplicate after reconnect?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>cannot import %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;All records (%L1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the &amp;filtered view (%L1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>NDJSON keeps every field and can be imported again; CSV is for spreadsheets; text/event-stream can be served again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportOptions</name>
    <message>
        <source>Converts an NDJSON event log, as &apos;monitor --output&apos; records it, to another
format. OUTPUT is replaced only once it is completely written: when writing
fails, an existing OUTPUT keeps its old content.

Formats:
  ndjson  the event log itself, lossless (.ndjson, .jsonl)
  json    a JSON array of the same objects (.json)
  csv     receivedMs,receivedAt,connection,kind,type,lastEventId,data (.csv);
          a &apos; goes before a text that starts with = + - @, TAB or CR, so
          that spreadsheets do not take it for a formula
  sse     the events as text/event-stream, which &apos;parse&apos; reads back to the
          same type, data and lastEventId (.sse, .txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ndjson, json, csv or sse (default: from OUTPUT&apos;s suffix).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The NDJSON event log to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 export [--format FORMAT] INPUT OUTPUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export wants an INPUT and an OUTPUT file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export takes two files, but got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export wants file names, not empty arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format wants ndjson, json, csv or sse, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell the format from &apos;%1&apos;: name it with --format, or end the name in .ndjson, .jsonl, .json, .csv, .sse or .txt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedDialog</name>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ad&amp;vanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken from the URL when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;LLM stream (show the completion as text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request body (sent when not empty; not with GET)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Hea&amp;der</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show secret values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember secre&amp;t headers (Authorization, Cookie, ...) in settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Otherwise they are used until ssedash quits and are never written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent with the first request only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send cr&amp;edentials (cookies and HTTP authentication)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial Last-Event-&amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard (as a browser&apos;s EventSource)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual re-init (a fresh connection after closing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential backoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backoff, then manual re-init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> failed attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consecutive failed attempts before giving up; 0: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until the stream sends a retry: field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect when no bytes arrive for this long; 0: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-init &amp;delay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backoff &amp;factor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backoff c&amp;ap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give &amp;up after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial reconnection &amp;time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify certificates (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore TLS errors (unsafe, this feed only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow co&amp;mpression (gzip, deflate, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log capacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Obey the server&apos;s &quot;%1&quot; event (reconnect after its delay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the HTTP method, such as GET or POST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid HTTP method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header in row %1 has a value but no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid header name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of the header &quot;%1&quot; must be a single line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>The selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>readyState of the feed&apos;s EventSource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events received (comments in brackets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events per second over the last second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events per second, last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections after the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current reconnection time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last event ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <source>Show or hide event types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter data (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat the filter as a regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Show comments and heartbeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause auto-scroll (Space in the table); rows still arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove every row (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No error</source>
        <translation>Kein Fehler</translation>
    </message>
    <message>
        <source>Events: %1 (+%2 comments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnects: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error (fatal): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests, responses and diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer assembled from the stream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedSettingsStore</name>
    <message>
        <source>Left out the invalid header &quot;%1&quot; of the saved feed &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped the saved feed %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feeds were saved by a newer version of ssedash (format %1); settings it does not know are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the URL of the feed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a complete URL: it must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses the %2 scheme; only http and https URLs are supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadlessDemo</name>
    <message>
        <source>the built-in publisher serves %1 (open it in a browser, or watch %2 with any SSE client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching %1; Ctrl+C stops</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LlmView</name>
    <message>
        <source>The answer appears here as it streams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No LLM message yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · tokens: %2 · first token after %3 · %4 tokens/s · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogActions</name>
    <message>
        <source>Exporting %L1 records to %2…</source>
        <translation type="unfinished"></translation>
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
        <source>Exported %L1 records to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; %1 was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1

Nothing was written; an existing file was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %L1 records from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log has no events to replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the replay publisher: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay finished: %L1 events published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Log</source>
        <translation>Protokoll importieren</translation>
    </message>
    <message>
        <source>NDJSON event logs (*.ndjson *.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in publisher</source>
        <translation>Eingebauter Publisher</translation>
    </message>
    <message>
        <source>Port %1 is not free (%2); the built-in publisher uses port %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publisher Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;ssedash %1&lt;/h3&gt;&lt;p&gt;Watch, debug and publish Server-Sent Events (text/event-stream) feeds: every event, every connection, live and lossless.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3&lt;br&gt;%4, %5 platform&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Copied a curl command for %1 (secret headers redacted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied a curl command for %1, secret headers included.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in publisher: %1 · clients: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Feed…</source>
        <translation>Feed &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit Feed…</source>
        <translation>Feed &amp;bearbeiten…</translation>
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
        <source>&lt;h3&gt;Keyboard shortcuts&lt;/h3&gt;&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;In a feed: Ctrl+F filters the text, Space pauses or resumes scrolling, Ctrl+L clears the log.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonitorCommand</name>
    <message>
        <source>cannot record to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonitorOptions</name>
    <message>
        <source>Connects to URL like a browser&apos;s EventSource, reconnecting as the standard
says, and prints one JSON object a line for each state change, open, event,
comment and error. SIGINT and SIGTERM stop it; SIGUSR1 reconnects at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit after N events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit after SECONDS (fractions allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a request header; may be repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Name: value&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP method (default: GET).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request body to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last-Event-ID of the first request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnection time until the stream sets one (default: 3000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect when no bytes arrive for N ms (default: 0, off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print only {&quot;events&quot;: N, &quot;dataBytes&quot;: M, &quot;seconds&quot;: S} at exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore TLS certificate errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also record each event and comment, with its receive time and connection, to FILE as an NDJSON event log (replaced if it exists). Written as things arrive and flushed every 100 ms, not atomically: after a crash FILE holds what came until shortly before. Standard output stays the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An absolute http or https URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 monitor URL [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no URL given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one URL given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an absolute http or https URL: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-events wants a positive number, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout wants a number of seconds, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a header is written &apos;Name: value&apos;, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an HTTP method: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--retry-ms wants milliseconds from 0 to %1, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--read-timeout-ms wants milliseconds from 0 to %1, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output wants a FILE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParseCommand</name>
    <message>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParseOptions</name>
    <message>
        <source>Parses a text/event-stream body and prints each event as a JSON line,
{&quot;type&quot;: T, &quot;data&quot;: D, &quot;lastEventId&quot;: I}, and {&quot;retry&quot;: MS} for
each valid retry field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed the parser N bytes at a time (default: as read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print only {&quot;events&quot;: N, &quot;dataBytes&quot;: M} at the end of the stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stream body; standard input when absent or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 parse [options] [FILE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one FILE given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--chunk-size wants a number of bytes from 1 to %1, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublishCommand</name>
    <message>
        <source>cannot publish: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listening on %1, not only on loopback: whoever reaches this host can read and publish events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot replay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>replay finished: %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>replaying %n event(s) from %1 at %2x speed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishOptions</name>
    <message>
        <source>--bind wants an IPv4 or IPv6 address such as 127.0.0.1 or ::1, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port wants a port number from 0 to 65535, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--allow-origin wants *, null, an origin such as http://localhost:8080, or &apos;&apos;, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 wants a whole number from 0 to %2, not &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--heartbeat wants a number of seconds from 0 to %1, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--event wants a name on one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ids wants counter, uuid or none, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--channel wants a name of letters, digits, &apos;-&apos;, &apos;.&apos;, &apos;_&apos; and &apos;~&apos;, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--replay wants a FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--speed only goes with --replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--speed wants a number above 0 and up to %1, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serves a periodic feed of events on /events (the broadcast channel) and on
/events/NAME for each named channel, with /stats, a demo page at / and POST
/publish. Prints the URLs on standard output once listening, and a line on
standard error for each client that comes or goes. SIGINT and SIGTERM stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on ADDR, an IPv4 or IPv6 address (default: 127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on port P (default: 0, a free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an event on every channel every MS (default: 1000; 0: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event type on the broadcast channel (default: none, &apos;message&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the retry field MS when a stream starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End each stream after N events (default: 0, never).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a heartbeat comment every SECONDS (default: 15; 0: none; fractions allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the named channel /events/NAME; may be repeated (default: test-event).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send JSON messages {id, type, timestamp, payload}, not clock text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event ids: counter, uuid or none (default: counter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access-Control-Allow-Origin: *, an origin, or &apos;&apos; for none (default: *).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ORIGIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay an NDJSON event log (as ssedash exports it) on /events once the first client subscribes; turns the generated feed off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --replay: play at X times the recorded pace (default: 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 publish [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publish takes no arguments, but got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublisherPanel</name>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TCP port on 127.0.0.1 to listen on; applies on the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadcast (/events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named (/events/NAME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadcast: every client of /events gets the unnamed events.
Named: a channel of its own at /events/NAME, whose events have type NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The named channel; one not declared yet is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a feed to the dashboard that reads this channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A periodic event on every channel this often; off sends none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock text: &quot;send data: 2026-11-21 14:19:08&quot;.
JSON: {&quot;id&quot;, &quot;type&quot;, &quot;timestamp&quot;, &quot;payload&quot;}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id field of each event: 1, 2, 3, ... per channel, random UUIDs, or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed (message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event type on the broadcast channel; named channels use their name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retry field sent when a stream starts; none sends no retry field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comment line to every client this often; off sends none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events per connection, then the stream ends cleanly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;yload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;ds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Heartbeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misbehaviour of every new stream; a stream URL&apos;s query overrides it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status: answer with this HTTP status (200 to 599) instead of a stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text/event-stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contentType: stream under this Content-Type instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirect: answer with this redirect to the same URL (without the fault).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closeAfter: end the stream cleanly after this many events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cutAfter: after this many events send half of the next one and close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stall: send nothing for this long after the response head.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dribble: send one byte at a time, this far apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split UTF-8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>splitUtf8: write each event in two pieces, split inside a multi-byte character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lineEnd: the line end the stream uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longLine: first send an event &quot;long-line&quot; with one data line this long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnect: after the first event send &quot;event: reconnect&quot; with this delay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feed&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry: the retry field at the start of the stream, over the feed&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn every fault off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirec&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stall:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dribble:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line end:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>The channel to publish on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the channel&apos;s type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event field; empty takes the channel&apos;s type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id field; empty takes the feed&apos;s next id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retry field in this event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data; each line becomes a data line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the event now (Ctrl+Return).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;D:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retr&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the publisher first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sent without id to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent id %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publisher broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publisher %1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on the port and start the feed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a channel name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignalWatcher</name>
    <message>
        <source>cannot create a pipe for signals: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot catch signal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sse</name>
    <message>
        <source>The response has no Content-Type; browsers&apos; EventSource rejects it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Content-Type is %1, not text/event-stream; browsers&apos; EventSource rejects it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &quot;Content-Type: text/event-stream&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Content-Type names the charset %1, but event streams are always decoded as UTF-8, so other text will be garbled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encode the stream as UTF-8 and send &quot;charset=utf-8&quot; or no charset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Content-Type has parameters that event streams ignore: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs to change; plain &quot;text/event-stream&quot; is the usual form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NDJSON event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text/event-stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export to %1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sse::ArrivalMonitor</name>
    <message>
        <source>Events arrived in bursts after silences %1 times, the pattern of a proxy or compressor that buffers the stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &quot;X-Accel-Buffering: no&quot;, turn off proxy buffering and compression for the stream, and flush after every event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has arrived for %1 s, not even a heartbeat; proxies commonly close connections that are idle for 30 to 60 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stream was silent for up to %1 s, not even a heartbeat; proxies commonly close connections that are idle for 30 to 60 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a heartbeat comment line (&quot;: ping&quot;) every 15 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sse::Diagnostics</name>
    <message>
        <source>The server answered 204 No Content, which tells clients to stop reconnecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If events were expected, check why the server ended the stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1 %2; an event stream needs 200 OK, and browsers give up without reconnecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the URL, the credentials and the server&apos;s log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stream is compressed (Content-Encoding: %1); compressors hold events back until their buffer fills, so events arrive late and in bursts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn compression off for text/event-stream responses, or flush the compressor after every event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response does not say &quot;Cache-Control: no-cache&quot;, so caches and proxies may store or buffer the stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &quot;Cache-Control: no-cache&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response says &quot;X-Accel-Buffering: yes&quot;, which asks nginx to buffer it and hold events back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &quot;X-Accel-Buffering: no&quot; for event streams.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sse::EventLog</name>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a record needs &quot;kind&quot;, and &quot;receivedMs&quot; and &quot;connection&quot; as whole numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event needs &quot;type&quot; and &quot;data&quot; strings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sse::EventSource</name>
    <message>
        <source>&quot;%1&quot; is not an http or https URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP 204 No Content: the server asked the client to stop reconnecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 %2: an EventSource does not reconnect after an error status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Type is %1, not text/event-stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than %1 redirects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused a redirect from https to http.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ended the stream before any data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data for %1 ms: the connection is taken for dead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 Gave up after %n failed attempt(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sse::Parser</name>
    <message>
        <source>A line longer than %1 bytes was dropped, and with it the event it belonged to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event with more than %1 bytes of data was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sse::Publisher</name>
    <message>
        <source>No channel %1. Channels: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the internal HTTP server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot bind the internal HTTP server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed HTTP request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status %1, as the status fault asks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed Last-Event-ID header: more than %1 bytes, or a NUL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query parameter style must be openai or anthropic.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sse::StreamFaults</name>
    <message>
        <source>Query parameter %1=%2 must be a whole number from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query parameter redirect must be 301, 302, 307 or 308.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query parameter lineEnd must be lf, crlf or cr.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak %1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused · double-click: live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnection time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server reconnect event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual re-init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gave up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request #%1, no Last-Event-ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request #%1, Last-Event-ID: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response #%1: HTTP/%2 %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect in %1 ms (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fatal error (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transient error (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>readyState %1, since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>readyState %1, %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in the second from %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) from %1 to %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connection timeline</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch, debug and publish Server-Sent Events feeds. With no URL, ssedash starts its built-in publisher and watches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit after MS milliseconds (after the screenshot).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither restore nor save feeds and layout (implied by URL arguments and --screenshot).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds to watch (the window takes several).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--quit-after takes milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
