<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Batchdesk::Api</name>
    <message>
        <source>The server answered with an empty body where a JSON object was expected.</source>
        <translation>Der Server hat mit einem leeren Inhalt geantwortet, wo ein JSON-Objekt erwartet wurde.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not the JSON object that was expected (it starts with &quot;%1&quot;).</source>
        <translation>Die Antwort des Servers ist nicht das erwartete JSON-Objekt (sie beginnt mit „%1“).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid batch id.</source>
        <translation>„%1“ ist keine gültige Batch-ID.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid file id.</source>
        <translation>„%1“ ist keine gültige Datei-ID.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No such file: %1</source>
        <translation>Keine solche Datei: %1</translation>
    </message>
    <message>
        <source>No such batch: %1</source>
        <translation>Kein solcher Batch: %1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::ApiError</name>
    <message>
        <source> (request id %1)</source>
        <translation> (Anfrage-ID %1)</translation>
    </message>
    <message>
        <source>Check the network connection and the account&apos;s base URL.</source>
        <translation>Prüfen Sie die Netzwerkverbindung und die Basis-URL des Kontos.</translation>
    </message>
    <message>
        <source>The server did not answer in time; try again later.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The API key was refused: check the key stored for this account.</source>
        <translation>Der API-Schlüssel wurde abgelehnt: Prüfen Sie den für dieses Konto gespeicherten Schlüssel.</translation>
    </message>
    <message>
        <source>The key is not allowed to do this: check its permissions.</source>
        <translation>Der Schlüssel darf das nicht: Prüfen Sie seine Berechtigungen.</translation>
    </message>
    <message>
        <source>The object does not exist (any more) on the server, or the base URL is wrong.</source>
        <translation>Das Objekt existiert (nicht mehr) auf dem Server, oder die Basis-URL ist falsch.</translation>
    </message>
    <message>
        <source>Rate limited by the provider: wait a little and try again.</source>
        <translation>Vom Anbieter gedrosselt (Rate Limit): Warten Sie kurz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The provider has a problem; try again in a few minutes.</source>
        <translation>Der Anbieter hat ein Problem; versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::ApiJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The request could not be prepared.</source>
        <translation>Die Anfrage konnte nicht vorbereitet werden.</translation>
    </message>
    <message>
        <source>No answer from %1 in time (the transfer stalled).</source>
        <translation>Keine rechtzeitige Antwort von %1 (die Übertragung stockte).</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering.</source>
        <translation>%1 hat die Verbindung vor der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2).</source>
        <translation>%1 ist nicht erreichbar (%2).</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than %1 MB; Batchdesk stopped reading it.</source>
        <translation>Die Antwort des Servers ist größer als %1 MB; Batchdesk hat das Lesen abgebrochen.</translation>
    </message>
    <message>
        <source>The server redirected the request to another address (%1). Batchdesk does not send the API key to another server; check the account&apos;s base URL.</source>
        <translation>Der Server hat die Anfrage an eine andere Adresse umgeleitet (%1). Batchdesk sendet den API-Schlüssel nicht an einen anderen Server; prüfen Sie die Basis-URL des Kontos.</translation>
    </message>
    <message>
        <source>The transfer with %1 is too slow: %2 bytes in %3 s (at least %4 KB/s are needed).</source>
        <translation>Die Übertragung mit %1 ist zu langsam: %2 Bytes in %3 s (mindestens %4 KB/s sind nötig).</translation>
    </message>
    <message>
        <source>%1 did not finish its answer within %2 s.</source>
        <translation>%1 hat die Antwort nicht innerhalb von %2 s abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::Batch</name>
    <message>
        <source>The server sent %1 where a batch object was expected.</source>
        <translation>Der Server hat %1 gesendet, wo ein Batch-Objekt erwartet wurde.</translation>
    </message>
    <message>
        <source>The server sent a batch without a valid status (%1).</source>
        <translation>Der Server hat einen Batch ohne gültigen Status gesendet (%1).</translation>
    </message>
    <message>
        <source>The server sent a batch with metadata &quot;%1&quot; that is not text (%2).</source>
        <translation>Der Server hat einen Batch gesendet, dessen Metadateneintrag „%1“ kein Text ist (%2).</translation>
    </message>
    <message>
        <source>The server sent a batch without a valid errors list (%1).</source>
        <translation>Der Server hat einen Batch ohne gültige errors-Liste gesendet (%1).</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::Checker</name>
    <message>
        <source>The server sent a batch with an invalid %1 (%2).</source>
        <translation>Der Server hat einen Batch mit ungültigem Feld %1 gesendet (%2).</translation>
    </message>
    <message>
        <source>The server sent a file with an invalid %1 (%2).</source>
        <translation>Der Server hat eine Datei mit ungültigem Feld %1 gesendet (%2).</translation>
    </message>
    <message>
        <source>The server sent a batch without a valid %1 (%2).</source>
        <translation>Der Server hat einen Batch ohne gültiges Feld %1 gesendet (%2).</translation>
    </message>
    <message>
        <source>The server sent a file without a valid %1 (%2).</source>
        <translation>Der Server hat eine Datei ohne gültiges Feld %1 gesendet (%2).</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::CreateBatchJob</name>
    <message>
        <source> The batch may have been created anyway: look at the batch list before submitting again.</source>
        <translation> Der Batch wurde möglicherweise trotzdem erstellt: Sehen Sie in der Batch-Liste nach, bevor Sie erneut senden.</translation>
    </message>
    <message>
        <source> Batchdesk could not check whether the batch was created (%1); it will check again before sending it another time.</source>
        <translation> Batchdesk konnte nicht prüfen, ob der Batch erstellt wurde (%1); vor einem erneuten Senden wird es noch einmal geprüft.</translation>
    </message>
    <message>
        <source>The batch was not created (%1); sending it again.</source>
        <translation>Der Batch wurde nicht erstellt (%1); er wird erneut gesendet.</translation>
    </message>
    <message>
        <source>Mistral needs the model of the batch; it is known only for a file uploaded in this session. Submit the file again.</source>
        <translation>Mistral braucht das Modell des Batches; es ist nur für eine in dieser Sitzung hochgeladene Datei bekannt. Übermitteln Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>Gemini needs the model of the batch; it is known only for a file uploaded in this session. Submit the file again.</source>
        <translation>Gemini braucht das Modell des Batches; es ist nur für eine in dieser Sitzung hochgeladene Datei bekannt. Übermitteln Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a model name Batchdesk can send to Gemini.</source>
        <translation>„%1“ ist kein Modellname, den Batchdesk an Gemini senden kann.</translation>
    </message>
    <message>
        <source>The converted requests of this submission are no longer here (they are kept only while Batchdesk runs). Submit the file again.</source>
        <translation>Die konvertierten Anfragen dieser Übermittlung sind nicht mehr vorhanden (sie werden nur aufbewahrt, solange Batchdesk läuft). Übermitteln Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>Cannot read the converted requests (%1).</source>
        <translation>Die konvertierten Anfragen können nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>This batch runs on this machine, but no local store is open.</source>
        <translation>Dieser Batch läuft auf diesem Computer, aber es ist kein lokaler Speicher geöffnet.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::CreateBatchParams</name>
    <message>
        <source>No input file id.</source>
        <translation>Keine ID der Eingabedatei.</translation>
    </message>
    <message>
        <source>No endpoint.</source>
        <translation>Kein Endpunkt.</translation>
    </message>
    <message>
        <source>Metadata has %1 pairs; at most %2 are allowed.</source>
        <translation>Die Metadaten haben %1 Paare; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>A metadata key is empty.</source>
        <translation>Ein Metadatenschlüssel ist leer.</translation>
    </message>
    <message>
        <source>Metadata key &quot;%1&quot; has %2 characters; at most %3 are allowed.</source>
        <translation>Der Metadatenschlüssel „%1“ hat %2 Zeichen; höchstens %3 sind erlaubt.</translation>
    </message>
    <message>
        <source>The value of metadata key &quot;%1&quot; has %2 characters; at most %3 are allowed.</source>
        <translation>Der Wert des Metadatenschlüssels „%1“ hat %2 Zeichen; höchstens %3 sind erlaubt.</translation>
    </message>
    <message>
        <source>Output expiry must be between %1 and %2 seconds (1 hour to 30 days).</source>
        <translation>Die Aufbewahrung der Ausgabe muss zwischen %1 und %2 Sekunden liegen (1 Stunde bis 30 Tage).</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::FileContentJob</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::FileObject</name>
    <message>
        <source>The server sent %1 where a file object was expected.</source>
        <translation>Der Server hat %1 gesendet, wo ein Dateiobjekt erwartet wurde.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::ListJob</name>
    <message>
        <source>The list was cut at %1 items; the server has more.</source>
        <translation>Die Liste wurde bei %1 Einträgen abgeschnitten; der Server hat weitere.</translation>
    </message>
    <message>
        <source>The list was cut after %1 pages; the server says it has more.</source>
        <translation>Die Liste wurde nach %1 Seiten abgeschnitten; laut Server gibt es weitere.</translation>
    </message>
    <message>
        <source>The server sent a page with no new items although it says it has more; the list stops here.</source>
        <translation>Der Server hat eine Seite ohne neue Einträge gesendet, obwohl er weitere angibt; die Liste endet hier.</translation>
    </message>
    <message>
        <source>The server sent a page cursor that was already used; the list stops here.</source>
        <translation>Der Server hat einen bereits verwendeten Seiten-Cursor gesendet; die Liste endet hier.</translation>
    </message>
    <message>
        <source>Item %1 of page %2 of the list: %3</source>
        <translation>Eintrag %1 auf Seite %2 der Liste: %3</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::ModelInfo</name>
    <message>
        <source>The server sent %1 where a model object was expected.</source>
        <translation>Der Server hat %1 gesendet, wo ein Modellobjekt erwartet wurde.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::UploadFileJob</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot create a folder for the converted file in %1.</source>
        <translation>In %1 kann kein Ordner für die konvertierte Datei erstellt werden.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1 cannot take this file as it is. %2</source>
        <translation>%1 kann diese Datei nicht unverändert annehmen. %2</translation>
    </message>
    <message>
        <source>This batch runs on this machine, but no local store is open.</source>
        <translation>Dieser Batch läuft auf diesem Computer, aber es ist kein lokaler Speicher geöffnet.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::AsyncJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Cost</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No price is known for this model, so the budget of %1 cannot be checked. Add the model&apos;s price to the price table, or submit without a budget.</source>
        <translation>Für dieses Modell ist kein Preis bekannt, daher kann das Budget von %1 nicht geprüft werden. Fügen Sie den Preis des Modells zur Preistabelle hinzu, oder übermitteln Sie ohne Budget.</translation>
    </message>
    <message>
        <source>The estimated cost of %1 (input %2, output up to %3) is above the budget of %4.</source>
        <translation>Die geschätzten Kosten von %1 (Eingabe %2, Ausgabe bis zu %3) liegen über dem Budget von %4.</translation>
    </message>
    <message>
        <source>The estimated cost of %1 without the answers of the requests that set no max_tokens is already above the budget of %2.</source>
        <translation>Die geschätzten Kosten von %1 liegen schon ohne die Antworten der Anfragen ohne max_tokens über dem Budget von %2.</translation>
    </message>
    <message>
        <source>Some requests set no max_tokens: their answers are not in the estimate of %1, so the budget of %2 does not bound them. Set max_tokens for a hard limit.</source>
        <translation>Einige Anfragen setzen kein max_tokens: Ihre Antworten sind nicht in der Schätzung von %1 enthalten, daher begrenzt das Budget von %2 sie nicht. Setzen Sie max_tokens für eine feste Obergrenze.</translation>
    </message>
    <message>
        <source>There is no cost estimate to check the budget of %1 against.</source>
        <translation>Es gibt keine Kostenschätzung, an der das Budget von %1 geprüft werden kann.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Cost::PriceTable</name>
    <message>
        <source>Cannot read the price table %1: %2</source>
        <translation>Die Preistabelle %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The price table %1 is not valid JSON (%2); the snapshot&apos;s prices are used.</source>
        <translation>Die Preistabelle %1 ist kein gültiges JSON (%2); die Preise des Snapshots werden verwendet.</translation>
    </message>
    <message>
        <source>Cannot write the price table %1: %2</source>
        <translation>Die Preistabelle %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl</name>
    <message>
        <source>did you mean %1?</source>
        <translation>meinten Sie %1?</translation>
    </message>
    <message>
        <source>the columns are: %1</source>
        <translation>die Spalten sind: %1</translation>
    </message>
    <message>
        <source>the structure is broken (a missing or extra comma, brace, bracket or quote)</source>
        <translation>die Struktur ist fehlerhaft (ein fehlendes oder überzähliges Komma, eine Klammer oder ein Anführungszeichen)</translation>
    </message>
    <message>
        <source>a string is not closed</source>
        <translation>eine Zeichenkette ist nicht geschlossen</translation>
    </message>
    <message>
        <source>a string contains an invalid escape or control character</source>
        <translation>eine Zeichenkette enthält ein ungültiges Escape- oder Steuerzeichen</translation>
    </message>
    <message>
        <source>a number is malformed or out of range</source>
        <translation>eine Zahl ist fehlerhaft oder außerhalb des Wertebereichs</translation>
    </message>
    <message>
        <source>an unquoted word is not true, false or null</source>
        <translation>ein Wort ohne Anführungszeichen ist nicht true, false oder null</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <translation>sie ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>an object or array is not closed</source>
        <translation>ein Objekt oder Array ist nicht geschlossen</translation>
    </message>
    <message>
        <source>there is more content after the JSON value</source>
        <translation>nach dem JSON-Wert folgt weiterer Inhalt</translation>
    </message>
    <message>
        <source>a value is malformed (a misspelt true, false, null or number)</source>
        <translation>ein Wert ist fehlerhaft (ein falsch geschriebenes true, false, null oder eine Zahl)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 became shorter while it was being read.</source>
        <translation>%1 wurde beim Lesen kürzer.</translation>
    </message>
    <message>
        <source>custom_id %1 is already used on line %2; custom_id must be unique in the file.</source>
        <translation>custom_id %1 wird bereits in Zeile %2 verwendet; custom_id muss in der Datei eindeutig sein.</translation>
    </message>
    <message>
        <source>url %1 differs from the batch endpoint %2.</source>
        <translation>url %1 weicht vom Batch-Endpunkt %2 ab.</translation>
    </message>
    <message>
        <source>url %1 differs from %2 on line %3; one file can use only one endpoint.</source>
        <translation>url %1 weicht von %2 in Zeile %3 ab; eine Datei kann nur einen Endpunkt verwenden.</translation>
    </message>
    <message>
        <source>body.model %1 differs from %2 on line %3; one file can use only one model.</source>
        <translation>body.model %1 weicht von %2 in Zeile %3 ab; eine Datei kann nur ein Modell verwenden.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The file contains no requests.</source>
        <translation>Die Datei enthält keine Anfragen.</translation>
    </message>
    <message>
        <source>The file has %1 lines; %2 allows at most %3 per batch. Split it into several files.</source>
        <translation>Die Datei hat %1 Zeilen; %2 erlaubt höchstens %3 pro Batch. Teilen Sie sie auf mehrere Dateien auf.</translation>
    </message>
    <message>
        <source>The file has %1 bytes; %2 allows at most %3 bytes per batch input file. Split it into several files.</source>
        <translation>Die Datei hat %1 Bytes; %2 erlaubt höchstens %3 Bytes pro Batch-Eingabedatei. Teilen Sie sie auf mehrere Dateien auf.</translation>
    </message>
    <message>
        <source>The file has %1 embedding inputs; %2 allows at most %3 per batch.</source>
        <translation>Die Datei hat %1 Embedding-Eingaben; %2 erlaubt höchstens %3 pro Batch.</translation>
    </message>
    <message>
        <source>The file starts with a UTF-8 byte order mark; some providers reject it. Save it as UTF-8 without BOM.</source>
        <translation>Die Datei beginnt mit einer UTF-8-Bytereihenfolgemarke (BOM), die manche Anbieter ablehnen. Speichern Sie sie als UTF-8 ohne BOM.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a JSONL file.</source>
        <translation>%1 ist ein Ordner, keine JSONL-Datei.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>A request must stay on one line.</source>
        <translation>Eine Anfrage muss in einer Zeile bleiben.</translation>
    </message>
    <message>
        <source>Line %1 is not in the file.</source>
        <translation>Zeile %1 ist nicht in der Datei.</translation>
    </message>
    <message>
        <source>%1 changed on disk since it was read; validate it again before editing.</source>
        <translation>%1 wurde seit dem Einlesen auf der Festplatte geändert; prüfen Sie die Datei erneut, bevor Sie sie bearbeiten.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>ein PNG-Bild</translation>
    </message>
    <message>
        <source>an Excel workbook (XLSX)</source>
        <translation>eine Excel-Arbeitsmappe (XLSX)</translation>
    </message>
    <message>
        <source>a Word document (DOCX)</source>
        <translation>ein Word-Dokument (DOCX)</translation>
    </message>
    <message>
        <source>a ZIP archive</source>
        <translation>ein ZIP-Archiv</translation>
    </message>
    <message>
        <source>an old Excel or Word document</source>
        <translation>ein altes Excel- oder Word-Dokument</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>ein PDF-Dokument</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>ein JPEG-Bild</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>ein GIF-Bild</translation>
    </message>
    <message>
        <source>a WebP image</source>
        <translation>ein WebP-Bild</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>ein gzip-Archiv</translation>
    </message>
    <message>
        <source>a bzip2 archive</source>
        <translation>ein bzip2-Archiv</translation>
    </message>
    <message>
        <source>an xz archive</source>
        <translation>ein xz-Archiv</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>ein 7-Zip-Archiv</translation>
    </message>
    <message>
        <source>a Zstandard archive</source>
        <translation>ein Zstandard-Archiv</translation>
    </message>
    <message>
        <source>an SQLite database</source>
        <translation>eine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>a Parquet file</source>
        <translation>eine Parquet-Datei</translation>
    </message>
    <message>
        <source>a NumPy array</source>
        <translation>ein NumPy-Array</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>ein Programm</translation>
    </message>
    <message>
        <source>UTF-16 text</source>
        <translation>UTF-16-Text</translation>
    </message>
    <message>
        <source>binary data</source>
        <translation>Binärdaten</translation>
    </message>
    <message>
        <source>This file is UTF-16 text. A batch input file must be UTF-8: save it again as UTF-8.</source>
        <translation>Diese Datei ist UTF-16-Text. Eine Batch-Eingabedatei muss UTF-8 sein: Speichern Sie sie erneut als UTF-8.</translation>
    </message>
    <message>
        <source>This is not a text file (it looks like %1). A batch input file is JSONL: UTF-8 text with one JSON request per line.</source>
        <translation>Dies ist keine Textdatei (sie sieht aus wie %1). Eine Batch-Eingabedatei ist JSONL: UTF-8-Text mit einer JSON-Anfrage pro Zeile.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Line %1 alone is larger than one batch allows; it cannot be split.</source>
        <translation>Zeile %1 allein ist größer, als ein Batch erlaubt; sie kann nicht aufgeteilt werden.</translation>
    </message>
    <message>
        <source>Cannot write a part of %1.</source>
        <translation>Ein Teil von %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1.content is %2; it must be a string or an array of text parts.</source>
        <translation>%1.content ist %2; es muss eine Zeichenkette oder ein Array aus Textteilen sein.</translation>
    </message>
    <message>
        <source>not a text part</source>
        <translation>kein Textteil</translation>
    </message>
    <message>
        <source>a %1 part</source>
        <translation>ein Teil vom Typ %1</translation>
    </message>
    <message>
        <source>%1.content[%2] is %3; %4 batch lines converted from OpenAI take text parts only.</source>
        <translation>%1.content[%2] ist %3; aus OpenAI konvertierte %4-Batchzeilen nehmen nur Textteile an.</translation>
    </message>
    <message>
        <source>messages is missing or not an array; a chat request needs it.</source>
        <translation>messages fehlt oder ist kein Array; eine Chat-Anfrage braucht es.</translation>
    </message>
    <message>
        <source>%1 is not an object.</source>
        <translation>%1 ist kein Objekt.</translation>
    </message>
    <message>
        <source>%1 is a %2 message after the conversation started; %3 takes system text only before the first user message.</source>
        <translation>%1 ist eine %2-Nachricht nach Beginn der Unterhaltung; %3 nimmt Systemtext nur vor der ersten Benutzernachricht an.</translation>
    </message>
    <message>
        <source>%1 has role %2, which %3 batches cannot take here.</source>
        <translation>%1 hat die Rolle %2, die %3-Batches hier nicht annehmen können.</translation>
    </message>
    <message>
        <source>%1 has tool_calls, which %2 batches converted from OpenAI cannot take.</source>
        <translation>%1 hat tool_calls, die aus OpenAI konvertierte %2-Batches nicht annehmen können.</translation>
    </message>
    <message>
        <source>%1 has no text content.</source>
        <translation>%1 hat keinen Textinhalt.</translation>
    </message>
    <message>
        <source>messages has no user or assistant message; %1 needs at least one.</source>
        <translation>messages enthält keine user- oder assistant-Nachricht; %1 braucht mindestens eine.</translation>
    </message>
    <message>
        <source>stop must be a string or an array of strings.</source>
        <translation>stop muss eine Zeichenkette oder ein Array aus Zeichenketten sein.</translation>
    </message>
    <message>
        <source>n = %1: %2 batch lines give one answer each.</source>
        <translation>n = %1: %2-Batchzeilen liefern je genau eine Antwort.</translation>
    </message>
    <message>
        <source>stream is true; batch requests cannot stream.</source>
        <translation>stream ist true; Batch-Anfragen können nicht streamen.</translation>
    </message>
    <message>
        <source>%1 is set; %2 batches give no log probabilities.</source>
        <translation>%1 ist gesetzt; %2-Batches liefern keine Log-Wahrscheinlichkeiten.</translation>
    </message>
    <message>
        <source>response_format %1 cannot convert to %2; remove it and ask for the format in the prompt.</source>
        <translation>response_format %1 lässt sich nicht für %2 konvertieren; entfernen Sie es und verlangen Sie das Format im Prompt.</translation>
    </message>
    <message>
        <source>%1 has no %2 equivalent; remove %3 from the body.</source>
        <translation>%1 hat keine Entsprechung bei %2; entfernen Sie %3 aus body.</translation>
    </message>
    <message>
        <source>model is missing; Anthropic needs it in every request.</source>
        <translation>model fehlt; Anthropic braucht es in jeder Anfrage.</translation>
    </message>
    <message>
        <source>max_tokens is required by Anthropic; add &quot;max_tokens&quot; to the body.</source>
        <translation>max_tokens ist bei Anthropic erforderlich; fügen Sie „max_tokens“ zu body hinzu.</translation>
    </message>
    <message>
        <source>max_tokens is %1; it must be a positive whole number.</source>
        <translation>max_tokens ist %1; es muss eine positive ganze Zahl sein.</translation>
    </message>
    <message>
        <source>temperature is %1; Anthropic takes a number from 0 to 1.</source>
        <translation>temperature ist %1; Anthropic nimmt eine Zahl von 0 bis 1 an.</translation>
    </message>
    <message>
        <source>top_p must be a number.</source>
        <translation>top_p muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>tools[%1] is not a function tool with a name; Anthropic takes function tools only.</source>
        <translation>tools[%1] ist kein Funktionswerkzeug mit Namen; Anthropic nimmt nur Funktionswerkzeuge an.</translation>
    </message>
    <message>
        <source>tool_choice %1 cannot convert to Anthropic.</source>
        <translation>tool_choice %1 lässt sich nicht für Anthropic konvertieren.</translation>
    </message>
    <message>
        <source>model is missing; Gemini needs it for the batch.</source>
        <translation>model fehlt; Gemini braucht es für den Batch.</translation>
    </message>
    <message>
        <source>%1 is %2; it must be a positive whole number.</source>
        <translation>%1 ist %2; es muss eine positive ganze Zahl sein.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>model is missing; Mistral needs it for the batch job.</source>
        <translation>model fehlt; Mistral braucht es für den Batch-Job.</translation>
    </message>
    <message>
        <source>custom_id is missing or not a string.</source>
        <translation>custom_id fehlt oder ist keine Zeichenkette.</translation>
    </message>
    <message>
        <source>url is missing; the line is not an OpenAI batch request.</source>
        <translation>url fehlt; die Zeile ist keine OpenAI-Batch-Anfrage.</translation>
    </message>
    <message>
        <source>body is missing or not an object.</source>
        <translation>body fehlt oder ist kein Objekt.</translation>
    </message>
    <message>
        <source>url %1 has no Anthropic equivalent; Anthropic batches take chat requests (/v1/chat/completions) only.</source>
        <translation>url %1 hat keine Entsprechung bei Anthropic; Anthropic-Batches nehmen nur Chat-Anfragen (/v1/chat/completions) an.</translation>
    </message>
    <message>
        <source>url %1 has no Gemini equivalent; Gemini batches take chat requests (/v1/chat/completions) only.</source>
        <translation>url %1 hat keine Entsprechung bei Gemini; Gemini-Batches nehmen nur Chat-Anfragen (/v1/chat/completions) an.</translation>
    </message>
    <message>
        <source>url %1 has no Mistral equivalent; Mistral batches take /v1/chat/completions, /v1/embeddings and /v1/moderations.</source>
        <translation>url %1 hat keine Entsprechung bei Mistral; Mistral-Batches nehmen /v1/chat/completions, /v1/embeddings und /v1/moderations an.</translation>
    </message>
    <message>
        <source>The line is %1 MB long; no provider accepts a request that large.</source>
        <translation>Die Zeile ist %1 MB lang; kein Anbieter akzeptiert eine so große Anfrage.</translation>
    </message>
    <message>
        <source>The line is not an Anthropic batch result (custom_id and result.type are needed).</source>
        <translation>Die Zeile ist kein Anthropic-Batch-Ergebnis (custom_id und result.type werden benötigt).</translation>
    </message>
    <message>
        <source>The batch was canceled before this request ran.</source>
        <translation>Der Batch wurde abgebrochen, bevor diese Anfrage lief.</translation>
    </message>
    <message>
        <source>The batch expired before this request ran.</source>
        <translation>Der Batch ist abgelaufen, bevor diese Anfrage lief.</translation>
    </message>
    <message>
        <source>The result type %1 is unknown.</source>
        <translation>Der Ergebnistyp %1 ist unbekannt.</translation>
    </message>
    <message>
        <source>The line is not a Gemini batch result (key is missing).</source>
        <translation>Die Zeile ist kein Gemini-Batch-Ergebnis (key fehlt).</translation>
    </message>
    <message>
        <source>The Gemini result has neither a response nor an error.</source>
        <translation>Das Gemini-Ergebnis enthält weder eine Antwort noch einen Fehler.</translation>
    </message>
    <message>
        <source>The result line has no custom_id.</source>
        <translation>Die Ergebniszeile hat keine custom_id.</translation>
    </message>
    <message>
        <source>The result line has neither a response nor an error.</source>
        <translation>Die Ergebniszeile enthält weder eine Antwort noch einen Fehler.</translation>
    </message>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation>Kein gültiges JSON: %1.</translation>
    </message>
    <message>
        <source>The result line is not a JSON object.</source>
        <translation>Die Ergebniszeile ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>body.%1 is missing; %2 needs it.</source>
        <translation>body.%1 fehlt; %2 braucht es.</translation>
    </message>
    <message>
        <source>body.%1 is %2; it must be a string.</source>
        <translation>body.%1 ist %2; es muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>body.%1 is an empty string.</source>
        <translation>body.%1 ist eine leere Zeichenkette.</translation>
    </message>
    <message>
        <source>body.input is missing; a responses request needs the input text or input items.</source>
        <translation>body.input fehlt; eine Responses-Anfrage braucht den Eingabetext oder Eingabeelemente.</translation>
    </message>
    <message>
        <source>body.input is an empty string.</source>
        <translation>body.input ist eine leere Zeichenkette.</translation>
    </message>
    <message>
        <source>body.input is an empty array; it needs at least one input item.</source>
        <translation>body.input ist ein leeres Array; es braucht mindestens ein Eingabeelement.</translation>
    </message>
    <message>
        <source>body.input[%1] is %2; input items are objects such as {&quot;role&quot;: &quot;user&quot;, &quot;content&quot;: &quot;…&quot;}.</source>
        <translation>body.input[%1] ist %2; Eingabeelemente sind Objekte wie {&quot;role&quot;: &quot;user&quot;, &quot;content&quot;: &quot;…&quot;}.</translation>
    </message>
    <message>
        <source>body.input[%1] has neither a role nor a type.</source>
        <translation>body.input[%1] hat weder role noch type.</translation>
    </message>
    <message>
        <source>body.input is %1; it must be a string or an array of input items.</source>
        <translation>body.input ist %1; es muss eine Zeichenkette oder ein Array aus Eingabeelementen sein.</translation>
    </message>
    <message>
        <source>body.max_output_tokens must be a positive integer.</source>
        <translation>body.max_output_tokens muss eine positive ganze Zahl sein.</translation>
    </message>
    <message>
        <source>body.stream is true; a response in a batch cannot stream. Remove stream or set it to false.</source>
        <translation>body.stream ist true; eine Antwort in einem Batch kann nicht streamen. Entfernen Sie stream oder setzen Sie es auf false.</translation>
    </message>
    <message>
        <source>body.input is missing; a moderations request needs the text or images to classify.</source>
        <translation>body.input fehlt; eine Moderations-Anfrage braucht den zu klassifizierenden Text oder die Bilder.</translation>
    </message>
    <message>
        <source>body.input is %1; it must be a string, an array of strings or an array of text and image_url objects.</source>
        <translation>body.input ist %1; es muss eine Zeichenkette, ein Array aus Zeichenketten oder ein Array aus text- und image_url-Objekten sein.</translation>
    </message>
    <message>
        <source>body.input is an empty array.</source>
        <translation>body.input ist ein leeres Array.</translation>
    </message>
    <message>
        <source>body.input[%1] is %2; an array of strings must hold only strings.</source>
        <translation>body.input[%1] ist %2; ein Array aus Zeichenketten darf nur Zeichenketten enthalten.</translation>
    </message>
    <message>
        <source>body.input[%1] is %2; multi-modal inputs are {&quot;type&quot;: &quot;text&quot;, &quot;text&quot;: …} or {&quot;type&quot;: &quot;image_url&quot;, &quot;image_url&quot;: {&quot;url&quot;: …}} objects.</source>
        <translation>body.input[%1] ist %2; multimodale Eingaben sind Objekte der Form {&quot;type&quot;: &quot;text&quot;, &quot;text&quot;: …} oder {&quot;type&quot;: &quot;image_url&quot;, &quot;image_url&quot;: {&quot;url&quot;: …}}.</translation>
    </message>
    <message>
        <source>body.input[%1] is a text input without a text string.</source>
        <translation>body.input[%1] ist eine text-Eingabe ohne text-Zeichenkette.</translation>
    </message>
    <message>
        <source>body.input[%1] is an image_url input without image_url.url.</source>
        <translation>body.input[%1] ist eine image_url-Eingabe ohne image_url.url.</translation>
    </message>
    <message>
        <source>body.input[%1] has type %2; it must be &quot;text&quot; or &quot;image_url&quot;.</source>
        <translation>body.input[%1] hat den Typ %2; er muss „text“ oder „image_url“ sein.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>body.n must be an integer from 1 to 10.</source>
        <translation>body.n muss eine ganze Zahl von 1 bis 10 sein.</translation>
    </message>
    <message>
        <source>body.response_format is &quot;%1&quot;; it must be &quot;url&quot; or &quot;b64_json&quot;.</source>
        <translation>body.response_format ist „%1“; es muss „url“ oder „b64_json“ sein.</translation>
    </message>
    <message>
        <source>%1 is a string; a batch line is JSON and cannot upload image bytes: reference the image as {&quot;image_url&quot;: &quot;https://… or data:image/png;base64,…&quot;} or {&quot;file_id&quot;: &quot;file-…&quot;}.</source>
        <translation>%1 ist eine Zeichenkette; eine Batchzeile ist JSON und kann keine Bilddaten hochladen: Verweisen Sie auf das Bild als {&quot;image_url&quot;: &quot;https://… oder data:image/png;base64,…&quot;} oder {&quot;file_id&quot;: &quot;file-…&quot;}.</translation>
    </message>
    <message>
        <source>%1 is %2; it must be an {&quot;image_url&quot;: …} or {&quot;file_id&quot;: …} object.</source>
        <translation>%1 ist %2; es muss ein {&quot;image_url&quot;: …}- oder {&quot;file_id&quot;: …}-Objekt sein.</translation>
    </message>
    <message>
        <source>%1 must have exactly one of image_url and file_id.</source>
        <translation>%1 muss genau eines von image_url und file_id enthalten.</translation>
    </message>
    <message>
        <source>%1.%2 must be a non-empty string.</source>
        <translation>%1.%2 muss eine nicht leere Zeichenkette sein.</translation>
    </message>
    <message>
        <source>body.image is missing; an image edit request needs the images to edit, as {&quot;image_url&quot;: …} or {&quot;file_id&quot;: …} objects (a batch line cannot upload files).</source>
        <translation>body.image fehlt; eine Bildbearbeitungsanfrage braucht die zu bearbeitenden Bilder als {&quot;image_url&quot;: …}- oder {&quot;file_id&quot;: …}-Objekte (eine Batchzeile kann keine Dateien hochladen).</translation>
    </message>
    <message>
        <source>body.%1 holds %2 images; it must hold 1 to 16.</source>
        <translation>body.%1 enthält %2 Bilder; erlaubt sind 1 bis 16.</translation>
    </message>
    <message>
        <source>body.images is %1; it must be an array of {&quot;image_url&quot;: …} or {&quot;file_id&quot;: …} objects.</source>
        <translation>body.images ist %1; es muss ein Array aus {&quot;image_url&quot;: …}- oder {&quot;file_id&quot;: …}-Objekten sein.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::BuildSpec</name>
    <message>
        <source>A parameter needs a name: key=value.</source>
        <translation>Ein Parameter braucht einen Namen: Schlüssel=Wert.</translation>
    </message>
    <message>
        <source>%1 needs a number, not &quot;%2&quot;.</source>
        <translation>%1 braucht eine Zahl, nicht „%2“.</translation>
    </message>
    <message>
        <source>%1 needs a positive whole number, not &quot;%2&quot;.</source>
        <translation>%1 braucht eine positive ganze Zahl, nicht „%2“.</translation>
    </message>
    <message>
        <source>stop: &quot;%1&quot; is not a JSON array of strings.</source>
        <translation>stop: „%1“ ist kein JSON-Array aus Zeichenketten.</translation>
    </message>
    <message>
        <source>response_format must be json_object, json_schema or text, not &quot;%1&quot;.</source>
        <translation>response_format muss json_object, json_schema oder text sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>The extra JSON is not an object.</source>
        <translation>Das zusätzliche JSON ist kein Objekt.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::ChunkValidator</name>
    <message>
        <source>The line is blank; every line must hold one request.</source>
        <translation>Die Zeile ist leer; jede Zeile muss eine Anfrage enthalten.</translation>
    </message>
    <message>
        <source>The line is %1 MB long; Batchdesk does not parse lines over %2 MB, and no provider accepts a request that large.</source>
        <translation>Die Zeile ist %1 MB lang; Batchdesk prüft keine Zeilen über %2 MB, und kein Anbieter akzeptiert eine so große Anfrage.</translation>
    </message>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation>Kein gültiges JSON: %1.</translation>
    </message>
    <message>
        <source>Invalid UTF-8 at byte %1 of the line; save the file as UTF-8.</source>
        <translation>Ungültiges UTF-8 bei Byte %1 der Zeile; speichern Sie die Datei als UTF-8.</translation>
    </message>
    <message>
        <source>The line is %1, not a JSON object with custom_id, method, url and body.</source>
        <translation>Die Zeile ist %1, kein JSON-Objekt mit custom_id, method, url und body.</translation>
    </message>
    <message>
        <source>custom_id is null; every request needs a unique custom_id.</source>
        <translation>custom_id ist null; jede Anfrage braucht eine eindeutige custom_id.</translation>
    </message>
    <message>
        <source>custom_id is missing; every request needs a unique custom_id.</source>
        <translation>custom_id fehlt; jede Anfrage braucht eine eindeutige custom_id.</translation>
    </message>
    <message>
        <source>custom_id is %1; it must be a string.</source>
        <translation>custom_id ist %1; sie muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>custom_id is an empty string.</source>
        <translation>custom_id ist eine leere Zeichenkette.</translation>
    </message>
    <message>
        <source>custom_id has %1 characters; some providers reject more than %2.</source>
        <translation>custom_id hat %1 Zeichen; manche Anbieter lehnen mehr als %2 ab.</translation>
    </message>
    <message>
        <source>method is missing; it must be &quot;POST&quot;.</source>
        <translation>method fehlt; sie muss „POST“ sein.</translation>
    </message>
    <message>
        <source>method is %1; it must be &quot;POST&quot;.</source>
        <translation>method ist %1; sie muss „POST“ sein.</translation>
    </message>
    <message>
        <source>method must be the string &quot;POST&quot;.</source>
        <translation>method muss die Zeichenkette „POST“ sein.</translation>
    </message>
    <message>
        <source>url is missing; it must be the batch endpoint, one of %1.</source>
        <translation>url fehlt; sie muss der Batch-Endpunkt sein, einer von %1.</translation>
    </message>
    <message>
        <source>url must be a string, one of %1.</source>
        <translation>url muss eine Zeichenkette sein, einer von %1.</translation>
    </message>
    <message>
        <source>url %1 is not a batch endpoint of %2; use one of %3.</source>
        <translation>url %1 ist kein Batch-Endpunkt von %2; verwenden Sie einen von %3.</translation>
    </message>
    <message>
        <source>body is missing; it must be the request&apos;s JSON object.</source>
        <translation>body fehlt; es muss das JSON-Objekt der Anfrage sein.</translation>
    </message>
    <message>
        <source>body must be a JSON object.</source>
        <translation>body muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>body.model is missing.</source>
        <translation>body.model fehlt.</translation>
    </message>
    <message>
        <source>body.model must be a string.</source>
        <translation>body.model muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>body.model is an empty string.</source>
        <translation>body.model ist eine leere Zeichenkette.</translation>
    </message>
    <message>
        <source>body.stream is true; batch requests cannot stream and some providers reject them.</source>
        <translation>body.stream ist true; Batch-Anfragen können nicht streamen, und manche Anbieter lehnen sie ab.</translation>
    </message>
    <message>
        <source>body.messages is missing; a chat request needs it.</source>
        <translation>body.messages fehlt; eine Chat-Anfrage braucht es.</translation>
    </message>
    <message>
        <source>body.messages must be an array of messages.</source>
        <translation>body.messages muss ein Array von Nachrichten sein.</translation>
    </message>
    <message>
        <source>body.messages is empty.</source>
        <translation>body.messages ist leer.</translation>
    </message>
    <message>
        <source>body.messages[%1] %2.</source>
        <translation>body.messages[%1] %2.</translation>
    </message>
    <message>
        <source>body.prompt is missing; a completions request needs it.</source>
        <translation>body.prompt fehlt; eine Completions-Anfrage braucht es.</translation>
    </message>
    <message>
        <source>body.input is missing; an embeddings request needs it.</source>
        <translation>body.input fehlt; eine Embeddings-Anfrage braucht es.</translation>
    </message>
    <message>
        <source>The line nests objects and arrays more than %1 levels deep; providers refuse such requests.</source>
        <translation>Die Zeile verschachtelt Objekte und Arrays mehr als %1 Ebenen tief; Anbieter lehnen solche Anfragen ab.</translation>
    </message>
    <message>
        <source>custom_id %1 is not accepted by %2: it must be 1 to 64 letters, digits, &quot;_&quot; or &quot;-&quot;.</source>
        <translation>custom_id %1 wird von %2 nicht akzeptiert: Sie muss aus 1 bis 64 Buchstaben, Ziffern, „_“ oder „-“ bestehen.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::CsvReader</name>
    <message>
        <source>The file has no data rows.</source>
        <translation>Die Datei hat keine Datenzeilen.</translation>
    </message>
    <message>
        <source>Row %1 (line %2), column %3: the cell is not valid UTF-8; save the file as UTF-8.</source>
        <translation>Zeile %1 (Textzeile %2), Spalte %3: Die Zelle ist kein gültiges UTF-8; speichern Sie die Datei als UTF-8.</translation>
    </message>
    <message>
        <source>Row %1 (record %2, line %3) has %4 cells; the header has %5.</source>
        <translation>Zeile %1 (Datensatz %2, Textzeile %3) hat %4 Zellen; die Kopfzeile hat %5.</translation>
    </message>
    <message>
        <source>Header column %1 is not valid UTF-8; save the file as UTF-8.</source>
        <translation>Spalte %1 der Kopfzeile ist kein gültiges UTF-8; speichern Sie die Datei als UTF-8.</translation>
    </message>
    <message>
        <source>Header column %1 has no name; it is called &quot;%2&quot;.</source>
        <translation>Spalte %1 der Kopfzeile hat keinen Namen; sie heißt „%2“.</translation>
    </message>
    <message>
        <source>Header column %1 repeats the name &quot;%2&quot;; it is called &quot;%3&quot;.</source>
        <translation>Spalte %1 der Kopfzeile wiederholt den Namen „%2“; sie heißt „%3“.</translation>
    </message>
    <message>
        <source>Record %1 (line %2): a quoted cell is not closed before the end of the file.</source>
        <translation>Datensatz %1 (Textzeile %2): Eine Zelle in Anführungszeichen ist vor dem Dateiende nicht geschlossen.</translation>
    </message>
    <message>
        <source>Record %1 (line %2): a quote inside an unquoted cell, or text after a closing quote (RFC 4180); quote the whole cell and double the quotes inside it. Reading stopped here.</source>
        <translation>Datensatz %1 (Textzeile %2): ein Anführungszeichen in einer Zelle ohne Anführungszeichen oder Text nach einem schließenden Anführungszeichen (RFC 4180); setzen Sie die ganze Zelle in Anführungszeichen und verdoppeln Sie die darin enthaltenen. Das Lesen wurde hier beendet.</translation>
    </message>
    <message>
        <source>Record %1 (line %2): %3</source>
        <translation>Datensatz %1 (Textzeile %2): %3</translation>
    </message>
    <message>
        <source>Record %1 (from line %2) is longer than %3 MB: a quoted cell is probably not closed. Reading stopped here.</source>
        <translation>Datensatz %1 (ab Textzeile %2) ist länger als %3 MB: Eine Zelle in Anführungszeichen ist wahrscheinlich nicht geschlossen. Das Lesen wurde hier beendet.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::CsvTable</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>Nicht genügend Arbeitsspeicher.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::CsvTable::Builder</name>
    <message>
        <source>Column %1 repeats the name &quot;%2&quot;; it is called &quot;%3&quot;.</source>
        <translation>Spalte %1 wiederholt den Namen „%2“; sie heißt „%3“.</translation>
    </message>
    <message>
        <source>Row %1 has more cells than the %2 columns; the cell is dropped.</source>
        <translation>Zeile %1 hat mehr Zellen als die %2 Spalten; die überzählige Zelle wird verworfen.</translation>
    </message>
    <message>
        <source>Row %1, column %2: the cell is not valid UTF-8.</source>
        <translation>Zeile %1, Spalte %2: Die Zelle ist kein gültiges UTF-8.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::FileConverter</name>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation>Kein gültiges JSON: %1.</translation>
    </message>
    <message>
        <source>The line is not a JSON object.</source>
        <translation>Die Zeile ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>custom_id %1 is not accepted by Anthropic: it must be 1 to 64 letters, digits, &quot;_&quot; or &quot;-&quot;.</source>
        <translation>custom_id %1 wird von Anthropic nicht akzeptiert: Sie muss aus 1 bis 64 Buchstaben, Ziffern, „_“ oder „-“ bestehen.</translation>
    </message>
    <message>
        <source>url %1 differs from %2 on line %3; one batch uses one endpoint.</source>
        <translation>url %1 weicht von %2 in Zeile %3 ab; ein Batch verwendet nur einen Endpunkt.</translation>
    </message>
    <message>
        <source>model %1 differs from %2 on line %3; one %4 batch runs one model.</source>
        <translation>model %1 weicht von %2 in Zeile %3 ab; ein %4-Batch führt nur ein Modell aus.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::JsonlFile</name>
    <message>
        <source>Line %1 does not exist</source>
        <translation>Zeile %1 existiert nicht</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 changed on disk after it was opened; open it again to see the current content.</source>
        <translation>%1 wurde nach dem Öffnen auf der Festplatte geändert; öffnen Sie die Datei erneut, um den aktuellen Inhalt zu sehen.</translation>
    </message>
    <message>
        <source>Cannot read line %1 of %2: %3</source>
        <translation>Zeile %1 von %2 kann nicht gelesen werden: %3</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::LineIndex</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::RequestBuilder</name>
    <message>
        <source>The endpoint &quot;%1&quot; is not one of %2, %3, %4.</source>
        <translation>Der Endpunkt „%1“ ist keiner von %2, %3, %4.</translation>
    </message>
    <message>
        <source>No model is set.</source>
        <translation>Es ist kein Modell festgelegt.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: {{%2}} is not a column; %3</source>
        <translation>%1: {{%2}} ist keine Spalte; %3</translation>
    </message>
    <message>
        <source>User message</source>
        <translation>Benutzernachricht</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Input template</source>
        <translation>Eingabevorlage</translation>
    </message>
    <message>
        <source>System message</source>
        <translation>Systemnachricht</translation>
    </message>
    <message>
        <source>A system message applies to %1 only.</source>
        <translation>Eine Systemnachricht gilt nur für %1.</translation>
    </message>
    <message>
        <source>Embeddings need an input column or an input template.</source>
        <translation>Embeddings brauchen eine Eingabespalte oder eine Eingabevorlage.</translation>
    </message>
    <message>
        <source>Give either input columns or an input template, not both.</source>
        <translation>Geben Sie entweder Eingabespalten oder eine Eingabevorlage an, nicht beides.</translation>
    </message>
    <message>
        <source>Input column &quot;%1&quot; does not exist; %2</source>
        <translation>Die Eingabespalte „%1“ existiert nicht; %2</translation>
    </message>
    <message>
        <source>%1: the template is empty.</source>
        <translation>%1: Die Vorlage ist leer.</translation>
    </message>
    <message>
        <source>Input columns apply to %1 only.</source>
        <translation>Eingabespalten gelten nur für %1.</translation>
    </message>
    <message>
        <source>Id column &quot;%1&quot; does not exist; %2</source>
        <translation>Die ID-Spalte „%1“ existiert nicht; %2</translation>
    </message>
    <message>
        <source>%1 does not apply to %2.</source>
        <translation>%1 gilt nicht für %2.</translation>
    </message>
    <message>
        <source>response_format json_schema needs the schema (json_schema=...).</source>
        <translation>response_format json_schema braucht das Schema (json_schema=...).</translation>
    </message>
    <message>
        <source>The JSON schema is not a JSON object: %1.</source>
        <translation>Das JSON-Schema ist kein JSON-Objekt: %1.</translation>
    </message>
    <message>
        <source>The extra JSON must be one JSON object: %1.</source>
        <translation>Das zusätzliche JSON muss ein einzelnes JSON-Objekt sein: %1.</translation>
    </message>
    <message>
        <source>it is not an object</source>
        <translation>es ist kein Objekt</translation>
    </message>
    <message>
        <source>The extra JSON sets &quot;%1&quot;, which the builder writes itself.</source>
        <translation>Das zusätzliche JSON setzt „%1“, das der Builder selbst schreibt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is set both as a parameter and in the extra JSON; keep one.</source>
        <translation>„%1“ ist sowohl als Parameter als auch im zusätzlichen JSON gesetzt; behalten Sie eines.</translation>
    </message>
    <message>
        <source>Row %1 (line %2): column &quot;%3&quot; is empty.</source>
        <translation>Zeile %1 (Textzeile %2): Spalte „%3“ ist leer.</translation>
    </message>
    <message>
        <source>Row %1 (line %2): the id column &quot;%3&quot; is empty.</source>
        <translation>Zeile %1 (Textzeile %2): Die ID-Spalte „%3“ ist leer.</translation>
    </message>
    <message>
        <source>Row %1 (line %2): custom_id &quot;%3&quot; is already used by row %4 (line %5).</source>
        <translation>Zeile %1 (Textzeile %2): custom_id „%3“ wird bereits von Zeile %4 (Textzeile %5) verwendet.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 error(s) in the CSV or the template; nothing was written.</source>
        <translation>%1 Fehler in der CSV-Datei oder der Vorlage; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The CSV has no data rows; nothing was written.</source>
        <translation>Die CSV-Datei hat keine Datenzeilen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Row %1 (line %2) alone is larger than %3 allows (%4 bytes, %5 inputs).</source>
        <translation>Zeile %1 (Textzeile %2) allein ist größer, als %3 erlaubt (%4 Bytes, %5 Eingaben).</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::ResultLineConverter</name>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The line is longer than 64 MB.</source>
        <translation>Die Zeile ist länger als 64 MB.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::Template</name>
    <message>
        <source>&quot;{{&quot; at character %1 has no closing &quot;}}&quot; (write &quot;{{{{&quot; for a literal &quot;{{&quot;).</source>
        <translation>„{{“ bei Zeichen %1 hat kein schließendes „}}“ (schreiben Sie „{{{{“ für ein wörtliches „{{“).</translation>
    </message>
    <message>
        <source>The placeholder at character %1 has no column name.</source>
        <translation>Der Platzhalter bei Zeichen %1 hat keinen Spaltennamen.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::Validator</name>
    <message>
        <source>is not an object</source>
        <translation>ist kein Objekt</translation>
    </message>
    <message>
        <source>has a role that is not a non-empty string</source>
        <translation>hat eine Rolle, die keine nicht leere Zeichenkette ist</translation>
    </message>
    <message>
        <source>has no role</source>
        <translation>hat keine Rolle</translation>
    </message>
    <message>
        <source>body.input is an empty string</source>
        <translation>body.input ist eine leere Zeichenkette</translation>
    </message>
    <message>
        <source>body.input must contain strings or token arrays</source>
        <translation>body.input muss Zeichenketten oder Token-Arrays enthalten</translation>
    </message>
    <message>
        <source>body.input is an empty array</source>
        <translation>body.input ist ein leeres Array</translation>
    </message>
    <message>
        <source>body.input must be a string or an array</source>
        <translation>body.input muss eine Zeichenkette oder ein Array sein</translation>
    </message>
    <message>
        <source>an image edit request</source>
        <translation>eine Bildbearbeitungsanfrage</translation>
    </message>
    <message>
        <source>a video request</source>
        <translation>eine Videoanfrage</translation>
    </message>
    <message>
        <source>an image generation request</source>
        <translation>eine Bildgenerierungsanfrage</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::AllBatchesModel</name>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed, %3 pending of %4</source>
        <translation>%1 erfolgreich, %2 fehlgeschlagen, %3 ausstehend von %4</translation>
    </message>
    <message>
        <source>Double-click to open this batch in its account.</source>
        <translation>Doppelklicken Sie, um diesen Batch in seinem Konto zu öffnen.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::BatchTableModel</name>
    <message>
        <source>Validating</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Assembling results</source>
        <translation>Ergebnisse werden erstellt</translation>
    </message>
    <message>
        <source>Completed, all failed</source>
        <translation>Abgeschlossen, alle fehlgeschlagen</translation>
    </message>
    <message>
        <source>Completed with failures</source>
        <translation>Abgeschlossen mit Fehlern</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Wird abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>~%1 s</source>
        <translation>~%1 s</translation>
    </message>
    <message>
        <source>~%1 min</source>
        <translation>~%1 min</translation>
    </message>
    <message>
        <source>~%1 h %2 min</source>
        <translation>~%1 h %2 min</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>assembling results</source>
        <translation>Ergebnisse werden erstellt</translation>
    </message>
    <message>
        <source>Saved locally</source>
        <translation>Lokal gespeichert</translation>
    </message>
    <message>
        <source>Every request ran; the provider is assembling the result files.</source>
        <translation>Alle Anfragen sind gelaufen; der Anbieter stellt die Ergebnisdateien zusammen.</translation>
    </message>
    <message>
        <source>%1 of %2 requests failed: see the error file.</source>
        <translation>%1 von %2 Anfragen sind fehlgeschlagen: Siehe die Fehlerdatei.</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed, %3 pending of %4</source>
        <translation>%1 erfolgreich, %2 fehlgeschlagen, %3 ausstehend von %4</translation>
    </message>
    <message>
        <source>The results expire %1 and are not downloaded yet.</source>
        <translation>Die Ergebnisse laufen %1 ab und sind noch nicht heruntergeladen.</translation>
    </message>
    <message>
        <source>The results are saved on this computer.</source>
        <translation>Die Ergebnisse sind auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <source>The provider gave no deadline: created + 24 h.</source>
        <translation>Der Anbieter nannte keine Frist: Erstellung + 24 h.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Output expiry</source>
        <translation>Ablauf der Ausgabe</translation>
    </message>
    <message>
        <source>%1, part %2</source>
        <translation>%1, Teil %2</translation>
    </message>
    <message>
        <source>%1, retry %2, part %3</source>
        <translation>%1, Wiederholung %2, Teil %3</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::DisplayFormat</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>&lt; %1 s</source>
        <translation>&lt; %1 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::FileTableModel</name>
    <message>
        <source>%1 used</source>
        <translation>%1 belegt</translation>
    </message>
    <message>
        <source>%1 of %2 used</source>
        <translation>%1 von %2 belegt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>This file expires soon: download what you need.</source>
        <translation>Diese Datei läuft bald ab: Laden Sie herunter, was Sie brauchen.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Filename</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::IssuesModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>This finding is about the file as a whole.</source>
        <translation>Dieser Befund betrifft die Datei als Ganzes.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::JobTreeModel</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Preparing the next round</source>
        <translation>Nächste Runde wird vorbereitet</translation>
    </message>
    <message>
        <source>Finished with failures</source>
        <translation>Beendet, mit Fehlern</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation>Wird übermittelt</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>Nicht übermittelt</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Retry %1, part %2</source>
        <translation>Wiederholung %1, Teil %2</translation>
    </message>
    <message>
        <source>Part %1</source>
        <translation>Teil %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed of %3 requests</source>
        <translation>%1 erfolgreich, %2 fehlgeschlagen von %3 Anfragen</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) running, %1 waiting for a free slot</source>
        <translation>
            <numerusform>%n Teil läuft, %1 warten auf einen freien Platz</numerusform>
            <numerusform>%n Teile laufen, %1 warten auf einen freien Platz</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requests that did not succeed are retried up to %n time(s)</source>
        <translation>
            <numerusform>Nicht erfolgreiche Anfragen werden bis zu %n Mal wiederholt</numerusform>
            <numerusform>Nicht erfolgreiche Anfragen werden bis zu %n Mal wiederholt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — lines %2 to %3 of the input</source>
        <translation>%1 — Zeilen %2 bis %3 der Eingabe</translation>
    </message>
    <message>
        <source>Waiting for a free slot: the provider runs a limited number of batches at once.</source>
        <translation>Wartet auf einen freien Platz: Der Anbieter führt nur eine begrenzte Zahl von Batches gleichzeitig aus.</translation>
    </message>
    <message>
        <source>Batch status: %1</source>
        <translation>Batch-Status: %1</translation>
    </message>
    <message>
        <source>No batch yet</source>
        <translation>Noch kein Batch</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>Geändert %1</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Parts done</source>
        <translation>Teile fertig</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Runde</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>Finishing in real time on %1</source>
        <translation>Wird in Echtzeit auf %1 abgeschlossen</translation>
    </message>
    <message>
        <source>Finished in real time on %1</source>
        <translation>In Echtzeit auf %1 abgeschlossen</translation>
    </message>
    <message>
        <source>after %1 hours</source>
        <translation>nach %1 Stunden</translation>
    </message>
    <message>
        <source>at %1 % done</source>
        <translation>bei %1 % Fortschritt</translation>
    </message>
    <message>
        <source>Finishes in real time on %1 %2</source>
        <translation>Wird %2 in Echtzeit auf %1 abgeschlossen</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>%1 · real time: %2</source>
        <translation>%1 · Echtzeit: %2</translation>
    </message>
    <message>
        <source>Runs on this computer against the real-time endpoint of %1</source>
        <translation>Läuft auf diesem Computer über den Echtzeit-Endpunkt von %1</translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation>nicht geschätzt</translation>
    </message>
    <message>
        <source>Budget %1 (retry rounds keep to it); estimated %2 when submitted</source>
        <translation>Budget %1 (gilt auch für Wiederholungsrunden); bei der Übermittlung auf %2 geschätzt</translation>
    </message>
    <message>
        <source>Estimated cost %1 when submitted</source>
        <translation>Bei der Übermittlung geschätzte Kosten: %1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::RequestsModel</name>
    <message>
        <source>No file is open.</source>
        <translation>Keine Datei geöffnet.</translation>
    </message>
    <message>
        <source>This line is %1, too large to preview.</source>
        <translation>Diese Zeile ist %1 groß, zu groß für eine Vorschau.</translation>
    </message>
    <message>
        <source>This line is not a JSON object.</source>
        <translation>Diese Zeile ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>custom_id</source>
        <translation>custom_id</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln Byte</numerusform>
            <numerusform>%Ln Bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::ResultsModel</name>
    <message>
        <source>custom_id</source>
        <translation>custom_id</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>In tokens</source>
        <translation>Tokens ein</translation>
    </message>
    <message>
        <source>Out tokens</source>
        <translation>Tokens aus</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>The answer is not JSON: %1</source>
        <translation>Die Antwort ist kein JSON: %1</translation>
    </message>
    <message>
        <source>Previous response</source>
        <translation>Vorherige Antwort</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime</name>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without a body.</source>
        <translation>Der Server hat mit HTTP %1 ohne Inhalt geantwortet.</translation>
    </message>
    <message>
        <source>A line is longer than %1 MiB.</source>
        <translation>Eine Zeile ist länger als %1 MiB.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime::Limits</name>
    <message>
        <source>The concurrency must be between 1 and %1.</source>
        <translation>Die Anzahl gleichzeitiger Anfragen muss zwischen 1 und %1 liegen.</translation>
    </message>
    <message>
        <source>The requests per minute cannot be negative.</source>
        <translation>Die Anfragen pro Minute dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <source>The tokens per minute cannot be negative.</source>
        <translation>Die Tokens pro Minute dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <source>The attempts per request must be between 1 and 100.</source>
        <translation>Die Versuche pro Anfrage müssen zwischen 1 und 100 liegen.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime::LocalBatches</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No such file: %1</source>
        <translation>Keine solche Datei: %1</translation>
    </message>
    <message>
        <source>The file is used by the batch %1, which is still running.</source>
        <translation>Die Datei wird vom Batch %1 verwendet, der noch läuft.</translation>
    </message>
    <message>
        <source>Cannot delete %1.</source>
        <translation>%1 kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>No such input file: %1</source>
        <translation>Keine solche Eingabedatei: %1</translation>
    </message>
    <message>
        <source>A real-time batch needs a &quot;Run here&quot; account to run on.</source>
        <translation>Ein Echtzeit-Batch braucht ein „Run here“-Konto, auf dem er läuft.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>No such batch: %1</source>
        <translation>Kein solcher Batch: %1</translation>
    </message>
    <message>
        <source>The batch %1 has already ended (%2).</source>
        <translation>Der Batch %1 ist bereits beendet (%2).</translation>
    </message>
    <message>
        <source>No account can run this batch here.</source>
        <translation>Kein Konto kann diesen Batch hier ausführen.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime::RealtimeRunner</name>
    <message>
        <source>&quot;%1&quot; is not an endpoint URL (e.g. http://localhost:8000/v1).</source>
        <translation>„%1“ ist keine Endpunkt-URL (z. B. http://localhost:8000/v1).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not a request with a custom_id: validate the file before running it.</source>
        <translation>Zeile %1 von %2 ist keine Anfrage mit custom_id: Prüfen Sie die Datei, bevor Sie sie ausführen.</translation>
    </message>
    <message>
        <source>Line %1 repeats the custom_id &quot;%2&quot;: each request needs its own.</source>
        <translation>Zeile %1 wiederholt die custom_id „%2“: Jede Anfrage braucht ihre eigene.</translation>
    </message>
    <message>
        <source>The line must be a POST to an endpoint path like /v1/chat/completions.</source>
        <translation>Die Zeile muss ein POST an einen Endpunktpfad wie /v1/chat/completions sein.</translation>
    </message>
    <message>
        <source>The answer is larger than %1 MiB.</source>
        <translation>Die Antwort ist größer als %1 MiB.</translation>
    </message>
    <message>
        <source>No complete answer within %1 s.</source>
        <translation>Keine vollständige Antwort innerhalb von %1 s.</translation>
    </message>
    <message>
        <source>The endpoint redirected the request to %1; real-time requests are not redirected (set the account&apos;s URL to where the API is).</source>
        <translation>Der Endpunkt hat die Anfrage an %1 umgeleitet; Echtzeitanfragen werden nicht umgeleitet (setzen Sie die URL des Kontos auf die Adresse, unter der die API liegt).</translation>
    </message>
    <message>
        <source>The endpoint answered HTTP %1 with a body that is not a JSON object.</source>
        <translation>Der Endpunkt hat mit HTTP %1 und einem Inhalt geantwortet, der kein JSON-Objekt ist.</translation>
    </message>
    <message>
        <source>The run was cancelled before this request succeeded.</source>
        <translation>Der Lauf wurde abgebrochen, bevor diese Anfrage erfolgreich war.</translation>
    </message>
    <message>
        <source>The run expired before this request succeeded.</source>
        <translation>Der Lauf ist abgelaufen, bevor diese Anfrage erfolgreich war.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s): %1</source>
        <translation>
            <numerusform>Nach %n Versuch aufgegeben: %1</numerusform>
            <numerusform>Nach %n Versuchen aufgegeben: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The run was cancelled before this request was sent.</source>
        <translation>Der Lauf wurde abgebrochen, bevor diese Anfrage gesendet wurde.</translation>
    </message>
    <message>
        <source>The run expired before this request was sent.</source>
        <translation>Der Lauf ist abgelaufen, bevor diese Anfrage gesendet wurde.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime::ResultLog</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot repair %1 (a line was cut off by an interrupted run): %2</source>
        <translation>%1 kann nicht repariert werden (eine Zeile wurde durch einen unterbrochenen Lauf abgeschnitten): %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The result files are not open.</source>
        <translation>Die Ergebnisdateien sind nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cannot save %1 to the disk: %2</source>
        <translation>%1 kann nicht auf der Festplatte gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime::Target</name>
    <message>
        <source>&quot;%1&quot; is not a model mapping: write batch-model=served-model.</source>
        <translation>„%1“ ist keine Modellzuordnung: Schreiben Sie batch-model=served-model.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a build manifest of batchdesk-cli build.</source>
        <translation>%1 ist kein Build-Manifest von batchdesk-cli build.</translation>
    </message>
    <message>
        <source>%1 changed since the requests were built (its SHA-256 differs from the manifest&apos;s): rows may no longer match their results.</source>
        <translation>%1 wurde geändert, seit die Anfragen erstellt wurden (sein SHA-256 weicht vom Manifest ab): Zeilen passen möglicherweise nicht mehr zu ihren Ergebnissen.</translation>
    </message>
    <message>
        <source>%1 has %2 rows; the manifest says %3.</source>
        <translation>%1 hat %2 Zeilen; laut Manifest sind es %3.</translation>
    </message>
    <message>
        <source>The id column &quot;%1&quot; is not in %2.</source>
        <translation>Die ID-Spalte „%1“ ist nicht in %2.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>An embedding holds a value that is not a number.</source>
        <translation>Ein Embedding enthält einen Wert, der keine Zahl ist.</translation>
    </message>
    <message>
        <source>Embeddings of different sizes (%1 and %2) cannot form one matrix.</source>
        <translation>Embeddings unterschiedlicher Größe (%1 und %2) ergeben keine Matrix.</translation>
    </message>
    <message>
        <source>None of the rows has an embedding.</source>
        <translation>Keine der Zeilen hat ein Embedding.</translation>
    </message>
    <message>
        <source>No request has one of the chosen outcomes.</source>
        <translation>Keine Anfrage hat eines der gewählten Ergebnisse.</translation>
    </message>
    <message>
        <source>The result line is not a JSON object.</source>
        <translation>Die Ergebniszeile ist kein JSON-Objekt.</translation>
    </message>
    <message numerus="yes">
        <source>embedding, %n dims</source>
        <translation>
            <numerusform>Embedding, %n Dimension</numerusform>
            <numerusform>Embedding, %n Dimensionen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 embeddings, %2 dims</source>
        <translation>%1 Embeddings, %2 Dimensionen</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The results of %1 were not downloaded completely.</source>
        <translation>Die Ergebnisse von %1 wurden nicht vollständig heruntergeladen.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The results of %1 were saved by an older version without sizes and checksums; they are downloaded again.</source>
        <translation>Die Ergebnisse von %1 wurden von einer älteren Version ohne Größen und Prüfsummen gespeichert; sie werden erneut heruntergeladen.</translation>
    </message>
    <message>
        <source>The marker of %1 names an unexpected file.</source>
        <translation>Die Markierungsdatei von %1 nennt eine unerwartete Datei.</translation>
    </message>
    <message>
        <source>%1 is missing from the results of %2.</source>
        <translation>%1 fehlt in den Ergebnissen von %2.</translation>
    </message>
    <message>
        <source>%1 has %2 bytes, but %3 were downloaded: the file was cut or changed.</source>
        <translation>%1 hat %2 Bytes, heruntergeladen wurden aber %3: Die Datei wurde abgeschnitten oder geändert.</translation>
    </message>
    <message>
        <source>%1 was changed after it was downloaded (its SHA-256 differs).</source>
        <translation>%1 wurde nach dem Herunterladen geändert (sein SHA-256 weicht ab).</translation>
    </message>
    <message>
        <source>The results are not ready to be joined.</source>
        <translation>Die Ergebnisse sind noch nicht bereit zum Zusammenführen.</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <source>flagged: %1</source>
        <translation>markiert: %1</translation>
    </message>
    <message>
        <source>not flagged</source>
        <translation>nicht markiert</translation>
    </message>
    <message>
        <source>video %1: %2</source>
        <translation>Video %1: %2</translation>
    </message>
    <message>
        <source>The JSON path &quot;%1&quot; is not usable: %2</source>
        <translation>Der JSON-Pfad „%1“ ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>a [ without ]</source>
        <translation>ein [ ohne ]</translation>
    </message>
    <message>
        <source>an array index must be a number 0 or more</source>
        <translation>ein Array-Index muss eine Zahl ab 0 sein</translation>
    </message>
    <message>
        <source>an empty member name</source>
        <translation>ein leerer Feldname</translation>
    </message>
    <message>
        <source>a member name must follow a dot</source>
        <translation>auf einen Punkt muss ein Feldname folgen</translation>
    </message>
    <message>
        <source>the answer is larger than 16 MiB</source>
        <translation>die Antwort ist größer als 16 MiB</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>kein JSON: %1</translation>
    </message>
    <message>
        <source>no object at &quot;%1&quot;</source>
        <translation>kein Objekt bei „%1“</translation>
    </message>
    <message>
        <source>the answer is JSON but not an object</source>
        <translation>die Antwort ist JSON, aber kein Objekt</translation>
    </message>
    <message>
        <source>The original CSV %1 is no longer there; its columns are left out.</source>
        <translation>Die ursprüngliche CSV %1 ist nicht mehr vorhanden; ihre Spalten werden weggelassen.</translation>
    </message>
    <message>
        <source>The original CSV %1 changed since the build (its SHA-256 differs from the manifest&apos;s); its columns are left out.</source>
        <translation>Die ursprüngliche CSV %1 wurde seit dem Erstellen geändert (ihr SHA-256 weicht vom Manifest ab); ihre Spalten werden weggelassen.</translation>
    </message>
    <message>
        <source>The id column &quot;%1&quot; is not in %2; its columns are left out.</source>
        <translation>Die ID-Spalte „%1“ ist nicht in %2 enthalten; die Spalten von %2 werden weggelassen.</translation>
    </message>
    <message>
        <source>The table has no custom_id column.</source>
        <translation>Die Tabelle hat keine custom_id-Spalte.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::Detail</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>outcome</comment>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Too many result files</source>
        <translation>Zu viele Ergebnisdateien</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::ImageWriter</name>
    <message>
        <source>No folder was given for the images.</source>
        <translation>Für die Bilder wurde kein Ordner angegeben.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>%1: image %2 is not a PNG, JPEG or WebP image.</source>
        <translation>%1: Bild %2 ist kein PNG-, JPEG- oder WebP-Bild.</translation>
    </message>
    <message>
        <source>%1: image %2 is not valid base64.</source>
        <translation>%1: Bild %2 ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>Refusing to write outside %1.</source>
        <translation>Außerhalb von %1 wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>None of the images could be decoded: %1</source>
        <translation>Keines der Bilder konnte dekodiert werden: %1</translation>
    </message>
    <message>
        <source>The results hold no images.</source>
        <translation>Die Ergebnisse enthalten keine Bilder.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::JoinedResults</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 changed on disk after it was opened; open it again.</source>
        <translation>%1 wurde nach dem Öffnen auf der Festplatte geändert; öffnen Sie die Datei erneut.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::ResultsDownload</name>
    <message>
        <source>&quot;%1&quot; is not a batch id.</source>
        <translation>„%1“ ist keine Batch-ID.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The download was stopped.</source>
        <translation>Der Download wurde gestoppt.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::SummaryFilter</name>
    <message>
        <source>Output tokens: %1</source>
        <translation>Ausgabe-Tokens: %1</translation>
    </message>
    <message>
        <source>Output tokens: %1–%2</source>
        <translation>Ausgabe-Tokens: %1–%2</translation>
    </message>
    <message>
        <source>Finish reason: %1</source>
        <translation>Beendigungsgrund: %1</translation>
    </message>
    <message>
        <source>Failure: %1</source>
        <translation>Fehler: %1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::SyntaxCheck</name>
    <message>
        <source>text after the JSON at offset %1</source>
        <translation>Text nach dem JSON an Offset %1</translation>
    </message>
    <message>
        <source>unexpected character at offset %1</source>
        <translation>unerwartetes Zeichen an Offset %1</translation>
    </message>
    <message>
        <source>the text ends at offset %1 before the JSON does</source>
        <translation>der Text endet an Offset %1, bevor das JSON endet</translation>
    </message>
    <message>
        <source>nested too deeply at offset %1</source>
        <translation>zu tief verschachtelt an Offset %1</translation>
    </message>
    <message>
        <source>a control character inside a string at offset %1</source>
        <translation>ein Steuerzeichen in einer Zeichenkette an Offset %1</translation>
    </message>
    <message>
        <source>invalid escape sequence at offset %1</source>
        <translation>ungültige Escape-Sequenz an Offset %1</translation>
    </message>
    <message>
        <source>unterminated string at offset %1</source>
        <translation>nicht abgeschlossene Zeichenkette an Offset %1</translation>
    </message>
    <message>
        <source>invalid number at offset %1</source>
        <translation>ungültige Zahl an Offset %1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Secrets</name>
    <message>
        <source>On Linux a Secret Service (GNOME Keyring or KWallet) must be running in your session and unlocked.</source>
        <translation>Unter Linux muss in Ihrer Sitzung ein Secret Service (GNOME Keyring oder KWallet) laufen und entsperrt sein.</translation>
    </message>
    <message>
        <source>Check that the login keychain is unlocked.</source>
        <translation>Prüfen Sie, ob der Anmeldeschlüsselbund entsperrt ist.</translation>
    </message>
    <message>
        <source>Check that the Windows Credential Manager is available.</source>
        <translation>Prüfen Sie, ob die Windows-Anmeldeinformationsverwaltung verfügbar ist.</translation>
    </message>
    <message>
        <source>No API key is stored in the keychain for %1. If you stored one, the keyring may be locked: unlock it and try again.</source>
        <translation>Im Schlüsselbund ist kein API-Schlüssel für %1 gespeichert. Falls Sie einen gespeichert haben, ist der Schlüsselbund vielleicht gesperrt: Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No keychain is available (%1). %2</source>
        <translation>Kein Schlüsselbund verfügbar (%1). %2</translation>
    </message>
    <message>
        <source>Access to the keychain was denied (%1).</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert (%1).</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1. %2</source>
        <translation>Der Schlüsselbund meldete einen Fehler: %1. %2</translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 s. %2</source>
        <translation>Der Systemschlüsselbund hat nicht innerhalb von %1 s geantwortet. %2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Store</name>
    <message>
        <source>Cannot write the batch cache: %1</source>
        <translation>Der Batch-Cache kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the batch cache: %1</source>
        <translation>Der Batch-Cache kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No such submission.</source>
        <translation>Keine solche Übermittlung.</translation>
    </message>
    <message>
        <source>%1 cannot resubmit %2: that would be a cycle.</source>
        <translation>%1 kann %2 nicht erneut senden: Das wäre ein Zyklus.</translation>
    </message>
    <message>
        <source>Cannot access the progress history: %1</source>
        <translation>Auf den Fortschrittsverlauf kann nicht zugegriffen werden: %1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Store::AccountStore</name>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation>Es gibt kein Konto namens „%1“.</translation>
    </message>
    <message>
        <source>The account no longer exists.</source>
        <translation>Das Konto existiert nicht mehr.</translation>
    </message>
    <message>
        <source>An account needs a name.</source>
        <translation>Ein Konto braucht einen Namen.</translation>
    </message>
    <message>
        <source>An account named &quot;%1&quot; already exists.</source>
        <translation>Ein Konto namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>The base URL must start with https:// or http://.</source>
        <translation>Die Basis-URL muss mit https:// oder http:// beginnen.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Store::Database</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Der Ordner von %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot configure the database %1: %2</source>
        <translation>Die Datenbank %1 kann nicht konfiguriert werden: %2</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer Batchdesk (schema %2, this version knows %3).</source>
        <translation>Die Datenbank %1 wurde von einem neueren Batchdesk geschrieben (Schema %2, diese Version kennt %3).</translation>
    </message>
    <message>
        <source>Cannot upgrade the database %1 to schema %2: %3</source>
        <translation>Die Datenbank %1 kann nicht auf Schema %2 aktualisiert werden: %3</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::AccountDialog</name>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Stored in the keychain; type to replace</source>
        <translation>Im Schlüsselbund gespeichert; zum Ersetzen tippen</translation>
    </message>
    <message>
        <source>The key is stored in the system keychain, never in Batchdesk&apos;s database.</source>
        <translation>Der Schlüssel wird im Schlüsselbund des Systems gespeichert, nie in der Datenbank von Batchdesk.</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Limits:</source>
        <translation>&amp;Limits:</translation>
    </message>
    <message>
        <source>Default &amp;model:</source>
        <translation>Standard&amp;modell:</translation>
    </message>
    <message>
        <source>Empty: the built-in sandbox, run inside Batchdesk</source>
        <translation>Leer: die eingebaute Sandbox, die in Batchdesk läuft</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// base URL first.</source>
        <translation>Geben Sie zuerst eine Basis-URL mit http:// oder https:// ein.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Geben Sie dem Konto einen Namen.</translation>
    </message>
    <message>
        <source>Enter the base URL of the API, e.g. %1.</source>
        <translation>Geben Sie die Basis-URL der API ein, z. B. %1.</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>Geben Sie den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Save Account</source>
        <translation>Konto speichern</translation>
    </message>
    <message>
        <source>The connection test of these settings failed:

%1

Save the account anyway?</source>
        <translation>Der Verbindungstest mit diesen Einstellungen ist fehlgeschlagen:

%1

Das Konto trotzdem speichern?</translation>
    </message>
    <message>
        <source>Save Anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Optional: org-…</source>
        <translation>Optional: org-…</translation>
    </message>
    <message>
        <source>Optional: proj_…</source>
        <translation>Optional: proj_…</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;jekt:</translation>
    </message>
    <message>
        <source>Runs the requests of each batch on this computer against any OpenAI-compatible server: vLLM, Ollama, llama.cpp, LM Studio.</source>
        <translation>Führt die Anfragen jedes Batches auf diesem Computer über einen beliebigen OpenAI-kompatiblen Server aus: vLLM, Ollama, llama.cpp, LM Studio.</translation>
    </message>
    <message>
        <source>Requests sent at the same time. A local server serves a few at once; a vLLM deployment many more.</source>
        <translation>Gleichzeitig gesendete Anfragen. Ein lokaler Server bearbeitet nur wenige auf einmal, eine vLLM-Installation deutlich mehr.</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>At most this many requests are sent per minute (0: no limit).</source>
        <translation>Höchstens so viele Anfragen werden pro Minute gesendet (0: kein Limit).</translation>
    </message>
    <message>
        <source>At most this many tokens per minute, estimated before sending and corrected from the answers (0: no limit).</source>
        <translation>Höchstens so viele Tokens pro Minute, vor dem Senden geschätzt und anhand der Antworten korrigiert (0: kein Limit).</translation>
    </message>
    <message>
        <source>batch-model=served-model, …</source>
        <translation>batch-model=served-model, …</translation>
    </message>
    <message>
        <source>The model a batch line names → the model the server serves, e.g. gpt-4o-mini=llama3.1:8b. Models not listed are sent as they are.</source>
        <translation>Das in einer Batchzeile genannte Modell → das Modell, das der Server bereitstellt, z. B. gpt-4o-mini=llama3.1:8b. Nicht aufgeführte Modelle werden unverändert gesendet.</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>Anzahl &amp;gleichzeitiger Anfragen:</translation>
    </message>
    <message>
        <source>&amp;Requests per minute:</source>
        <translation>An&amp;fragen pro Minute:</translation>
    </message>
    <message>
        <source>&amp;Tokens per minute:</source>
        <translation>&amp;Tokens pro Minute:</translation>
    </message>
    <message>
        <source>Model m&amp;apping:</source>
        <translation>Modell&amp;zuordnung:</translation>
    </message>
    <message>
        <source>Optional: leave empty for a server without a key</source>
        <translation>Optional: leer lassen bei einem Server ohne Schlüssel</translation>
    </message>
    <message>
        <source>The model mapping is not valid: %1</source>
        <translation>Die Modellzuordnung ist ungültig: %1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::AllAccountsPage</name>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>List the newest batches of every account now</source>
        <translation>Die neuesten Batches aller Konten jetzt auflisten</translation>
    </message>
    <message>
        <source>No batches in any account yet.</source>
        <translation>In keinem Konto gibt es bisher Batches.</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>Die lokale Sandbox konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>1 Konto</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>%1 Konten</translation>
    </message>
    <message>
        <source>%1 · refreshing…</source>
        <translation>%1 · wird aktualisiert…</translation>
    </message>
    <message>
        <source>%1 · updated %2 · every %3 s</source>
        <translation>%1 · aktualisiert um %2 · alle %3 s</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::AppController</name>
    <message>
        <source>Could not open the local database %1: %2</source>
        <translation>Die lokale Datenbank %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>Lokale Sandbox</translation>
    </message>
    <message>
        <source>Could not read the accounts: %1</source>
        <translation>Die Konten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>Die lokale Sandbox konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Last refresh %1</source>
        <translation>Zuletzt aktualisiert %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>polling every %1 s</source>
        <translation>Abfrage alle %1 s</translation>
    </message>
    <message>
        <source>idle (nothing running)</source>
        <translation>untätig (nichts läuft)</translation>
    </message>
    <message>
        <source>%1 active</source>
        <translation>%1 aktiv</translation>
    </message>
    <message>
        <source>No account is connected.</source>
        <translation>Kein Konto verbunden.</translation>
    </message>
    <message>
        <source>Refresh failed at %1</source>
        <translation>Aktualisierung um %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>next attempt at %1</source>
        <translation>nächster Versuch um %1</translation>
    </message>
    <message>
        <source>no automatic retry</source>
        <translation>kein automatischer neuer Versuch</translation>
    </message>
    <message>
        <source>Could not write the sample batch %1: %2</source>
        <translation>Der Beispiel-Batch %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not read the jobs: %1</source>
        <translation>Die Jobs konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The account that runs this batch in real time no longer exists.</source>
        <translation>Das Konto, das diesen Batch in Echtzeit ausführt, existiert nicht mehr.</translation>
    </message>
    <message>
        <source>%1 Nothing was uploaded.</source>
        <translation>%1 Es wurde nichts hochgeladen.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::BatchDetail</name>
    <message>
        <source>Select a batch to see its progress, timestamps, files and errors.</source>
        <translation>Wählen Sie einen Batch, um Fortschritt, Zeitpunkte, Dateien und Fehler zu sehen.</translation>
    </message>
    <message>
        <source>Open results</source>
        <translation>Ergebnisse öffnen</translation>
    </message>
    <message>
        <source>Progress over time</source>
        <translation>Fortschritt im Zeitverlauf</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Verbrauch</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>Eingabe:</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Ausgabe:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Local input:</source>
        <translation>Lokale Eingabe:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Double-click an error to open its line in the local input file</source>
        <translation>Doppelklicken Sie auf einen Fehler, um seine Zeile in der lokalen Eingabedatei zu öffnen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <source>%1 of %2 requests done (%3 succeeded)</source>
        <translation>%1 von %2 Anfragen erledigt (%3 erfolgreich)</translation>
    </message>
    <message>
        <source>No request counts yet</source>
        <translation>Noch keine Anfragezahlen</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;%2 failed&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;%2 fehlgeschlagen&lt;/span&gt;</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <source>assembling results</source>
        <translation>Ergebnisse werden erstellt</translation>
    </message>
    <message>
        <source>Endpoint %1 · model %2</source>
        <translation>Endpunkt %1 · Modell %2</translation>
    </message>
    <message>
        <source>Deadline in %1 (%2)</source>
        <translation>Frist in %1 (%2)</translation>
    </message>
    <message>
        <source>Deadline passed (%1)</source>
        <translation>Frist abgelaufen (%1)</translation>
    </message>
    <message>
        <source>Results saved on this computer.</source>
        <translation>Ergebnisse auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <source>Downloading the results…</source>
        <translation>Ergebnisse werden heruntergeladen…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;The results could not be downloaded: %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;Die Ergebnisse konnten nicht heruntergeladen werden: %2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Results not downloaded yet.</source>
        <translation>Ergebnisse noch nicht heruntergeladen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning:&lt;/b&gt; the results expire %1 and are not saved on this computer. Open them to download them now.</source>
        <translation>&lt;b&gt;Warnung:&lt;/b&gt; Die Ergebnisse laufen %1 ab und sind nicht auf diesem Computer gespeichert. Öffnen Sie sie, um sie jetzt herunterzuladen.</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>In progress:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Finalizing:</source>
        <translation>Abschluss:</translation>
    </message>
    <message>
        <source>Completed:</source>
        <translation>Abgeschlossen:</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Fehlgeschlagen:</translation>
    </message>
    <message>
        <source>Expired:</source>
        <translation>Abgelaufen:</translation>
    </message>
    <message>
        <source>Cancelling:</source>
        <translation>Abbruch:</translation>
    </message>
    <message>
        <source>Cancelled:</source>
        <translation>Abgebrochen:</translation>
    </message>
    <message>
        <source>Expires (deadline):</source>
        <translation>Läuft ab (Frist):</translation>
    </message>
    <message>
        <source>Completion window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <source>Input tokens:</source>
        <translation>Eingabe-Tokens:</translation>
    </message>
    <message>
        <source>Cached input tokens:</source>
        <translation>Zwischengespeicherte Eingabe-Tokens:</translation>
    </message>
    <message>
        <source>Output tokens:</source>
        <translation>Ausgabe-Tokens:</translation>
    </message>
    <message>
        <source>Reasoning tokens:</source>
        <translation>Reasoning-Tokens:</translation>
    </message>
    <message>
        <source>Total tokens:</source>
        <translation>Tokens gesamt:</translation>
    </message>
    <message>
        <source>The provider reports no usage for this batch (yet).</source>
        <translation>Der Anbieter meldet (noch) keinen Verbrauch für diesen Batch.</translation>
    </message>
    <message>
        <source>unknown (not submitted from this computer)</source>
        <translation>unbekannt (nicht von diesem Computer übermittelt)</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>Fehler (%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 of %3 batches finished, %4 of %5 requests done (%6 failed)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 von %3 Batches fertig, %4 von %5 Anfragen erledigt (%6 fehlgeschlagen)</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::BatchesPage</name>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed or expired</source>
        <translation>Fehlgeschlagen oder abgelaufen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Search id, description, metadata…</source>
        <translation>ID, Beschreibung, Metadaten suchen…</translation>
    </message>
    <message>
        <source>No batches yet</source>
        <translation>Noch keine Batches</translation>
    </message>
    <message>
        <source>Drop a .jsonl file here to validate it and create a batch.</source>
        <translation>Legen Sie hier eine .jsonl-Datei ab, um sie zu prüfen und einen Batch zu erstellen.</translation>
    </message>
    <message>
        <source>Open a File…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>Try a Sample Batch</source>
        <translation>Beispiel-Batch ausprobieren</translation>
    </message>
    <message>
        <source>Write a small example file (12 requests, 2 of them fail on purpose in the sandbox) and open it</source>
        <translation>Eine kleine Beispieldatei schreiben (12 Anfragen, 2 davon schlagen in der Sandbox absichtlich fehl) und öffnen</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::BuilderDialog</name>
    <message>
        <source>Row %1 (line %2): </source>
        <translation>Zeile %1 (Textzeile %2): </translation>
    </message>
    <message>
        <source>Line %1: </source>
        <translation>Zeile %1: </translation>
    </message>
    <message>
        <source>First row names the columns</source>
        <translation>Erste Zeile enthält die Spaltennamen</translation>
    </message>
    <message>
        <source>&amp;System message:</source>
        <translation>&amp;Systemnachricht:</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <source>Top p</source>
        <translation>Top p</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensionen</translation>
    </message>
    <message>
        <source>Allow empty cells (warn instead of refusing)</source>
        <translation>Leere Zellen erlauben (warnen statt ablehnen)</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>E&amp;rstellen</translation>
    </message>
    <message>
        <source>&amp;Open in Validate</source>
        <translation>In „Prüfen“ ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Submit as &amp;job</source>
        <translation>Als &amp;Job übermitteln</translation>
    </message>
    <message>
        <source>Build Batch from CSV</source>
        <translation>Batch aus CSV erstellen</translation>
    </message>
    <message>
        <source>Choose a CSV or TSV file…</source>
        <translation>CSV- oder TSV-Datei wählen…</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>Komma ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>Semikolon ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Pipe |</source>
        <translation>Pipe |</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>First rows of the CSV</source>
        <translation>Erste Zeilen der CSV-Datei</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Trennzeichen:</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Chat completions</source>
        <translation>Chat Completions</translation>
    </message>
    <message>
        <source>Completions</source>
        <translation>Completions</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <source>model id, e.g. meta-llama/Meta-Llama-3.1-8B-Instruct</source>
        <translation>Modell-ID, z. B. meta-llama/Meta-Llama-3.1-8B-Instruct</translation>
    </message>
    <message>
        <source>Optional, e.g. You are a careful analyst. Answer in one word.</source>
        <translation>Optional, z. B. Du bist ein sorgfältiger Analyst. Antworte mit einem Wort.</translation>
    </message>
    <message>
        <source>e.g. Classify the sentiment of this review: {{review}}</source>
        <translation>z. B. Bestimme die Stimmung dieser Rezension: {{review}}</translation>
    </message>
    <message>
        <source>Insert column</source>
        <translation>Spalte einfügen</translation>
    </message>
    <message>
        <source>(open a CSV first)</source>
        <translation>(zuerst eine CSV-Datei öffnen)</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Input column:</source>
        <translation>E&amp;ingabespalte:</translation>
    </message>
    <message>
        <source>&amp;custom_id:</source>
        <translation>&amp;custom_id:</translation>
    </message>
    <message>
        <source>stop sequences, separated by |</source>
        <translation>Stoppsequenzen, getrennt durch |</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>JSON-Objekt</translation>
    </message>
    <message>
        <source>JSON schema</source>
        <translation>JSON-Schema</translation>
    </message>
    <message>
        <source>JSON schema, e.g. {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</source>
        <translation>JSON-Schema, z. B. {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</translation>
    </message>
    <message>
        <source>extra JSON merged into each body, e.g. {&quot;seed&quot;: 7}</source>
        <translation>zusätzliches JSON für jeden Body, z. B. {&quot;seed&quot;: 7}</translation>
    </message>
    <message>
        <source>Sto&amp;p:</source>
        <translation>S&amp;topp:</translation>
    </message>
    <message>
        <source>&amp;Response format:</source>
        <translation>&amp;Antwortformat:</translation>
    </message>
    <message>
        <source>E&amp;xtra JSON:</source>
        <translation>E&amp;xtra-JSON:</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>row </source>
        <translation>Zeile </translation>
    </message>
    <message>
        <source>Request JSON of the selected row</source>
        <translation>Anfrage-JSON der gewählten Zeile</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Request of</source>
        <translation>Anfrage von</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <source>where to write the .jsonl</source>
        <translation>Speicherort der .jsonl-Datei</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Write the batch file</source>
        <translation>Batch-Datei schreiben</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>Aus&amp;gabe:</translation>
    </message>
    <message>
        <source>Open a spreadsheet</source>
        <translation>Tabelle öffnen</translation>
    </message>
    <message>
        <source>CSV and TSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV- und TSV-Dateien (*.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>Das Lesen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>Pipe</translation>
    </message>
    <message>
        <source>(use the template above)</source>
        <translation>(die Vorlage oben verwenden)</translation>
    </message>
    <message>
        <source>Generate row-1, row-2, …</source>
        <translation>row-1, row-2, … erzeugen</translation>
    </message>
    <message>
        <source>From column “%1”</source>
        <translation>Aus Spalte „%1“</translation>
    </message>
    <message>
        <source>&amp;User message:</source>
        <translation>Be&amp;nutzernachricht:</translation>
    </message>
    <message>
        <source>Input &amp;template:</source>
        <translation>Eingabe&amp;vorlage:</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>&amp;Prompt:</translation>
    </message>
    <message>
        <source>Open a CSV file to see the requests it becomes.</source>
        <translation>Öffnen Sie eine CSV-Datei, um die daraus entstehenden Anfragen zu sehen.</translation>
    </message>
    <message>
        <source>Fix the problems below to see the request.</source>
        <translation>Beheben Sie die Probleme unten, um die Anfrage zu sehen.</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>Fehler: </translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>… more problems not listed</source>
        <translation>… weitere Probleme nicht aufgeführt</translation>
    </message>
    <message>
        <source>No problems found so far.</source>
        <translation>Bisher keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>Choose where to write the .jsonl first.</source>
        <translation>Wählen Sie zuerst, wohin die .jsonl-Datei geschrieben wird.</translation>
    </message>
    <message>
        <source>Checking every row and writing…</source>
        <translation>Alle Zeilen werden geprüft und geschrieben…</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Es wurde nichts geschrieben: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%2 requests in %n file(s)).</source>
        <translation>
            <numerusform>%1 geschrieben (%2 Anfragen in %n Datei).</numerusform>
            <numerusform>%1 geschrieben (%2 Anfragen in %n Dateien).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Submit %n batches as a &amp;job</source>
        <translation>
            <numerusform>%n Batch als &amp;Job übermitteln</numerusform>
            <numerusform>%n Batches als &amp;Job übermitteln</numerusform>
        </translation>
    </message>
    <message>
        <source>Build &amp;&amp; &amp;Submit…</source>
        <translation>Erstellen &amp;&amp; &amp;senden…</translation>
    </message>
    <message>
        <source>Write the file, then go straight to creating the batch</source>
        <translation>Die Datei schreiben und direkt den Batch erstellen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s), %1 columns, %2-separated, %3</source>
        <translation>
            <numerusform>%Ln Zeile, %1 Spalten, Trennzeichen %2, %3</numerusform>
            <numerusform>%Ln Zeilen, %1 Spalten, Trennzeichen %2, %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was written: %Ln error(s) must be fixed first.</source>
        <translation>
            <numerusform>Es wurde nichts geschrieben: %Ln Fehler muss zuerst behoben werden.</numerusform>
            <numerusform>Es wurde nichts geschrieben: %Ln Fehler müssen zuerst behoben werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>First rows of the table</source>
        <translation>Erste Zeilen der Tabelle</translation>
    </message>
    <message>
        <source>Reading the results…</source>
        <translation>Die Ergebnisse werden gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s), %1 columns</source>
        <translation>
            <numerusform>%Ln Zeile, %1 Spalten</numerusform>
            <numerusform>%Ln Zeilen, %1 Spalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n answer column(s) from the JSON answers</source>
        <translation>
            <numerusform>; %n Antwortspalte aus den JSON-Antworten</numerusform>
            <numerusform>; %n Antwortspalten aus den JSON-Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n answer(s) are not JSON (their answer cells are empty)</source>
        <translation>
            <numerusform>; %n Antwort ist kein JSON (ihre Antwortzellen sind leer)</numerusform>
            <numerusform>; %n Antworten sind kein JSON (ihre Antwortzellen sind leer)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n request(s) without a successful answer left out</source>
        <translation>
            <numerusform>; %n Anfrage ohne erfolgreiche Antwort weggelassen</numerusform>
            <numerusform>; %n Anfragen ohne erfolgreiche Antwort weggelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>; with the columns of %1</source>
        <translation>; mit den Spalten von %1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::CostEstimateView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop counting the tokens</source>
        <translation>Das Zählen der Tokens abbrechen</translation>
    </message>
    <message>
        <source>Prices…</source>
        <translation>Preise…</translation>
    </message>
    <message>
        <source>Input tokens:</source>
        <translation>Eingabe-Tokens:</translation>
    </message>
    <message>
        <source>Output tokens:</source>
        <translation>Ausgabe-Tokens:</translation>
    </message>
    <message>
        <source>Estimated cost:</source>
        <translation>Geschätzte Kosten:</translation>
    </message>
    <message>
        <source>Counting the tokens of %1…</source>
        <translation>Tokens von %1 werden gezählt…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>The cost estimate was cancelled.</source>
        <translation>Die Kostenschätzung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The cost could not be estimated: %1</source>
        <translation>Die Kosten konnten nicht geschätzt werden: %1</translation>
    </message>
    <message>
        <source>%1, exact</source>
        <translation>%1, exakt</translation>
    </message>
    <message>
        <source>%1, ±%2 %</source>
        <translation>%1, ±%2 %</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Counted with %1, the tokenizer of %2, with the chat format&apos;s tokens per message.</source>
        <translation>Gezählt mit %1, dem Tokenizer von %2, einschließlich der Tokens pro Nachricht des Chat-Formats.</translation>
    </message>
    <message>
        <source>%1 has no published tokenizer here: counted with %2. Measured on a sample, the total was off by %3 % and single requests by up to %4 % (95th percentile).</source>
        <translation>Für %1 gibt es hier keinen veröffentlichten Tokenizer: gezählt mit %2. An einer Stichprobe gemessen, wich die Summe um %3 % ab und einzelne Anfragen um bis zu %4 % (95. Perzentil).</translation>
    </message>
    <message>
        <source>Counted with %1; its error is not measured for %2.</source>
        <translation>Gezählt mit %1; seine Abweichung ist für %2 nicht gemessen.</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message numerus="yes">
        <source>not bounded: %n request(s) set no max_tokens</source>
        <translation>
            <numerusform>unbegrenzt: %n Anfrage setzt kein max_tokens</numerusform>
            <numerusform>unbegrenzt: %n Anfragen setzen kein max_tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %1, + %n request(s) without max_tokens</source>
        <translation>
            <numerusform>höchstens %1, + %n Anfrage ohne max_tokens</numerusform>
            <numerusform>höchstens %1, + %n Anfragen ohne max_tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>The answers can be at most as long as each request&apos;s max_tokens; a request without it can answer up to the model&apos;s limit.</source>
        <translation>Die Antworten sind höchstens so lang wie das max_tokens der jeweiligen Anfrage; eine Anfrage ohne max_tokens kann bis zur Grenze des Modells antworten.</translation>
    </message>
    <message>
        <source>%1 at most</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <source>%1 + the unbounded answers</source>
        <translation>%1 + die unbegrenzten Antworten</translation>
    </message>
    <message>
        <source>input %1 + output up to %2</source>
        <translation>Eingabe %1 + Ausgabe bis zu %2</translation>
    </message>
    <message>
        <source>%1 · batch price %2 / %3 per M tokens (%4 % off) · %5</source>
        <translation>%1 · Batch-Preis %2 / %3 pro Mio. Tokens (%4 % Rabatt) · %5</translation>
    </message>
    <message>
        <source>edited %1</source>
        <translation>bearbeitet am %1</translation>
    </message>
    <message>
        <source>snapshot of %1</source>
        <translation>Snapshot vom %1</translation>
    </message>
    <message>
        <source>The price of %1 you entered on %2.</source>
        <translation>Der Preis für %1, den Sie am %2 eingegeben haben.</translation>
    </message>
    <message>
        <source>The price of %1 in the snapshot of %2, typed in by hand, not fetched: check the provider&apos;s pricing page.</source>
        <translation>Der Preis für %1 im Snapshot vom %2, von Hand eingetragen, nicht abgerufen: Prüfen Sie die Preisseite des Anbieters.</translation>
    </message>
    <message>
        <source>Real-time %1 input / %2 output per million tokens, less the batch discount of %3 %.</source>
        <translation>Echtzeit: %1 Eingabe / %2 Ausgabe pro Million Tokens, abzüglich des Batch-Rabatts von %3 %.</translation>
    </message>
    <message>
        <source>The input at the batch price, plus every answer as long as its max_tokens: the most the batch can cost.</source>
        <translation>Die Eingabe zum Batch-Preis plus jede Antwort in der vollen Länge ihres max_tokens: das Höchste, was der Batch kosten kann.</translation>
    </message>
    <message>
        <source>Requests without max_tokens can answer at length: their answers are not in this sum.</source>
        <translation>Anfragen ohne max_tokens können ausführlich antworten: Ihre Antworten sind in dieser Summe nicht enthalten.</translation>
    </message>
    <message>
        <source>Check or change the price of %1</source>
        <translation>Den Preis für %1 prüfen oder ändern</translation>
    </message>
    <message>
        <source>No model in the file to price</source>
        <translation>Kein Modell in der Datei, für das ein Preis gesucht werden kann</translation>
    </message>
    <message>
        <source>No price for %1</source>
        <translation>Kein Preis für %1</translation>
    </message>
    <message>
        <source>Add its price to see the cost and to set a budget.</source>
        <translation>Fügen Sie seinen Preis hinzu, um die Kosten zu sehen und ein Budget festzulegen.</translation>
    </message>
    <message>
        <source>Set Price…</source>
        <translation>Preis festlegen…</translation>
    </message>
    <message>
        <source>Open the price table on %1</source>
        <translation>Die Preistabelle bei %1 öffnen</translation>
    </message>
    <message numerus="yes">
        <source>Includes %n image(s) at %1 tokens each (a 1024×1024 image at high detail).</source>
        <translation>
            <numerusform>Enthält %n Bild zu %1 Tokens (ein 1024×1024-Bild in hoher Detailstufe).</numerusform>
            <numerusform>Enthält %n Bilder zu je %1 Tokens (ein 1024×1024-Bild in hoher Detailstufe).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::CreateBatchDialog</name>
    <message>
        <source>Create Batch</source>
        <translation>Batch erstellen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — 1 request, sent to &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — 1 Anfrage, gesendet an &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %3 requests, sent to &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %3 Anfragen, gesendet an &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Every request of the file uses this endpoint.</source>
        <translation>Jede Anfrage der Datei verwendet diesen Endpunkt.</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>e.g. nightly eval, labels v2</source>
        <translation>z. B. Nacht-Evaluation, Labels v2</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation>6 Stunden</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>14 days</source>
        <translation>14 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>How long the provider keeps the output and error files.</source>
        <translation>Wie lange der Anbieter die Ausgabe- und Fehlerdateien aufbewahrt.</translation>
    </message>
    <message>
        <source>Add Pair</source>
        <translation>Paar hinzufügen</translation>
    </message>
    <message>
        <source>Upload and Create</source>
        <translation>Hochladen und erstellen</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>Completion &amp;window:</source>
        <translation>&amp;Zeitfenster:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Output &amp;expiry:</source>
        <translation>&amp;Aufbewahrung:</translation>
    </message>
    <message>
        <source>Metadata:</source>
        <translation>Metadaten:</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Remove this pair</source>
        <translation>Dieses Paar entfernen</translation>
    </message>
    <message>
        <source>The description has %1 characters; at most %2 are allowed.</source>
        <translation>Die Beschreibung hat %1 Zeichen; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>A value has no key.</source>
        <translation>Ein Wert hat keinen Schlüssel.</translation>
    </message>
    <message>
        <source>The key “%1…” has %2 characters; at most %3 are allowed.</source>
        <translation>Der Schlüssel „%1…“ hat %2 Zeichen; höchstens %3 sind erlaubt.</translation>
    </message>
    <message>
        <source>The value of “%1” has %2 characters; at most %3 are allowed.</source>
        <translation>Der Wert von „%1“ hat %2 Zeichen; höchstens %3 sind erlaubt.</translation>
    </message>
    <message>
        <source>“%1” is reserved for Batchdesk.</source>
        <translation>„%1“ ist für Batchdesk reserviert.</translation>
    </message>
    <message>
        <source>The key “%1” is used twice.</source>
        <translation>Der Schlüssel „%1“ wird zweimal verwendet.</translation>
    </message>
    <message>
        <source>%1 metadata pairs; at most %2 are allowed (the 16th identifies the submission).</source>
        <translation>%1 Metadatenpaare; höchstens %2 sind erlaubt (das 16. kennzeichnet die Übermittlung).</translation>
    </message>
    <message>
        <source>%1 of %2 pairs used (the description counts as one)</source>
        <translation>%1 von %2 Paaren belegt (die Beschreibung zählt als eines)</translation>
    </message>
    <message>
        <source>“description” is set by the Description field.</source>
        <translation>„description“ wird über das Feld „Beschreibung“ gesetzt.</translation>
    </message>
    <message>
        <source>When every batch of the job has finished, the requests that did not succeed (failed, expired, cancelled or missing) are submitted again, as often as chosen. The results table shows the latest result of each request.</source>
        <translation>Wenn alle Batches des Jobs beendet sind, werden die nicht erfolgreichen Anfragen (fehlgeschlagen, abgelaufen, abgebrochen oder fehlend) so oft wie gewählt erneut übermittelt. Die Ergebnistabelle zeigt das neueste Ergebnis jeder Anfrage.</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <source>%1 metadata pairs; at most %2 are allowed (Batchdesk adds 4 to each part of a job).</source>
        <translation>%1 Metadatenpaare; höchstens %2 sind erlaubt (Batchdesk fügt jedem Teil eines Jobs 4 hinzu).</translation>
    </message>
    <message>
        <source>Retry failed requests automatically:</source>
        <translation>Fehlgeschlagene Anfragen automatisch wiederholen:</translation>
    </message>
    <message numerus="yes">
        <source>up to %n round(s)</source>
        <translation>
            <numerusform>bis zu %n Runde</numerusform>
            <numerusform>bis zu %n Runden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>The account the batches go to. Another account takes the job over when Batchdesk switches to it.</source>
        <translation>Das Konto, an das die Batches gehen. Ein anderes Konto übernimmt den Job, sobald Batchdesk zu ihm wechselt.</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>The most this may cost, in US dollars: Batchdesk refuses to submit when the estimate (input, and answers up to max_tokens) is above it. A job keeps it for its retry rounds.</source>
        <translation>Der Höchstbetrag in US-Dollar: Batchdesk übermittelt nicht, wenn die Schätzung (Eingabe und Antworten bis max_tokens) darüber liegt. Ein Job hält ihn auch in seinen Wiederholungsrunden ein.</translation>
    </message>
    <message>
        <source>US dollars, optional: refused above it</source>
        <translation>US-Dollar, optional: darüber wird abgelehnt</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Kosten:</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>&amp;Budget:</translation>
    </message>
    <message>
        <source>The budget “%1” is not an amount of dollars above 0.</source>
        <translation>Das Budget „%1“ ist kein Dollarbetrag über 0.</translation>
    </message>
    <message>
        <source>There is no cost estimate to check the budget against.</source>
        <translation>Es gibt keine Kostenschätzung, mit der das Budget geprüft werden kann.</translation>
    </message>
    <message>
        <source>Waiting for the cost estimate to check the budget of %1…</source>
        <translation>Warten auf die Kostenschätzung, um das Budget von %1 zu prüfen…</translation>
    </message>
    <message>
        <source>Some requests set no max_tokens: their answers are not in the estimate.</source>
        <translation>Einige Anfragen setzen kein max_tokens: Ihre Antworten sind nicht in der Schätzung enthalten.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::DropOverlay</name>
    <message>
        <source>Drop to validate</source>
        <translation>Zum Prüfen ablegen</translation>
    </message>
    <message>
        <source>This cannot be opened</source>
        <translation>Das kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::FilesPage</name>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <source>DeepInfra allows 2 GB of files per user, results included.</source>
        <translation>DeepInfra erlaubt 2 GB an Dateien pro Benutzer, Ergebnisse eingeschlossen.</translation>
    </message>
    <message>
        <source>Delete the file %1 from the server? Batches that use it can no longer be downloaded.</source>
        <translation>Die Datei %1 vom Server löschen? Batches, die sie verwenden, können dann nicht mehr heruntergeladen werden.</translation>
    </message>
    <message>
        <source>Delete these %1 files from the server? Batches that use them can no longer be downloaded.</source>
        <translation>Diese %1 Dateien vom Server löschen? Batches, die sie verwenden, können dann nicht mehr heruntergeladen werden.</translation>
    </message>
    <message>
        <source>Delete Files</source>
        <translation>Dateien löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Delete Unused Uploads…</source>
        <translation>Ungenutzte Uploads löschen…</translation>
    </message>
    <message numerus="yes">
        <source>%n uploaded input file(s) (%1) were not used by any batch: a submission failed or was interrupted after the upload.</source>
        <translation>
            <numerusform>%n hochgeladene Eingabedatei (%1) wurde von keinem Batch verwendet: Eine Übermittlung ist nach dem Upload fehlgeschlagen oder wurde unterbrochen.</numerusform>
            <numerusform>%n hochgeladene Eingabedateien (%1) wurden von keinem Batch verwendet: Eine Übermittlung ist nach dem Upload fehlgeschlagen oder wurde unterbrochen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Unused Uploads</source>
        <translation>Ungenutzte Uploads löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n upload(s) that no batch uses from the server?

%1</source>
        <translation>
            <numerusform>%n Upload, den kein Batch verwendet, vom Server löschen?

%1</numerusform>
            <numerusform>%n Uploads, die kein Batch verwendet, vom Server löschen?

%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::IdField</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::JobsPage</name>
    <message>
        <source>Cancel &amp;Job…</source>
        <translation>&amp;Job abbrechen…</translation>
    </message>
    <message>
        <source>Cancel &amp;Part…</source>
        <translation>&amp;Teil abbrechen…</translation>
    </message>
    <message>
        <source>Retry &amp;Failed…</source>
        <translation>&amp;Fehlgeschlagene wiederholen…</translation>
    </message>
    <message>
        <source>Open &amp;Results</source>
        <translation>&amp;Ergebnisse öffnen</translation>
    </message>
    <message>
        <source>Show &amp;Batch</source>
        <translation>&amp;Batch anzeigen</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <source>Drop the queued parts and cancel the running batches of the job</source>
        <translation>Die wartenden Teile verwerfen und die laufenden Batches des Jobs abbrechen</translation>
    </message>
    <message>
        <source>Cancel part</source>
        <translation>Teil abbrechen</translation>
    </message>
    <message>
        <source>Drop a part that is still waiting: it is not submitted</source>
        <translation>Einen noch wartenden Teil verwerfen: Er wird nicht übermittelt</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Submit the parts of a stopped job again</source>
        <translation>Die Teile eines angehaltenen Jobs erneut übermitteln</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Submit the requests of the job that did not succeed again</source>
        <translation>Die nicht erfolgreichen Anfragen des Jobs erneut übermitteln</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Show every request of the job joined to its result</source>
        <translation>Jede Anfrage des Jobs mit ihrem Ergebnis anzeigen</translation>
    </message>
    <message>
        <source>Show batch</source>
        <translation>Batch anzeigen</translation>
    </message>
    <message>
        <source>Select the part&apos;s batch in the batch list</source>
        <translation>Den Batch des Teils in der Batch-Liste auswählen</translation>
    </message>
    <message>
        <source>No jobs yet</source>
        <translation>Noch keine Jobs</translation>
    </message>
    <message>
        <source>A file too large for one batch, or a CSV built into several files, is submitted as a job: its parts wait here until the provider has room for them, and go on after a restart.</source>
        <translation>Eine Datei, die für einen Batch zu groß ist, oder eine CSV, aus der mehrere Dateien erstellt wurden, wird als Job übermittelt: Die Teile warten hier, bis der Anbieter Platz für sie hat, und laufen nach einem Neustart weiter.</translation>
    </message>
    <message>
        <source>Open a File…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>Build from CSV…</source>
        <translation>Aus CSV erstellen…</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n Job</numerusform>
            <numerusform>%n Jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) running</source>
        <translation>
            <numerusform>%n Teil läuft</numerusform>
            <numerusform>%n Teile laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for a free slot</source>
        <translation>
            <numerusform>%n wartet auf einen freien Platz</numerusform>
            <numerusform>%n warten auf einen freien Platz</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n batch(es) at once</source>
        <translation>
            <numerusform>höchstens %n Batch gleichzeitig</numerusform>
            <numerusform>höchstens %n Batches gleichzeitig</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel job %1 (%2)?</source>
        <translation>Job %1 (%2) abbrechen?</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting part(s) will not be submitted.</source>
        <translation>
            <numerusform>%n wartender Teil wird nicht übermittelt.</numerusform>
            <numerusform>%n wartende Teile werden nicht übermittelt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running batch(es) will be cancelled; finished requests keep their results.</source>
        <translation>
            <numerusform>%n laufender Batch wird abgebrochen; fertige Anfragen behalten ihre Ergebnisse.</numerusform>
            <numerusform>%n laufende Batches werden abgebrochen; fertige Anfragen behalten ihre Ergebnisse.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Cancel Part</source>
        <translation>Teil abbrechen</translation>
    </message>
    <message>
        <source>Keep It</source>
        <translation>Behalten</translation>
    </message>
    <message numerus="yes">
        <source>Cancel part %1 of job %2? It is not submitted: its %n request(s) get no results.</source>
        <translation>
            <numerusform>Teil %1 von Job %2 abbrechen? Er wird nicht übermittelt: Seine %n Anfrage erhält kein Ergebnis.</numerusform>
            <numerusform>Teil %1 von Job %2 abbrechen? Er wird nicht übermittelt: Seine %n Anfragen erhalten keine Ergebnisse.</numerusform>
        </translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Fort&amp;setzen</translation>
    </message>
    <message>
        <source>Finish the Rest in Real &amp;Time…</source>
        <translation>&amp;Rest in Echtzeit abschließen…</translation>
    </message>
    <message>
        <source>Finish in real time</source>
        <translation>In Echtzeit abschließen</translation>
    </message>
    <message>
        <source>Run the requests of the job without a result on a “Run here” account, now or by a policy</source>
        <translation>Die Anfragen des Jobs ohne Ergebnis auf einem „Run here“-Konto ausführen, sofort oder nach einer Regel</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System Default</source>
        <translation>&amp;Systemstandard</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language takes effect after you restart Batchdesk.</source>
        <translation>Die neue Sprache gilt nach einem Neustart von Batchdesk.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Batchdesk</source>
        <translation>Batchdesk</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a JSONL batch input file and validate it</source>
        <translation>Eine JSONL-Batch-Eingabedatei öffnen und prüfen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>&amp;New Batch…</source>
        <translation>&amp;Neuer Batch…</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>Neuer Batch</translation>
    </message>
    <message>
        <source>Choose a JSONL file, validate it and create a batch from it</source>
        <translation>Eine JSONL-Datei wählen, prüfen und daraus einen Batch erstellen</translation>
    </message>
    <message>
        <source>&amp;Validate Again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>Validate again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>&amp;Cancel Validation</source>
        <translation>Prüfung &amp;abbrechen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the batches and files of the account now</source>
        <translation>Batches und Dateien des Kontos jetzt aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Cancel Batch…</source>
        <translation>Batch a&amp;bbrechen…</translation>
    </message>
    <message>
        <source>Stop the selected batch; finished requests keep their results</source>
        <translation>Den gewählten Batch stoppen; fertige Anfragen behalten ihre Ergebnisse</translation>
    </message>
    <message>
        <source>&amp;Download Results…</source>
        <translation>Ergebnisse &amp;herunterladen…</translation>
    </message>
    <message>
        <source>Download results</source>
        <translation>Ergebnisse herunterladen</translation>
    </message>
    <message>
        <source>Open &amp;Results</source>
        <translation>&amp;Ergebnisse öffnen</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Show every request of the selected batch joined to its result</source>
        <translation>Jede Anfrage des gewählten Batches zusammen mit ihrem Ergebnis anzeigen</translation>
    </message>
    <message>
        <source>Copy Batch &amp;ID</source>
        <translation>Batch-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Show &amp;Input File</source>
        <translation>Eingabe&amp;datei anzeigen</translation>
    </message>
    <message>
        <source>&amp;Find Batches</source>
        <translation>Batches &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit Account…</source>
        <translation>Konto &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove Account…</source>
        <translation>Konto &amp;entfernen…</translation>
    </message>
    <message>
        <source>&amp;Batches</source>
        <translation>&amp;Batches</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>&amp;Ergebnisse</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Dateien</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Batchdesk</source>
        <translation>Ü&amp;ber Batchdesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>Ba&amp;tch</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Show &amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Status Bar</source>
        <translation>Status&amp;leiste anzeigen</translation>
    </message>
    <message>
        <source>1 more file is waiting; it opens after this one is submitted.</source>
        <translation>1 weitere Datei wartet; sie wird nach der Übermittlung dieser Datei geöffnet.</translation>
    </message>
    <message>
        <source>%1 more files are waiting; each opens after the previous one is submitted.</source>
        <translation>%1 weitere Dateien warten; jede wird nach der Übermittlung der vorherigen geöffnet.</translation>
    </message>
    <message>
        <source>Next File</source>
        <translation>Nächste Datei</translation>
    </message>
    <message>
        <source>Open Batch Input File</source>
        <translation>Batch-Eingabedatei öffnen</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl *.jsonl.txt *.ndjson);;All files (*)</source>
        <translation>JSON-Lines-Dateien (*.jsonl *.jsonl.txt *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Batchdesk</source>
        <translation>Über Batchdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Batchdesk %1&lt;/h3&gt;&lt;p&gt;A desktop client for OpenAI-compatible Batch APIs: validate, submit and monitor batch jobs and work with their results.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Licensed under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Batchdesk %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Client für OpenAI-kompatible Batch-APIs: Batch-Jobs prüfen, übermitteln und überwachen und mit ihren Ergebnissen arbeiten.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2. Lizenziert unter der MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Batchdesk</source>
        <translation>%1 — Batchdesk</translation>
    </message>
    <message>
        <source>%1 is a folder; drop a .jsonl file</source>
        <translation>%1 ist ein Ordner; legen Sie eine .jsonl-Datei ab</translation>
    </message>
    <message>
        <source>Upload Running</source>
        <translation>Upload läuft</translation>
    </message>
    <message>
        <source>A file is being uploaded for a new batch. Quit anyway? The upload is cancelled and no batch is created.</source>
        <translation>Eine Datei wird für einen neuen Batch hochgeladen. Trotzdem beenden? Der Upload wird abgebrochen und kein Batch erstellt.</translation>
    </message>
    <message>
        <source>No account is connected. Select an account in the sidebar (or add one) and try again.</source>
        <translation>Kein Konto verbunden. Wählen Sie in der Seitenleiste ein Konto (oder fügen Sie eines hinzu) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Batch %1 was created from %2 and is being monitored.</source>
        <translation>Der Batch %1 wurde aus %2 erstellt und wird überwacht.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Cancel Batch</source>
        <translation>Batch abbrechen</translation>
    </message>
    <message>
        <source>Cancel the batch %1? Requests that already finished keep their results; the others are not run.</source>
        <translation>Den Batch %1 abbrechen? Bereits fertige Anfragen behalten ihre Ergebnisse; die übrigen werden nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Save Results To</source>
        <translation>Ergebnisse speichern unter</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>The input file of %1 is not known: it was not submitted from this computer.</source>
        <translation>Die Eingabedatei von %1 ist unbekannt: Sie wurde nicht von diesem Computer übermittelt.</translation>
    </message>
    <message>
        <source>The input file %1 no longer exists.</source>
        <translation>Die Eingabedatei %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its key is deleted from the keychain and its cached batches are forgotten; nothing is deleted on the server.</source>
        <translation>Das Konto „%1“ entfernen? Sein Schlüssel wird aus dem Schlüsselbund gelöscht und seine zwischengespeicherten Batches werden vergessen; auf dem Server wird nichts gelöscht.</translation>
    </message>
    <message>
        <source>Batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <source> — %1 of %2 succeeded</source>
        <translation> — %1 von %2 erfolgreich</translation>
    </message>
    <message>
        <source>&amp;Build from CSV…</source>
        <translation>Aus &amp;CSV erstellen…</translation>
    </message>
    <message>
        <source>From CSV</source>
        <translation>Aus CSV</translation>
    </message>
    <message>
        <source>Turn a spreadsheet and a prompt template into batch files</source>
        <translation>Aus einer Tabelle und einer Prompt-Vorlage Batch-Dateien erstellen</translation>
    </message>
    <message>
        <source>Cancel &amp;Job…</source>
        <translation>&amp;Job abbrechen…</translation>
    </message>
    <message>
        <source>Stop every running batch of the selected batch&apos;s job</source>
        <translation>Alle laufenden Batches des Jobs anhalten, zu dem der gewählte Batch gehört</translation>
    </message>
    <message>
        <source>No account is connected. Select an account in the sidebar and try again.</source>
        <translation>Kein Konto verbunden. Wählen Sie in der Seitenleiste ein Konto und versuchen Sie es erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Create a Job of %n Batch(es)</source>
        <translation>
            <numerusform>Job aus %n Batch erstellen</numerusform>
            <numerusform>Job aus %n Batches erstellen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <source>Wrote %1. Check it and choose “Create Batch”: its results will join the results of %2.</source>
        <translation>%1 geschrieben. Prüfen Sie die Datei und wählen Sie „Batch erstellen“: Ihre Ergebnisse werden mit denen von %2 verknüpft.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Third-party components:</source>
        <translation>Komponenten von Drittanbietern:</translation>
    </message>
    <message>
        <source>Retry Now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Keep Uploading</source>
        <translation>Weiter hochladen</translation>
    </message>
    <message>
        <source>%1 is validated again against the limits of %2 (account “%3”).</source>
        <translation>%1 wird erneut gegen die Grenzen von %2 geprüft (Konto „%3“).</translation>
    </message>
    <message>
        <source>Checking whether %1 was submitted before…</source>
        <translation>Prüfe, ob %1 schon einmal gesendet wurde…</translation>
    </message>
    <message>
        <source>Already Submitted</source>
        <translation>Bereits gesendet</translation>
    </message>
    <message>
        <source>%1 was already submitted with this account: batch %2, created %3 (%4). Submit the same requests again as a new batch?</source>
        <translation>%1 wurde mit diesem Konto bereits gesendet: Batch %2, erstellt %3 (%4). Dieselben Anfragen erneut als neuen Batch senden?</translation>
    </message>
    <message>
        <source>Submit Again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Show Earlier Batch</source>
        <translation>Früheren Batch zeigen</translation>
    </message>
    <message>
        <source>Create Batch</source>
        <translation>Batch erstellen</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Keep It</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>A sample batch of 12 requests; 2 of them fail on purpose in the sandbox. Choose “Create Batch” to run it, then open its results.</source>
        <translation>Ein Beispiel-Batch mit 12 Anfragen; 2 davon schlagen in der Sandbox absichtlich fehl. Wählen Sie „Batch erstellen“, um ihn auszuführen, und öffnen Sie dann seine Ergebnisse.</translation>
    </message>
    <message>
        <source>A sample batch of 12 requests. Choose “Create Batch” to run it with this account, then open its results.</source>
        <translation>Ein Beispiel-Batch mit 12 Anfragen. Wählen Sie „Batch erstellen“, um ihn mit diesem Konto auszuführen, und öffnen Sie dann seine Ergebnisse.</translation>
    </message>
    <message>
        <source>Splitting %1 into batches…</source>
        <translation>%1 wird in Batches aufgeteilt…</translation>
    </message>
    <message>
        <source>The file could not be split: %1</source>
        <translation>Die Datei konnte nicht aufgeteilt werden: %1</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Jobs</translation>
    </message>
    <message>
        <source>The job could not be recorded: %1</source>
        <translation>Der Job konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Job %1: %n part(s) are submitted as the provider allows, %2 at a time.</source>
        <translation>
            <numerusform>Job %1: %n Teil wird übermittelt, sobald der Anbieter es zulässt, %2 gleichzeitig.</numerusform>
            <numerusform>Job %1: %n Teile werden übermittelt, wie der Anbieter es zulässt, %2 gleichzeitig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Job %1: %n part(s) are being submitted, one upload after the other.</source>
        <translation>
            <numerusform>Job %1: %n Teil wird übermittelt.</numerusform>
            <numerusform>Job %1: %n Teile werden übermittelt, ein Upload nach dem anderen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel every running batch of %1 (%n batch(es)) and the parts still waiting? Finished requests keep their results.</source>
        <translation>
            <numerusform>Jeden laufenden Batch von %1 (%n Batch) und die noch wartenden Teile abbrechen? Fertige Anfragen behalten ihre Ergebnisse.</numerusform>
            <numerusform>Jeden laufenden Batch von %1 (%n Batches) und die noch wartenden Teile abbrechen? Fertige Anfragen behalten ihre Ergebnisse.</numerusform>
        </translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 requests in %n batch(es)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2 Anfragen in %n Batch</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2 Anfragen in %n Batches</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 takes no %2 batches.</source>
        <translation>%1 nimmt keine %2-Batches an.</translation>
    </message>
    <message>
        <source>The parts are too large for %1 (%2 requests, %3 bytes at most a batch); open the file with that account selected to split it for its limits.</source>
        <translation>Die Teile sind zu groß für %1 (höchstens %2 Anfragen, %3 Bytes je Batch); öffnen Sie die Datei mit diesem Konto, um sie für seine Grenzen aufzuteilen.</translation>
    </message>
    <message numerus="yes">
        <source>Job %1 goes to %2: its %n part(s) are submitted as soon as the account is connected.</source>
        <translation>
            <numerusform>Job %1 geht an %2: Sein %n Teil wird übermittelt, sobald das Konto verbunden ist.</numerusform>
            <numerusform>Job %1 geht an %2: Seine %n Teile werden übermittelt, sobald das Konto verbunden ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Prices…</source>
        <translation>&amp;Preise…</translation>
    </message>
    <message>
        <source>Check and edit the prices per million tokens that the cost estimates use</source>
        <translation>Die Preise pro Million Tokens prüfen und bearbeiten, die die Kostenschätzungen verwenden</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::MessageBanner</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::PriceTableModel</name>
    <message>
        <source>Any provider</source>
        <translation>Jeder Anbieter</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Input $/M</source>
        <translation>Eingabe $/M</translation>
    </message>
    <message>
        <source>Output $/M</source>
        <translation>Ausgabe $/M</translation>
    </message>
    <message>
        <source>Batch discount</source>
        <translation>Batch-Rabatt</translation>
    </message>
    <message>
        <source>Batch input $/M</source>
        <translation>Batch-Eingabe $/M</translation>
    </message>
    <message>
        <source>Batch output $/M</source>
        <translation>Batch-Ausgabe $/M</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Real-time price of a million input (prompt) tokens, in US dollars</source>
        <translation>Echtzeitpreis für eine Million Eingabe-Tokens (Prompt), in US-Dollar</translation>
    </message>
    <message>
        <source>Real-time price of a million output (answer) tokens, in US dollars</source>
        <translation>Echtzeitpreis für eine Million Ausgabe-Tokens (Antwort), in US-Dollar</translation>
    </message>
    <message>
        <source>The provider&apos;s discount for batch requests, off the real-time prices</source>
        <translation>Der Rabatt des Anbieters für Batch-Anfragen auf die Echtzeitpreise</translation>
    </message>
    <message>
        <source>The real-time price less the batch discount: what estimates use</source>
        <translation>Der Echtzeitpreis abzüglich des Batch-Rabatts: Diesen Wert verwenden die Schätzungen</translation>
    </message>
    <message>
        <source>When the price was taken: the snapshot&apos;s date, or the day you edited it</source>
        <translation>Wann der Preis erfasst wurde: das Datum des Snapshots oder der Tag, an dem Sie ihn bearbeitet haben</translation>
    </message>
    <message>
        <source>(type the model id)</source>
        <translation>(Modell-ID eingeben)</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Snapshot %1</source>
        <translation>Snapshot %1</translation>
    </message>
    <message>
        <source>You entered or changed this price; Reset to Snapshot brings the seeded one back.</source>
        <translation>Sie haben diesen Preis eingegeben oder geändert; „Auf Snapshot zurücksetzen“ stellt den mitgelieferten wieder her.</translation>
    </message>
    <message>
        <source>“%1” is not a provider Batchdesk knows.</source>
        <translation>„%1“ ist kein Anbieter, den Batchdesk kennt.</translation>
    </message>
    <message>
        <source>A price needs the model id, as the requests name it.</source>
        <translation>Ein Preis braucht die Modell-ID, so wie die Anfragen sie nennen.</translation>
    </message>
    <message>
        <source>“%1” is not a price: type a number of dollars, 0 or more (e.g. 0.15).</source>
        <translation>„%1“ ist kein Preis: Geben Sie einen Dollarbetrag ab 0 ein (z. B. 0.15).</translation>
    </message>
    <message>
        <source>A discount is between 0 and 100 %.</source>
        <translation>Ein Rabatt liegt zwischen 0 und 100 %.</translation>
    </message>
    <message>
        <source>%1 already has a price for %2.</source>
        <translation>%1 hat bereits einen Preis für %2.</translation>
    </message>
    <message>
        <source>Row %1 has no model id yet: type it, or remove the row.</source>
        <translation>Zeile %1 hat noch keine Modell-ID: Geben Sie sie ein oder entfernen Sie die Zeile.</translation>
    </message>
    <message>
        <source>%1 has no price yet: type its input and output prices, or remove the row.</source>
        <translation>%1 hat noch keinen Preis: Geben Sie die Eingabe- und Ausgabepreise ein oder entfernen Sie die Zeile.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::PricesDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Reset to &amp;Snapshot</source>
        <translation>Auf &amp;Snapshot zurücksetzen</translation>
    </message>
    <message>
        <source>Reset &amp;All…</source>
        <translation>&amp;Alle zurücksetzen…</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Prices per million tokens, in US dollars</source>
        <translation>Preise pro Million Tokens, in US-Dollar</translation>
    </message>
    <message>
        <source>The prices Batchdesk comes with are a &lt;b&gt;snapshot of the providers&apos; list prices as of %1, typed in by hand&lt;/b&gt;. Batchdesk never fetches prices, and providers change them: check the provider&apos;s pricing page and edit a row when it differs. The estimate before submitting, the budget cap and the results&apos; totals all use this table.</source>
        <translation>Die mit Batchdesk gelieferten Preise sind ein &lt;b&gt;von Hand eingetragener Snapshot der Listenpreise der Anbieter, Stand %1&lt;/b&gt;. Batchdesk ruft nie Preise ab, und Anbieter ändern sie: Prüfen Sie die Preisseite des Anbieters und bearbeiten Sie eine Zeile, wenn sie abweicht. Die Schätzung vor dem Übermitteln, die Budgetgrenze und die Summen der Ergebnisse verwenden alle diese Tabelle.</translation>
    </message>
    <message>
        <source>Filter by provider or model</source>
        <translation>Nach Anbieter oder Modell filtern</translation>
    </message>
    <message>
        <source>Add a price for a model the table does not have</source>
        <translation>Einen Preis für ein Modell hinzufügen, das die Tabelle noch nicht hat</translation>
    </message>
    <message>
        <source>Remove the selected price: that model&apos;s cost is then unknown</source>
        <translation>Den gewählten Preis entfernen: Die Kosten dieses Modells sind dann unbekannt</translation>
    </message>
    <message>
        <source>Put the snapshot&apos;s price back for the selected model (or remove a price you added)</source>
        <translation>Für das gewählte Modell den Preis des Snapshots wiederherstellen (oder einen selbst hinzugefügten Preis entfernen)</translation>
    </message>
    <message>
        <source>Drop every edit: the table becomes the snapshot again</source>
        <translation>Alle Änderungen verwerfen: Die Tabelle wird wieder zum Snapshot</translation>
    </message>
    <message>
        <source>Changed: Save keeps the prices; Cancel drops the changes.</source>
        <translation>Geändert: „Speichern“ übernimmt die Preise; „Abbrechen“ verwirft die Änderungen.</translation>
    </message>
    <message>
        <source>Reset All Prices</source>
        <translation>Alle Preise zurücksetzen</translation>
    </message>
    <message>
        <source>Drop every price you entered or changed? The table becomes the snapshot of %1 again (when you save).</source>
        <translation>Alle Preise verwerfen, die Sie eingegeben oder geändert haben? Die Tabelle wird (beim Speichern) wieder zum Snapshot vom %1.</translation>
    </message>
    <message>
        <source>Reset All</source>
        <translation>Alle zurücksetzen</translation>
    </message>
    <message>
        <source>Keep My Prices</source>
        <translation>Meine Preise behalten</translation>
    </message>
    <message>
        <source>%1 Saving replaces the file.</source>
        <translation>%1 Beim Speichern wird die Datei ersetzt.</translation>
    </message>
    <message>
        <source>Double-click a price to change it.</source>
        <translation>Doppelklicken Sie auf einen Preis, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>Type the model id, then its prices.</source>
        <translation>Geben Sie die Modell-ID ein, dann ihre Preise.</translation>
    </message>
    <message>
        <source>No price for %1 yet: type its input and output prices per million tokens, as the provider&apos;s pricing page gives them.</source>
        <translation>Noch kein Preis für %1: Geben Sie die Eingabe- und Ausgabepreise pro Million Tokens ein, wie die Preisseite des Anbieters sie angibt.</translation>
    </message>
    <message>
        <source>The prices were not saved: %1</source>
        <translation>Die Preise wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::RealtimeFallbackDialog</name>
    <message>
        <source>&amp;New Account…</source>
        <translation>&amp;Neues Konto…</translation>
    </message>
    <message>
        <source>No&amp;w</source>
        <translation>&amp;Jetzt</translation>
    </message>
    <message>
        <source>&amp;Automatically, while the job runs:</source>
        <translation>&amp;Automatisch, solange der Job läuft:</translation>
    </message>
    <message>
        <source>a&amp;fter</source>
        <translation>na&amp;ch</translation>
    </message>
    <message>
        <source>w&amp;hen</source>
        <translation>&amp;wenn</translation>
    </message>
    <message>
        <source>Finish %1 in Real Time</source>
        <translation>%1 in Echtzeit abschließen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 of %3 requests have no result yet. They can run on a “Run here” account: on this computer, against a real-time endpoint.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 von %3 Anfragen haben noch kein Ergebnis. Sie können auf einem „Run here“-Konto laufen: auf diesem Computer, über einen Echtzeit-Endpunkt.</translation>
    </message>
    <message>
        <source>Add a “Run here” account for a real-time endpoint</source>
        <translation>Ein „Run here“-Konto für einen Echtzeit-Endpunkt hinzufügen</translation>
    </message>
    <message>
        <source>There is no “Run here” account yet. Add one for the server that is to answer the requests: vLLM, Ollama, llama.cpp, LM Studio or any OpenAI-compatible endpoint.</source>
        <translation>Es gibt noch kein „Run here“-Konto. Fügen Sie eines für den Server hinzu, der die Anfragen beantworten soll: vLLM, Ollama, llama.cpp, LM Studio oder einen beliebigen OpenAI-kompatiblen Endpunkt.</translation>
    </message>
    <message>
        <source>The running batches are cancelled; their finished answers are kept.</source>
        <translation>Die laufenden Batches werden abgebrochen; ihre fertigen Antworten bleiben erhalten.</translation>
    </message>
    <message>
        <source>The job has ended; its answers are kept.</source>
        <translation>Der Job ist beendet; seine Antworten bleiben erhalten.</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>Counted from the job&apos;s creation</source>
        <translation>Gezählt ab der Erstellung des Jobs</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Run &amp;on:</source>
        <translation>Ausführen a&amp;uf:</translation>
    </message>
    <message>
        <source>since the job was created</source>
        <translation>seit der Erstellung des Jobs</translation>
    </message>
    <message>
        <source>of the requests have ended</source>
        <translation>der Anfragen beendet sind</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Wann:</translation>
    </message>
    <message>
        <source>Only while the job runs</source>
        <translation>Nur solange der Job läuft</translation>
    </message>
    <message numerus="yes">
        <source>The running batches of this job are cancelled; their finished answers are kept; the %n request(s) without a result run on %1.</source>
        <translation>
            <numerusform>Die laufenden Batches dieses Jobs werden abgebrochen; ihre fertigen Antworten bleiben erhalten; die %n Anfrage ohne Ergebnis läuft auf %1.</numerusform>
            <numerusform>Die laufenden Batches dieses Jobs werden abgebrochen; ihre fertigen Antworten bleiben erhalten; die %n Anfragen ohne Ergebnis laufen auf %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n request(s) of this job without a result run on %1; the answers the job has are kept.</source>
        <translation>
            <numerusform>Die %n Anfrage dieses Jobs ohne Ergebnis läuft auf %1; die vorhandenen Antworten des Jobs bleiben erhalten.</numerusform>
            <numerusform>Die %n Anfragen dieses Jobs ohne Ergebnis laufen auf %1; die vorhandenen Antworten des Jobs bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No “Run here” account</source>
        <translation>Kein „Run here“-Konto</translation>
    </message>
    <message>
        <source>Finish Now</source>
        <translation>Jetzt abschließen</translation>
    </message>
    <message>
        <source>Save Policy</source>
        <translation>Regel speichern</translation>
    </message>
    <message>
        <source>Turn Policy Off</source>
        <translation>Regel ausschalten</translation>
    </message>
    <message>
        <source>Choose a “Run here” account, or add one.</source>
        <translation>Wählen Sie ein „Run here“-Konto aus oder fügen Sie eines hinzu.</translation>
    </message>
    <message>
        <source>Finish in Real Time</source>
        <translation>In Echtzeit abschließen</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::ResultsCharts</name>
    <message>
        <source>Click a bar to show its rows; click it again to show all</source>
        <translation>Klicken Sie auf einen Balken, um seine Zeilen anzuzeigen; ein erneuter Klick zeigt alle</translation>
    </message>
    <message>
        <source>Charts of the results appear here.</source>
        <translation>Hier erscheinen Diagramme der Ergebnisse.</translation>
    </message>
    <message>
        <source>Reading the answers for the charts…</source>
        <translation>Die Antworten für die Diagramme werden gelesen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The charts were not computed.</source>
        <translation>Die Diagramme wurden nicht berechnet.</translation>
    </message>
    <message>
        <source>The charts could not be computed: %1</source>
        <translation>Die Diagramme konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Compute Charts</source>
        <translation>Diagramme berechnen</translation>
    </message>
    <message>
        <source>Output tokens of the answers (%1)</source>
        <translation>Ausgabe-Tokens der Antworten (%1)</translation>
    </message>
    <message>
        <source>Output tokens: no answer reports them</source>
        <translation>Ausgabe-Tokens: keine Antwort gibt sie an</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>%1 (the %2 most frequent of %3)</source>
        <translation>%1 (die %2 häufigsten von %3)</translation>
    </message>
    <message>
        <source>Finish reasons</source>
        <translation>Beendigungsgründe</translation>
    </message>
    <message>
        <source>Finish reasons: no answer names one</source>
        <translation>Beendigungsgründe: keine Antwort nennt einen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Failures: none</source>
        <translation>Fehler: keine</translation>
    </message>
    <message>
        <source>%1 output tokens · rows: %2</source>
        <translation>%1 Ausgabe-Tokens · Zeilen: %2</translation>
    </message>
    <message>
        <source>Finish reason %1 · rows: %2</source>
        <translation>Beendigungsgrund %1 · Zeilen: %2</translation>
    </message>
    <message>
        <source>%1 · rows: %2</source>
        <translation>%1 · Zeilen: %2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::ResultsPage</name>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Joined JSONL (*.jsonl)</source>
        <translation>Verknüpftes JSONL (*.jsonl)</translation>
    </message>
    <message>
        <source>NumPy embeddings (*.npy)</source>
        <translation>NumPy-Embeddings (*.npy)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Resubmit…</source>
        <translation>Erneut senden…</translation>
    </message>
    <message>
        <source>Delete remote files…</source>
        <translation>Remote-Dateien löschen…</translation>
    </message>
    <message>
        <source>Export only the rows shown…</source>
        <translation>Nur angezeigte Zeilen exportieren…</translation>
    </message>
    <message>
        <source>Save the joined table as CSV, Excel, JSONL or NumPy</source>
        <translation>Die verknüpfte Tabelle als CSV, Excel, JSONL oder NumPy speichern</translation>
    </message>
    <message>
        <source>Write the requests that did not succeed to a new JSONL file and submit it as a new batch</source>
        <translation>Die nicht erfolgreichen Anfragen in eine neue JSONL-Datei schreiben und als neuen Batch übermitteln</translation>
    </message>
    <message>
        <source>Delete the output and error files from the provider; the copies on this computer stay</source>
        <translation>Die Ausgabe- und Fehlerdateien beim Anbieter löschen; die Kopien auf diesem Computer bleiben</translation>
    </message>
    <message>
        <source>Search requests, responses and errors…</source>
        <translation>Anfragen, Antworten und Fehler suchen…</translation>
    </message>
    <message>
        <source>Joined results</source>
        <translation>Verknüpfte Ergebnisse</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy cell</source>
        <translation>Zelle kopieren</translation>
    </message>
    <message>
        <source>Copy custom_id</source>
        <translation>custom_id kopieren</translation>
    </message>
    <message>
        <source>Copy response text</source>
        <translation>Antworttext kopieren</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Request JSON</source>
        <translation>Anfrage-JSON</translation>
    </message>
    <message>
        <source>Result JSON</source>
        <translation>Ergebnis-JSON</translation>
    </message>
    <message>
        <source>Prices…</source>
        <translation>Preise…</translation>
    </message>
    <message>
        <source>Enter the price per million tokens of this model to see the cost</source>
        <translation>Geben Sie den Preis pro Million Tokens für dieses Modell ein, um die Kosten zu sehen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Downloading the results of %1… %2</source>
        <translation>Ergebnisse von %1 werden heruntergeladen… %2</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Joined to their requests by custom_id.</source>
        <translation>Über custom_id mit ihren Anfragen verknüpft.</translation>
    </message>
    <message>
        <source>Select a finished batch and choose “Open results” (Ctrl+R), or double-click it.</source>
        <translation>Wählen Sie einen fertigen Batch und dann „Ergebnisse öffnen“ (Strg+R), oder doppelklicken Sie darauf.</translation>
    </message>
    <message>
        <source>Results of %1</source>
        <translation>Ergebnisse von %1</translation>
    </message>
    <message>
        <source>Downloading the results of %1…</source>
        <translation>Ergebnisse von %1 werden heruntergeladen…</translation>
    </message>
    <message>
        <source>The results of %1 could not be downloaded:
%2</source>
        <translation>Die Ergebnisse von %1 konnten nicht heruntergeladen werden:
%2</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>%1 has not finished yet. Its results appear here when it has.</source>
        <translation>%1 ist noch nicht fertig. Die Ergebnisse erscheinen hier, sobald er fertig ist.</translation>
    </message>
    <message>
        <source>%1 failed before it ran any request (see its errors in the Batches view): there are no results.</source>
        <translation>%1 ist fehlgeschlagen, bevor eine Anfrage lief (siehe seine Fehler in der Batch-Ansicht): Es gibt keine Ergebnisse.</translation>
    </message>
    <message>
        <source>%1 has no output or error file: there are no results to show.</source>
        <translation>%1 hat keine Ausgabe- oder Fehlerdatei: Es gibt keine Ergebnisse.</translation>
    </message>
    <message>
        <source>The input file of %1 is not known on this computer (the batch was created elsewhere).
Choose the .jsonl it was made from to join each result to its request.</source>
        <translation>Die Eingabedatei von %1 ist auf diesem Computer nicht bekannt (der Batch wurde anderswo erstellt).
Wählen Sie die .jsonl-Datei, aus der er erstellt wurde, um jedes Ergebnis mit seiner Anfrage zu verknüpfen.</translation>
    </message>
    <message>
        <source>The input file of %1 is no longer at %2.
Choose where it is now to join the results to their requests.</source>
        <translation>Die Eingabedatei von %1 liegt nicht mehr unter %2.
Wählen Sie ihren neuen Ort, um die Ergebnisse mit ihren Anfragen zu verknüpfen.</translation>
    </message>
    <message>
        <source>Choose input file…</source>
        <translation>Eingabedatei wählen…</translation>
    </message>
    <message>
        <source>Joining the results with %1…</source>
        <translation>Ergebnisse werden mit %1 verknüpft…</translation>
    </message>
    <message>
        <source>Joining was cancelled.</source>
        <translation>Das Verknüpfen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Join again</source>
        <translation>Erneut verknüpfen</translation>
    </message>
    <message>
        <source>The results could not be joined: %1</source>
        <translation>Die Ergebnisse konnten nicht verknüpft werden: %1</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>Eingabe %1</translation>
    </message>
    <message numerus="yes">
        <source>%n resubmit(s) joined; each request shows its latest result</source>
        <translation>
            <numerusform>%n erneute Übermittlung verknüpft; jede Anfrage zeigt ihr neuestes Ergebnis</numerusform>
            <numerusform>%n erneute Übermittlungen verknüpft; jede Anfrage zeigt ihr neuestes Ergebnis</numerusform>
        </translation>
    </message>
    <message>
        <source>The input file changed since the batch was submitted: results may not match these requests.</source>
        <translation>Die Eingabedatei wurde seit der Übermittlung des Batches geändert: Die Ergebnisse passen möglicherweise nicht zu diesen Anfragen.</translation>
    </message>
    <message>
        <source>All %1</source>
        <translation>Alle %1</translation>
    </message>
    <message>
        <source>%1 input tokens, %2 output tokens</source>
        <translation>%1 Eingabe-Tokens, %2 Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>cost ≈ %1</source>
        <translation>Kosten ≈ %1</translation>
    </message>
    <message>
        <source>no price entered for %1</source>
        <translation>kein Preis für %1 eingegeben</translation>
    </message>
    <message>
        <source>Select a row to see its request and response.</source>
        <translation>Wählen Sie eine Zeile, um Anfrage und Antwort zu sehen.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>not in the input file</source>
        <translation>nicht in der Eingabedatei</translation>
    </message>
    <message>
        <source>finish: %1</source>
        <translation>Ende: %1</translation>
    </message>
    <message>
        <source>%1 in / %2 out tokens</source>
        <translation>%1 ein / %2 aus Tokens</translation>
    </message>
    <message>
        <source>(empty response)</source>
        <translation>(leere Antwort)</translation>
    </message>
    <message>
        <source>(no response)</source>
        <translation>(keine Antwort)</translation>
    </message>
    <message>
        <source>(not in the input file)</source>
        <translation>(nicht in der Eingabedatei)</translation>
    </message>
    <message>
        <source>(no result line)</source>
        <translation>(keine Ergebniszeile)</translation>
    </message>
    <message>
        <source>Export the rows shown</source>
        <translation>Angezeigte Zeilen exportieren</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>No rows are shown: nothing to export.</source>
        <translation>Es werden keine Zeilen angezeigt: Nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>No request has one of the chosen outcomes: nothing to resubmit.</source>
        <translation>Keine Anfrage hat eines der gewählten Ergebnisse: Nichts erneut zu senden.</translation>
    </message>
    <message>
        <source>Resubmit requests</source>
        <translation>Anfragen erneut senden</translation>
    </message>
    <message>
        <source>Write the original request lines of these outcomes to a new JSONL file and open it for submission. Its results join back onto this table.</source>
        <translation>Die ursprünglichen Anfragezeilen dieser Ergebnisse in eine neue JSONL-Datei schreiben und zur Übermittlung öffnen. Ihre Ergebnisse werden wieder mit dieser Tabelle verknüpft.</translation>
    </message>
    <message>
        <source>Write file…</source>
        <translation>Datei schreiben…</translation>
    </message>
    <message>
        <source>Write the resubmit file</source>
        <translation>Datei zum erneuten Senden schreiben</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Prices of %1</source>
        <translation>Preise von %1</translation>
    </message>
    <message>
        <source>Real-time prices per million tokens; the batch discount is applied to them.</source>
        <translation>Echtzeitpreise pro Million Tokens; der Batch-Rabatt wird darauf angewendet.</translation>
    </message>
    <message>
        <source>&amp;Input tokens:</source>
        <translation>&amp;Eingabe-Tokens:</translation>
    </message>
    <message>
        <source>&amp;Output tokens:</source>
        <translation>&amp;Ausgabe-Tokens:</translation>
    </message>
    <message>
        <source>&amp;Batch discount:</source>
        <translation>&amp;Batch-Rabatt:</translation>
    </message>
    <message>
        <source>Delete remote files</source>
        <translation>Remote-Dateien löschen</translation>
    </message>
    <message>
        <source>Delete the output and error files of %1 from the provider?

The copies on this computer stay, so this table keeps working. The provider&apos;s storage is freed.</source>
        <translation>Die Ausgabe- und Fehlerdateien von %1 beim Anbieter löschen?

Die Kopien auf diesem Computer bleiben erhalten, diese Tabelle funktioniert also weiter. Der Speicher beim Anbieter wird frei.</translation>
    </message>
    <message>
        <source>Choose the input file of %1</source>
        <translation>Eingabedatei von %1 wählen</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Append to the original CSV…</source>
        <translation>An die ursprüngliche CSV anhängen…</translation>
    </message>
    <message>
        <source>The spreadsheet this batch was built from, with the result columns added</source>
        <translation>Die Tabelle, aus der dieser Batch erstellt wurde, ergänzt um die Ergebnisspalten</translation>
    </message>
    <message>
        <source>Append results to the CSV</source>
        <translation>Ergebnisse an die CSV anhängen</translation>
    </message>
    <message>
        <source>Show the requests that succeeded (toggle; several chips can be on)</source>
        <translation>Erfolgreiche Anfragen anzeigen (umschaltbar; mehrere Filter können gleichzeitig aktiv sein)</translation>
    </message>
    <message>
        <source>Show the requests that failed (toggle; several chips can be on)</source>
        <translation>Fehlgeschlagene Anfragen anzeigen (umschaltbar; mehrere Filter können gleichzeitig aktiv sein)</translation>
    </message>
    <message>
        <source>Show the requests that expired before they ran (toggle; several chips can be on)</source>
        <translation>Anfragen anzeigen, die vor ihrer Ausführung abgelaufen sind (umschaltbar; mehrere Filter können gleichzeitig aktiv sein)</translation>
    </message>
    <message>
        <source>Show the requests cancelled before they ran (toggle; several chips can be on)</source>
        <translation>Anfragen anzeigen, die vor ihrer Ausführung abgebrochen wurden (umschaltbar; mehrere Filter können gleichzeitig aktiv sein)</translation>
    </message>
    <message>
        <source>Show the requests without any result line (toggle; several chips can be on)</source>
        <translation>Anfragen ohne Ergebniszeile anzeigen (umschaltbar; mehrere Filter können gleichzeitig aktiv sein)</translation>
    </message>
    <message>
        <source>Show every request</source>
        <translation>Alle Anfragen anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>Results of %1 (%n batch(es))</source>
        <translation>
            <numerusform>Ergebnisse von %1 (%n Batch)</numerusform>
            <numerusform>Ergebnisse von %1 (%n Batches)</numerusform>
        </translation>
    </message>
    <message>
        <source>A part of %1 is no longer at %2: its results cannot be joined.</source>
        <translation>Ein Teil von %1 liegt nicht mehr unter %2: Seine Ergebnisse können nicht verknüpft werden.</translation>
    </message>
    <message>
        <source>no price entered for this model</source>
        <translation>kein Preis für dieses Modell eingegeben</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln Anfrage</numerusform>
            <numerusform>%Ln Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>The saved results of %1 cannot be used: %2
The provider no longer keeps them, so they cannot be downloaded again.</source>
        <translation>Die gespeicherten Ergebnisse von %1 können nicht verwendet werden: %2
Der Anbieter bewahrt sie nicht mehr auf, daher können sie nicht erneut heruntergeladen werden.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln result(s) for requests not in this input, listed last and not counted</source>
        <translation>
            <numerusform>%Ln Ergebnis gehört zu keiner Anfrage dieser Eingabe; es wird zuletzt aufgeführt und nicht gezählt</numerusform>
            <numerusform>%Ln Ergebnisse gehören zu keiner Anfrage dieser Eingabe; sie werden zuletzt aufgeführt und nicht gezählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln result line(s) repeat a custom_id of the same file; the last one is shown</source>
        <translation>
            <numerusform>%Ln Ergebniszeile wiederholt eine custom_id derselben Datei; die letzte wird angezeigt</numerusform>
            <numerusform>%Ln Ergebniszeilen wiederholen eine custom_id derselben Datei; jeweils die letzte wird angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved results of %1 are not complete (%2). Downloading them again…</source>
        <translation>Die gespeicherten Ergebnisse von %1 sind unvollständig (%2). Sie werden erneut heruntergeladen…</translation>
    </message>
    <message numerus="yes">
        <source>Input %1 and %n more part(s)</source>
        <translation>
            <numerusform>Eingabe %1 und %n weiterer Teil</numerusform>
            <numerusform>Eingabe %1 und %n weitere Teile</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Images…</source>
        <translation>Bilder speichern…</translation>
    </message>
    <message>
        <source>Save the generated images as files in a folder (URL answers are listed in images.csv)</source>
        <translation>Die erzeugten Bilder als Dateien in einem Ordner speichern (Antworten mit URL werden in images.csv aufgeführt)</translation>
    </message>
    <message>
        <source>Save the images to</source>
        <translation>Bilder speichern in</translation>
    </message>
    <message>
        <source>Saving images to %1…</source>
        <translation>Bilder werden in %1 gespeichert…</translation>
    </message>
    <message>
        <source>Build Next Stage from These Results…</source>
        <translation>Nächste Stufe aus diesen Ergebnissen erstellen…</translation>
    </message>
    <message>
        <source>Next stage…</source>
        <translation>Nächste Stufe…</translation>
    </message>
    <message>
        <source>Build a new batch from these results: {{response}}, {{answer.label}} and the original columns in the templates</source>
        <translation>Einen neuen Batch aus diesen Ergebnissen erstellen: {{response}}, {{answer.label}} und die ursprünglichen Spalten in den Vorlagen</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Show or hide the charts of output tokens, finish reasons and failures</source>
        <translation>Die Diagramme zu Ausgabe-Tokens, Beendigungsgründen und Fehlern ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Rows of the chart bar you clicked; click to show all rows again</source>
        <translation>Zeilen des angeklickten Diagrammbalkens; klicken, um wieder alle Zeilen anzuzeigen</translation>
    </message>
    <message>
        <source>Split JSON Answers into Columns</source>
        <translation>JSON-Antworten in Spalten aufteilen</translation>
    </message>
    <message>
        <source>Show the members of JSON answers (structured outputs, tool calls) as columns named answer.&lt;member&gt;; exports then include them</source>
        <translation>Die Felder von JSON-Antworten (strukturierte Ausgaben, Tool-Aufrufe) als Spalten namens answer.&lt;member&gt; anzeigen; Exporte enthalten sie dann</translation>
    </message>
    <message>
        <source>JSON path (optional), e.g. result</source>
        <translation>JSON-Pfad (optional), z. B. result</translation>
    </message>
    <message>
        <source>The object whose members become the columns: member names with dots and [n] indexes; empty for the whole answer</source>
        <translation>Das Objekt, dessen Felder zu Spalten werden: Feldnamen mit Punkten und [n]-Indizes; leer für die ganze Antwort</translation>
    </message>
    <message>
        <source>Show only the rows whose answer is not JSON (toggle)</source>
        <translation>Nur die Zeilen anzeigen, deren Antwort kein JSON ist (umschaltbar)</translation>
    </message>
    <message>
        <source>Finding the columns of the JSON answers…</source>
        <translation>Spalten der JSON-Antworten werden ermittelt…</translation>
    </message>
    <message>
        <source>No answer is a JSON object.</source>
        <translation>Keine Antwort ist ein JSON-Objekt.</translation>
    </message>
    <message>
        <source>No JSON answers to split.</source>
        <translation>Keine JSON-Antworten zum Aufteilen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) from the request&apos;s schema</source>
        <translation>
            <numerusform>%Ln Spalte aus dem Schema der Anfrage</numerusform>
            <numerusform>%Ln Spalten aus dem Schema der Anfrage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) from the answers</source>
        <translation>
            <numerusform>%Ln Spalte aus den Antworten</numerusform>
            <numerusform>%Ln Spalten aus den Antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)&apos; JSON did not parse</source>
        <translation>
            <numerusform>JSON von %Ln Zeile nicht lesbar</numerusform>
            <numerusform>JSON von %Ln Zeilen nicht lesbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Results of job %1</source>
        <translation>Ergebnisse von Job %1</translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>Job %1</translation>
    </message>
    <message>
        <source>Stage %1, built from the results of %2</source>
        <translation>Stufe %1, erstellt aus den Ergebnissen von %2</translation>
    </message>
    <message>
        <source>Show Previous Stage</source>
        <translation>Vorherige Stufe anzeigen</translation>
    </message>
    <message>
        <source>Show the response of stage %1 (%2) for the same custom_id in a column “Previous response”</source>
        <translation>Die Antwort von Stufe %1 (%2) zur selben custom_id in einer Spalte „Vorherige Antwort“ zeigen</translation>
    </message>
    <message>
        <source>The results of the previous stage are not saved on this computer.</source>
        <translation>Die Ergebnisse der vorherigen Stufe sind auf diesem Computer nicht gespeichert.</translation>
    </message>
    <message>
        <source>These requests were not built from the results of a previous stage.</source>
        <translation>Diese Anfragen wurden nicht aus den Ergebnissen einer vorherigen Stufe erstellt.</translation>
    </message>
    <message>
        <source>Opening the results of stage %1…</source>
        <translation>Ergebnisse von Stufe %1 werden geöffnet…</translation>
    </message>
    <message>
        <source>The results of stage %1 (%2) could not be opened: %3</source>
        <translation>Die Ergebnisse von Stufe %1 (%2) konnten nicht geöffnet werden: %3</translation>
    </message>
    <message numerus="yes">
        <source>Stage %1: %Ln request(s) with a previous response</source>
        <translation>
            <numerusform>Stufe %1: %Ln Anfrage mit vorheriger Antwort</numerusform>
            <numerusform>Stufe %1: %Ln Anfragen mit vorheriger Antwort</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::RetryJobDialog</name>
    <message>
        <source>Retry Requests of %1</source>
        <translation>Anfragen von %1 wiederholen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — which requests go again, as a new round of batches? Their new results replace the old ones in the job&apos;s results table.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — welche Anfragen sollen erneut gesendet werden, als neue Runde von Batches? Ihre neuen Ergebnisse ersetzen die alten in der Ergebnistabelle des Jobs.</translation>
    </message>
    <message>
        <source>&amp;Failed</source>
        <translation>&amp;Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The provider answered with an error.</source>
        <translation>Der Anbieter hat mit einem Fehler geantwortet.</translation>
    </message>
    <message>
        <source>&amp;Expired</source>
        <translation>&amp;Abgelaufen</translation>
    </message>
    <message>
        <source>The batch ran out of time before the request ran.</source>
        <translation>Die Zeit des Batches lief ab, bevor die Anfrage ausgeführt wurde.</translation>
    </message>
    <message>
        <source>&amp;Cancelled</source>
        <translation>Abge&amp;brochen</translation>
    </message>
    <message>
        <source>The batch was cancelled before the request ran.</source>
        <translation>Der Batch wurde abgebrochen, bevor die Anfrage ausgeführt wurde.</translation>
    </message>
    <message>
        <source>&amp;Missing</source>
        <translation>Fe&amp;hlend</translation>
    </message>
    <message>
        <source>The results have no line for the request.</source>
        <translation>Die Ergebnisse enthalten keine Zeile für die Anfrage.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::Sidebar</name>
    <message>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>ACCOUNTS</source>
        <translation>KONTEN</translation>
    </message>
    <message>
        <source>VIEWS</source>
        <translation>ANSICHTEN</translation>
    </message>
    <message>
        <source>The built-in sandbox: a local server that runs batches with echo models, for trying Batchdesk without a provider account.</source>
        <translation>Die eingebaute Sandbox: ein lokaler Server, der Batches mit Echo-Modellen ausführt, um Batchdesk ohne Anbieterkonto auszuprobieren.</translation>
    </message>
    <message>
        <source>LOCAL</source>
        <translation>LOKAL</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>The batches of every account in one list</source>
        <translation>Die Batches aller Konten in einer Liste</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::UploadPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>%1 wird hochgeladen…</translation>
    </message>
    <message>
        <source>Uploading %1 — %2 of %3 · %4/s</source>
        <translation>%1 wird hochgeladen — %2 von %3 · %4/s</translation>
    </message>
    <message>
        <source>Creating the batch from %1…</source>
        <translation>Batch wird aus %1 erstellt…</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::ValidationPage</name>
    <message>
        <source>Issues</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Validate again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>No file open</source>
        <translation>Keine Datei geöffnet</translation>
    </message>
    <message>
        <source>Drop a .jsonl file here or open one with File → Open</source>
        <translation>Legen Sie hier eine .jsonl-Datei ab oder öffnen Sie eine über Datei → Öffnen</translation>
    </message>
    <message>
        <source>Batchdesk checks every line against the provider&apos;s Batch API rules and limits before you upload anything.</source>
        <translation>Batchdesk prüft jede Zeile anhand der Batch-API-Regeln und -Limits des Anbieters, bevor Sie etwas hochladen.</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Create Batch…</source>
        <translation>Batch erstellen…</translation>
    </message>
    <message>
        <source>Embedding inputs:</source>
        <translation>Embedding-Eingaben:</translation>
    </message>
    <message>
        <source>Lines:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>Limits:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
    <message>
        <source>All issues</source>
        <translation>Alle Befunde</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Warnings only</source>
        <translation>Nur Warnungen</translation>
    </message>
    <message>
        <source>Double-click an issue to show its request.</source>
        <translation>Doppelklicken Sie auf einen Befund, um seine Anfrage anzuzeigen.</translation>
    </message>
    <message>
        <source>Select an issue or a request to see it here.</source>
        <translation>Wählen Sie einen Befund oder eine Anfrage, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Validating %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Validation cancelled</source>
        <translation>Prüfung abgebrochen</translation>
    </message>
    <message>
        <source>Validation of %1 was cancelled.</source>
        <translation>Die Prüfung von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Could not read the file</source>
        <translation>Die Datei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>%1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Validated 1 line in %1</source>
        <translation>1 Zeile in %1 geprüft</translation>
    </message>
    <message>
        <source>Validated %1 lines in %2</source>
        <translation>%1 Zeilen in %2 geprüft</translation>
    </message>
    <message>
        <source>Waiting for the validation to finish</source>
        <translation>Warten auf das Ende der Prüfung</translation>
    </message>
    <message>
        <source>The file has not been validated completely</source>
        <translation>Die Datei wurde nicht vollständig geprüft</translation>
    </message>
    <message>
        <source>Fix the error listed below to submit this file</source>
        <translation>Beheben Sie den unten aufgeführten Fehler, um diese Datei zu übermitteln</translation>
    </message>
    <message>
        <source>Fix the %1 errors listed below to submit this file</source>
        <translation>Beheben Sie die %1 unten aufgeführten Fehler, um diese Datei zu übermitteln</translation>
    </message>
    <message>
        <source>The file has no requests</source>
        <translation>Die Datei enthält keine Anfragen</translation>
    </message>
    <message>
        <source>Upload this file and create a batch from it</source>
        <translation>Diese Datei hochladen und daraus einen Batch erstellen</translation>
    </message>
    <message>
        <source>Ready to submit</source>
        <translation>Bereit zur Übermittlung</translation>
    </message>
    <message>
        <source>Ready to submit, with 1 warning to review</source>
        <translation>Bereit zur Übermittlung, 1 Warnung zu prüfen</translation>
    </message>
    <message>
        <source>Ready to submit, with %1 warnings to review</source>
        <translation>Bereit zur Übermittlung, %1 Warnungen zu prüfen</translation>
    </message>
    <message>
        <source>1 error must be fixed before submitting</source>
        <translation>1 Fehler muss vor der Übermittlung behoben werden</translation>
    </message>
    <message>
        <source>%1 errors must be fixed before submitting</source>
        <translation>%1 Fehler müssen vor der Übermittlung behoben werden</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 allows at most %2 lines per batch.</source>
        <translation>%1 erlaubt höchstens %2 Zeilen pro Batch.</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 von %2 Bytes</translation>
    </message>
    <message>
        <source>— (none found)</source>
        <translation>— (keine gefunden)</translation>
    </message>
    <message>
        <source>Issues (%1)</source>
        <translation>Befunde (%1)</translation>
    </message>
    <message>
        <source>Requests (%1)</source>
        <translation>Anfragen (%1)</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 issues</source>
        <translation>Die ersten %1 von %2 Befunden werden angezeigt</translation>
    </message>
    <message>
        <source>Whole file</source>
        <translation>Ganze Datei</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Line %1 · %2</source>
        <translation>Zeile %1 · %2</translation>
    </message>
    <message>
        <source>This line is %1, too large to show here.</source>
        <translation>Diese Zeile ist %1 groß, zu groß, um sie hier anzuzeigen.</translation>
    </message>
    <message>
        <source>%1 changed on disk after it was validated. The results may be out of date.</source>
        <translation>%1 wurde nach der Prüfung auf der Festplatte geändert. Die Ergebnisse sind möglicherweise veraltet.</translation>
    </message>
    <message>
        <source>%1 was moved or deleted after it was validated.</source>
        <translation>%1 wurde nach der Prüfung verschoben oder gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Edit this request and save it back into the file</source>
        <translation>Diese Anfrage bearbeiten und in die Datei zurückschreiben</translation>
    </message>
    <message>
        <source>&amp;Save Line</source>
        <translation>Zeile &amp;speichern</translation>
    </message>
    <message>
        <source>Not valid JSON at character %1: %2</source>
        <translation>Kein gültiges JSON bei Zeichen %1: %2</translation>
    </message>
    <message>
        <source>A request line must be a JSON object.</source>
        <translation>Eine Anfragezeile muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>Edit the request; it is checked as you type.</source>
        <translation>Bearbeiten Sie die Anfrage; sie wird beim Tippen geprüft.</translation>
    </message>
    <message>
        <source>Saving line %1…</source>
        <translation>Zeile %1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved line %1; validating again</source>
        <translation>Zeile %1 gespeichert; wird erneut geprüft</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>The request is valid; Save Line writes it into the file.</source>
        <translation>Die Anfrage ist gültig; „Zeile speichern“ schreibt sie in die Datei.</translation>
    </message>
    <message>
        <source>Too large for one batch: it can go as a job of several batches.</source>
        <translation>Zu groß für einen Batch: Die Datei kann als Job aus mehreren Batches gesendet werden.</translation>
    </message>
    <message numerus="yes">
        <source>Split into %Ln Batches and Submit…</source>
        <translation>
            <numerusform>In %Ln Batch aufteilen und senden…</numerusform>
            <numerusform>In %Ln Batches aufteilen und senden…</numerusform>
        </translation>
    </message>
    <message>
        <source>The cost is estimated after the validation.</source>
        <translation>Die Kosten werden nach der Prüfung geschätzt.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No part of the job has the request &quot;%1&quot;.</source>
        <translation>Kein Teil des Jobs enthält die Anfrage „%1“.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow::AccountService</name>
    <message>
        <source>The key could not be stored in the keychain: %1</source>
        <translation>Der Schlüssel konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The account does not exist.</source>
        <translation>Das Konto existiert nicht.</translation>
    </message>
    <message>
        <source>The account was removed, but its key could not be deleted from the keychain: %1</source>
        <translation>Das Konto wurde entfernt, aber sein Schlüssel konnte nicht aus dem Schlüsselbund gelöscht werden: %1</translation>
    </message>
    <message>
        <source>The test failed. %1</source>
        <translation>Der Test ist fehlgeschlagen. %1</translation>
    </message>
    <message>
        <source>the model list is not available</source>
        <translation>die Modellliste ist nicht verfügbar</translation>
    </message>
    <message>
        <source>1 model</source>
        <translation>1 Modell</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>%1 Modelle</translation>
    </message>
    <message>
        <source>1 recent batch</source>
        <translation>1 aktueller Batch</translation>
    </message>
    <message>
        <source>%1 recent batches</source>
        <translation>%1 aktuelle Batches</translation>
    </message>
    <message>
        <source>Connected: %1, %2.</source>
        <translation>Verbunden: %1, %2.</translation>
    </message>
    <message>
        <source>The real-time endpoint did not answer. %1</source>
        <translation>Der Echtzeit-Endpunkt hat nicht geantwortet. %1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow::AccountSession</name>
    <message>
        <source>Account “%1” has no base URL. Edit the account to set one.</source>
        <translation>Das Konto „%1“ hat keine Basis-URL. Bearbeiten Sie das Konto, um eine festzulegen.</translation>
    </message>
    <message>
        <source>Account “%1” takes its key from the environment variable %2, which is not set. Set it and restart, or store the key in the keychain.</source>
        <translation>Das Konto „%1“ bezieht seinen Schlüssel aus der Umgebungsvariablen %2, die nicht gesetzt ist. Setzen Sie sie und starten Sie neu, oder speichern Sie den Schlüssel im Schlüsselbund.</translation>
    </message>
    <message>
        <source>Cannot read the API key of “%1” from the keychain: %2 Edit the account to store the key again.</source>
        <translation>Der API-Schlüssel von „%1“ kann nicht aus dem Schlüsselbund gelesen werden: %2 Bearbeiten Sie das Konto, um den Schlüssel erneut zu speichern.</translation>
    </message>
    <message>
        <source>Could not refresh the batches: %1</source>
        <translation>Die Batches konnten nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Could not download the results of %1</source>
        <translation>Die Ergebnisse von %1 konnten nicht heruntergeladen werden</translation>
    </message>
    <message>
        <source>Could not record the results of %1: %2</source>
        <translation>Die Ergebnisse von %1 konnten nicht erfasst werden: %2</translation>
    </message>
    <message>
        <source>An earlier submission whose reply was lost did create batch %1.</source>
        <translation>Eine frühere Übermittlung, deren Antwort verloren ging, hat den Batch %1 doch erstellt.</translation>
    </message>
    <message>
        <source>Could not list the files</source>
        <translation>Die Dateien konnten nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Could not cancel %1</source>
        <translation>%1 konnte nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>Batch %1 has no result files yet.</source>
        <translation>Der Batch %1 hat noch keine Ergebnisdateien.</translation>
    </message>
    <message>
        <source>Downloading the results of %1 failed: %2</source>
        <translation>Das Herunterladen der Ergebnisse von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Results of %1 saved in %2.</source>
        <translation>Ergebnisse von %1 in %2 gespeichert.</translation>
    </message>
    <message>
        <source>Could not delete %1</source>
        <translation>%1 konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>No account is connected.</source>
        <translation>Kein Konto verbunden.</translation>
    </message>
    <message>
        <source>The results of %1 are not saved on this computer yet.</source>
        <translation>Die Ergebnisse von %1 sind noch nicht auf diesem Computer gespeichert.</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow::AllAccountsMonitor</name>
    <message>
        <source>The account has no base URL. Edit the account to set one.</source>
        <translation>Das Konto hat keine Basis-URL. Bearbeiten Sie das Konto, um eine festzulegen.</translation>
    </message>
    <message>
        <source>The environment variable %1, which holds the key, is not set.</source>
        <translation>Die Umgebungsvariable %1, die den Schlüssel enthält, ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>No key is stored in the keychain. Edit the account to store one.</source>
        <translation>Im Schlüsselbund ist kein Schlüssel gespeichert. Bearbeiten Sie das Konto, um einen zu speichern.</translation>
    </message>
    <message>
        <source>Cannot read the key from the keychain: %1</source>
        <translation>Der Schlüssel kann nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not list the batches: %1</source>
        <translation>Die Batches konnten nicht aufgelistet werden: %1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow::JobScheduler</name>
    <message>
        <source>Unknown outcome &quot;%1&quot;: use failed, expired, cancelled or missing.</source>
        <translation>Unbekanntes Ergebnis „%1“: Verwenden Sie failed, expired, cancelled oder missing.</translation>
    </message>
    <message>
        <source>The results of %1 could not be downloaded for the next round</source>
        <translation>Die Ergebnisse von %1 konnten für die nächste Runde nicht heruntergeladen werden</translation>
    </message>
    <message>
        <source>Could not record part %1 of %2: %3</source>
        <translation>Teil %1 von %2 konnte nicht gespeichert werden: %3</translation>
    </message>
    <message>
        <source>A job needs at least one part.</source>
        <translation>Ein Job braucht mindestens einen Teil.</translation>
    </message>
    <message>
        <source>Job %1 stopped at part %2: %3</source>
        <translation>Job %1 hat bei Teil %2 angehalten: %3</translation>
    </message>
    <message>
        <source>Could not check which parts of the jobs were created</source>
        <translation>Es konnte nicht geprüft werden, welche Teile der Jobs erstellt wurden</translation>
    </message>
    <message>
        <source>Job %1 cannot retry: its results cannot be downloaded here.</source>
        <translation>Job %1 kann nicht wiederholen: Seine Ergebnisse können hier nicht heruntergeladen werden.</translation>
    </message>
    <message>
        <source>Could not get a batch of %1</source>
        <translation>Ein Batch von %1 konnte nicht abgerufen werden</translation>
    </message>
    <message>
        <source>Job %1 could not prepare retry round %2: %3</source>
        <translation>Job %1 konnte Wiederholungsrunde %2 nicht vorbereiten: %3</translation>
    </message>
    <message>
        <source>There is no job %1.</source>
        <translation>Es gibt keinen Job %1.</translation>
    </message>
    <message>
        <source>Part %1 of %2 is no longer waiting: cancel its batch instead.</source>
        <translation>Teil %1 von %2 wartet nicht mehr: Brechen Sie stattdessen seinen Batch ab.</translation>
    </message>
    <message>
        <source>Job %1 has no part %2.</source>
        <translation>Job %1 hat keinen Teil %2.</translation>
    </message>
    <message>
        <source>Could not cancel a batch of %1</source>
        <translation>Ein Batch von %1 konnte nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>Job %1 still has batches running or queued: retry when they have finished.</source>
        <translation>Job %1 hat noch laufende oder wartende Batches: Wiederholen Sie, wenn sie beendet sind.</translation>
    </message>
    <message>
        <source>Choose a &quot;Run here&quot; account to finish the job on.</source>
        <translation>Wählen Sie ein „Run here“-Konto, auf dem der Job abgeschlossen werden soll.</translation>
    </message>
    <message>
        <source>Job %1 already runs in real time.</source>
        <translation>Job %1 läuft bereits in Echtzeit.</translation>
    </message>
    <message>
        <source>Job %1 was cancelled.</source>
        <translation>Job %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The hours cannot be negative and the percentage must be between 0 and 100.</source>
        <translation>Die Stunden dürfen nicht negativ sein, und der Prozentsatz muss zwischen 0 und 100 liegen.</translation>
    </message>
    <message>
        <source>it has run for %1 hours</source>
        <translation>er läuft seit %1 Stunden</translation>
    </message>
    <message>
        <source>%1 % of its requests have ended</source>
        <translation>%1 % seiner Anfragen sind beendet</translation>
    </message>
    <message>
        <source>Nothing of it is left.</source>
        <translation>Davon ist nichts mehr übrig.</translation>
    </message>
    <message>
        <source>The job has spent about %1 of its budget of %2; the next round: %3</source>
        <translation>Der Job hat etwa %1 seines Budgets von %2 verbraucht; nächste Runde: %3</translation>
    </message>
    <message>
        <source>Job %1: retry round %2 was not submitted. %3</source>
        <translation>Job %1: Wiederholungsrunde %2 wurde nicht übermittelt. %3</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow::Submission</name>
    <message>
        <source>No account is connected.</source>
        <translation>Kein Konto verbunden.</translation>
    </message>
    <message>
        <source>The account was disconnected during the submission.</source>
        <translation>Die Verbindung zum Konto wurde während der Übermittlung getrennt.</translation>
    </message>
    <message>
        <source>Upload cancelled.</source>
        <translation>Upload abgebrochen.</translation>
    </message>
    <message>
        <source>Upload of %1 failed</source>
        <translation>Upload von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not record the submission locally: %1</source>
        <translation>Die Übermittlung konnte nicht lokal erfasst werden: %1</translation>
    </message>
    <message>
        <source>Creation cancelled; if the server received it, the batch appears after the next start.</source>
        <translation>Erstellung abgebrochen; falls der Server sie erhalten hat, erscheint der Batch nach dem nächsten Start.</translation>
    </message>
    <message>
        <source>Creating the batch failed</source>
        <translation>Das Erstellen des Batches ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop client for OpenAI-compatible Batch APIs.</source>
        <translation>Desktop-Client für OpenAI-kompatible Batch-APIs.</translation>
    </message>
    <message>
        <source>Display version information.</source>
        <translation>Versionsinformationen anzeigen.</translation>
    </message>
    <message>
        <source>Use a dark palette (also BATCHDESK_THEME=dark).</source>
        <translation>Dunkle Farbpalette verwenden (auch BATCHDESK_THEME=dark).</translation>
    </message>
    <message>
        <source>JSONL files to open and validate.</source>
        <translation>Zu öffnende und zu prüfende JSONL-Dateien.</translation>
    </message>
    <message>
        <source>Use this interface language instead of the setting: en, de or ja.</source>
        <translation>Diese Oberflächensprache statt der Einstellung verwenden: en, de oder ja.</translation>
    </message>
</context>
</TS>
