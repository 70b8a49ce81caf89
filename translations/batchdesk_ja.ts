<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>Batchdesk::Api</name>
    <message>
        <source>The server answered with an empty body where a JSON object was expected.</source>
        <translation>サーバーの応答が空でした。JSON オブジェクトが返されるはずでした。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not the JSON object that was expected (it starts with &quot;%1&quot;).</source>
        <translation>サーバーの応答が想定した JSON オブジェクトではありません（先頭：「%1」）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid batch id.</source>
        <translation>「%1」は有効なバッチ ID ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid file id.</source>
        <translation>「%1」は有効なファイル ID ではありません。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません：%2</translation>
    </message>
    <message>
        <source>No such file: %1</source>
        <translation>該当するファイルがありません：%1</translation>
    </message>
    <message>
        <source>No such batch: %1</source>
        <translation>該当するバッチがありません：%1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::ApiError</name>
    <message>
        <source> (request id %1)</source>
        <translation>（リクエスト ID %1）</translation>
    </message>
    <message>
        <source>Check the network connection and the account&apos;s base URL.</source>
        <translation>ネットワーク接続とアカウントのベース URL を確認してください。</translation>
    </message>
    <message>
        <source>The server did not answer in time; try again later.</source>
        <translation>サーバーが時間内に応答しませんでした。しばらくしてからやり直してください。</translation>
    </message>
    <message>
        <source>The API key was refused: check the key stored for this account.</source>
        <translation>API キーが拒否されました。このアカウントに保存されているキーを確認してください。</translation>
    </message>
    <message>
        <source>The key is not allowed to do this: check its permissions.</source>
        <translation>このキーにはこの操作の権限がありません。キーの権限を確認してください。</translation>
    </message>
    <message>
        <source>The object does not exist (any more) on the server, or the base URL is wrong.</source>
        <translation>オブジェクトがサーバー上に存在しない（もう存在しない）か、ベース URL が間違っています。</translation>
    </message>
    <message>
        <source>Rate limited by the provider: wait a little and try again.</source>
        <translation>プロバイダーのレート制限に達しました。少し待ってからやり直してください。</translation>
    </message>
    <message>
        <source>The provider has a problem; try again in a few minutes.</source>
        <translation>プロバイダー側で問題が発生しています。数分後にやり直してください。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::ApiJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>The request could not be prepared.</source>
        <translation>リクエストを準備できませんでした。</translation>
    </message>
    <message>
        <source>No answer from %1 in time (the transfer stalled).</source>
        <translation>%1 から時間内に応答がありません（転送が停止しました）。</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering.</source>
        <translation>%1 が応答前に接続を閉じました。</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2).</source>
        <translation>%1 に接続できません（%2）。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than %1 MB; Batchdesk stopped reading it.</source>
        <translation>サーバーの応答が %1 MB を超えています。Batchdesk は読み込みを中止しました。</translation>
    </message>
    <message>
        <source>The server redirected the request to another address (%1). Batchdesk does not send the API key to another server; check the account&apos;s base URL.</source>
        <translation>サーバーがリクエストを別のアドレス（%1）にリダイレクトしました。Batchdesk は API キーを別のサーバーに送信しません。アカウントのベース URL を確認してください。</translation>
    </message>
    <message>
        <source>The transfer with %1 is too slow: %2 bytes in %3 s (at least %4 KB/s are needed).</source>
        <translation>%1 との転送が遅すぎます：%3 秒で %2 バイト（%4 KB/s 以上が必要です）。</translation>
    </message>
    <message>
        <source>%1 did not finish its answer within %2 s.</source>
        <translation>%1 が %2 秒以内に応答を完了しませんでした。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::Batch</name>
    <message>
        <source>The server sent %1 where a batch object was expected.</source>
        <translation>サーバーはバッチオブジェクトの代わりに %1 を送信しました。</translation>
    </message>
    <message>
        <source>The server sent a batch without a valid status (%1).</source>
        <translation>サーバーは有効なステータスのないバッチを送信しました（%1）。</translation>
    </message>
    <message>
        <source>The server sent a batch with metadata &quot;%1&quot; that is not text (%2).</source>
        <translation>サーバーはメタデータ「%1」の値がテキストでないバッチを送信しました（%2）。</translation>
    </message>
    <message>
        <source>The server sent a batch without a valid errors list (%1).</source>
        <translation>サーバーは有効な errors リストのないバッチを送信しました（%1）。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::Checker</name>
    <message>
        <source>The server sent a batch with an invalid %1 (%2).</source>
        <translation>サーバーは %1 が無効なバッチを送信しました（%2）。</translation>
    </message>
    <message>
        <source>The server sent a file with an invalid %1 (%2).</source>
        <translation>サーバーは %1 が無効なファイルを送信しました（%2）。</translation>
    </message>
    <message>
        <source>The server sent a batch without a valid %1 (%2).</source>
        <translation>サーバーは有効な %1 のないバッチを送信しました（%2）。</translation>
    </message>
    <message>
        <source>The server sent a file without a valid %1 (%2).</source>
        <translation>サーバーは有効な %1 のないファイルを送信しました（%2）。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::CreateBatchJob</name>
    <message>
        <source> The batch may have been created anyway: look at the batch list before submitting again.</source>
        <translation> それでもバッチが作成された可能性があります。再送信する前にバッチ一覧を確認してください。</translation>
    </message>
    <message>
        <source> Batchdesk could not check whether the batch was created (%1); it will check again before sending it another time.</source>
        <translation> バッチが作成されたかどうかを確認できませんでした（%1）。再送信の前にもう一度確認します。</translation>
    </message>
    <message>
        <source>The batch was not created (%1); sending it again.</source>
        <translation>バッチは作成されませんでした（%1）。再送信します。</translation>
    </message>
    <message>
        <source>Mistral needs the model of the batch; it is known only for a file uploaded in this session. Submit the file again.</source>
        <translation>Mistral にはバッチのモデルが必要ですが、モデルが分かるのはこのセッションでアップロードしたファイルだけです。ファイルをもう一度送信してください。</translation>
    </message>
    <message>
        <source>Gemini needs the model of the batch; it is known only for a file uploaded in this session. Submit the file again.</source>
        <translation>Gemini にはバッチのモデルが必要ですが、モデルが分かるのはこのセッションでアップロードしたファイルだけです。ファイルをもう一度送信してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a model name Batchdesk can send to Gemini.</source>
        <translation>「%1」は Batchdesk が Gemini に送信できるモデル名ではありません。</translation>
    </message>
    <message>
        <source>The converted requests of this submission are no longer here (they are kept only while Batchdesk runs). Submit the file again.</source>
        <translation>この送信の変換済みリクエストはもうありません（Batchdesk の実行中だけ保持されます）。ファイルをもう一度送信してください。</translation>
    </message>
    <message>
        <source>Cannot read the converted requests (%1).</source>
        <translation>変換済みリクエストを読み込めません（%1）。</translation>
    </message>
    <message>
        <source>This batch runs on this machine, but no local store is open.</source>
        <translation>このバッチはこのコンピューターで実行されますが、ローカルストアが開かれていません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::CreateBatchParams</name>
    <message>
        <source>No input file id.</source>
        <translation>入力ファイル ID がありません。</translation>
    </message>
    <message>
        <source>No endpoint.</source>
        <translation>エンドポイントがありません。</translation>
    </message>
    <message>
        <source>Metadata has %1 pairs; at most %2 are allowed.</source>
        <translation>メタデータが %1 組あります。上限は %2 組です。</translation>
    </message>
    <message>
        <source>A metadata key is empty.</source>
        <translation>メタデータのキーが空です。</translation>
    </message>
    <message>
        <source>Metadata key &quot;%1&quot; has %2 characters; at most %3 are allowed.</source>
        <translation>メタデータのキー「%1」は %2 文字です。上限は %3 文字です。</translation>
    </message>
    <message>
        <source>The value of metadata key &quot;%1&quot; has %2 characters; at most %3 are allowed.</source>
        <translation>メタデータのキー「%1」の値は %2 文字です。上限は %3 文字です。</translation>
    </message>
    <message>
        <source>Output expiry must be between %1 and %2 seconds (1 hour to 30 days).</source>
        <translation>出力の保存期間は %1～%2 秒（1 時間～30 日）の範囲で指定してください。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::FileContentJob</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::FileObject</name>
    <message>
        <source>The server sent %1 where a file object was expected.</source>
        <translation>サーバーはファイルオブジェクトの代わりに %1 を送信しました。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::ListJob</name>
    <message>
        <source>The list was cut at %1 items; the server has more.</source>
        <translation>リストを %1 件で打ち切りました。サーバーにはさらに項目があります。</translation>
    </message>
    <message>
        <source>The list was cut after %1 pages; the server says it has more.</source>
        <translation>リストを %1 ページで打ち切りました。サーバーによると、さらに項目があります。</translation>
    </message>
    <message>
        <source>The server sent a page with no new items although it says it has more; the list stops here.</source>
        <translation>サーバーは続きがあるとしていますが、新しい項目のないページを送信しました。リストはここまでです。</translation>
    </message>
    <message>
        <source>The server sent a page cursor that was already used; the list stops here.</source>
        <translation>サーバーが使用済みのページカーソルを送信しました。リストはここまでです。</translation>
    </message>
    <message>
        <source>Item %1 of page %2 of the list: %3</source>
        <translation>リストの %2 ページ目の %1 件目：%3</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::ModelInfo</name>
    <message>
        <source>The server sent %1 where a model object was expected.</source>
        <translation>サーバーはモデルオブジェクトの代わりに %1 を送信しました。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Api::UploadFileJob</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>Cannot create a folder for the converted file in %1.</source>
        <translation>%1 に変換済みファイル用のフォルダーを作成できません。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>%1 行目：%2</translation>
    </message>
    <message>
        <source>%1 cannot take this file as it is. %2</source>
        <translation>%1 はこのファイルをそのままでは受け付けません。%2</translation>
    </message>
    <message>
        <source>This batch runs on this machine, but no local store is open.</source>
        <translation>このバッチはこのコンピューターで実行されますが、ローカルストアが開かれていません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::AsyncJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Cost</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>No price is known for this model, so the budget of %1 cannot be checked. Add the model&apos;s price to the price table, or submit without a budget.</source>
        <translation>このモデルの料金が不明なため、予算 %1 を確認できません。料金表にこのモデルの料金を追加するか、予算を指定せずに送信してください。</translation>
    </message>
    <message>
        <source>The estimated cost of %1 (input %2, output up to %3) is above the budget of %4.</source>
        <translation>見積もり費用 %1（入力 %2、出力 最大 %3）が予算 %4 を超えています。</translation>
    </message>
    <message>
        <source>The estimated cost of %1 without the answers of the requests that set no max_tokens is already above the budget of %2.</source>
        <translation>max_tokens を指定していないリクエストの応答を除いても、見積もり費用 %1 が既に予算 %2 を超えています。</translation>
    </message>
    <message>
        <source>Some requests set no max_tokens: their answers are not in the estimate of %1, so the budget of %2 does not bound them. Set max_tokens for a hard limit.</source>
        <translation>max_tokens を指定していないリクエストがあります。その応答は見積もり %1 に含まれていないため、予算 %2 では上限を設けられません。確実に制限するには max_tokens を指定してください。</translation>
    </message>
    <message>
        <source>There is no cost estimate to check the budget of %1 against.</source>
        <translation>予算 %1 を確認するための費用の見積もりがありません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Cost::PriceTable</name>
    <message>
        <source>Cannot read the price table %1: %2</source>
        <translation>料金表 %1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>The price table %1 is not valid JSON (%2); the snapshot&apos;s prices are used.</source>
        <translation>料金表 %1 は有効な JSON ではありません（%2）。スナップショットの料金を使います。</translation>
    </message>
    <message>
        <source>Cannot write the price table %1: %2</source>
        <translation>料金表 %1 に書き込めません：%2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl</name>
    <message>
        <source>did you mean %1?</source>
        <translation>%1 のことですか？</translation>
    </message>
    <message>
        <source>the columns are: %1</source>
        <translation>列：%1</translation>
    </message>
    <message>
        <source>the structure is broken (a missing or extra comma, brace, bracket or quote)</source>
        <translation>構造が壊れています（カンマ、波かっこ、角かっこ、引用符のいずれかが不足または余分です）</translation>
    </message>
    <message>
        <source>a string is not closed</source>
        <translation>文字列が閉じられていません</translation>
    </message>
    <message>
        <source>a string contains an invalid escape or control character</source>
        <translation>文字列に無効なエスケープまたは制御文字が含まれています</translation>
    </message>
    <message>
        <source>a number is malformed or out of range</source>
        <translation>数値の形式が不正か、範囲外です</translation>
    </message>
    <message>
        <source>an unquoted word is not true, false or null</source>
        <translation>引用符のない単語が true、false、null のいずれでもありません</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <translation>入れ子が深すぎます</translation>
    </message>
    <message>
        <source>an object or array is not closed</source>
        <translation>オブジェクトまたは配列が閉じられていません</translation>
    </message>
    <message>
        <source>there is more content after the JSON value</source>
        <translation>JSON 値の後に余分な内容があります</translation>
    </message>
    <message>
        <source>a value is malformed (a misspelt true, false, null or number)</source>
        <translation>値の形式が不正です（true、false、null または数値のつづり誤り）</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>%1 became shorter while it was being read.</source>
        <translation>読み込み中に %1 が短くなりました。</translation>
    </message>
    <message>
        <source>custom_id %1 is already used on line %2; custom_id must be unique in the file.</source>
        <translation>custom_id %1 は %2 行目で既に使われています。custom_id はファイル内で一意でなければなりません。</translation>
    </message>
    <message>
        <source>url %1 differs from the batch endpoint %2.</source>
        <translation>url %1 がバッチのエンドポイント %2 と異なります。</translation>
    </message>
    <message>
        <source>url %1 differs from %2 on line %3; one file can use only one endpoint.</source>
        <translation>url %1 が %3 行目の %2 と異なります。1 つのファイルで使えるエンドポイントは 1 つだけです。</translation>
    </message>
    <message>
        <source>body.model %1 differs from %2 on line %3; one file can use only one model.</source>
        <translation>body.model %1 が %3 行目の %2 と異なります。1 つのファイルで使えるモデルは 1 つだけです。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>ファイルが空です。</translation>
    </message>
    <message>
        <source>The file contains no requests.</source>
        <translation>ファイルにリクエストがありません。</translation>
    </message>
    <message>
        <source>The file has %1 lines; %2 allows at most %3 per batch. Split it into several files.</source>
        <translation>ファイルは %1 行あります。%2 では 1 バッチあたり %3 行までです。複数のファイルに分割してください。</translation>
    </message>
    <message>
        <source>The file has %1 bytes; %2 allows at most %3 bytes per batch input file. Split it into several files.</source>
        <translation>ファイルは %1 バイトあります。%2 ではバッチ入力ファイル 1 つあたり %3 バイトまでです。複数のファイルに分割してください。</translation>
    </message>
    <message>
        <source>The file has %1 embedding inputs; %2 allows at most %3 per batch.</source>
        <translation>ファイルには埋め込み入力が %1 件あります。%2 では 1 バッチあたり %3 件までです。</translation>
    </message>
    <message>
        <source>The file starts with a UTF-8 byte order mark; some providers reject it. Save it as UTF-8 without BOM.</source>
        <translation>ファイルの先頭に UTF-8 の BOM があり、一部のプロバイダーでは拒否されます。BOM なしの UTF-8 で保存してください。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a JSONL file.</source>
        <translation>%1 はフォルダーです。JSONL ファイルではありません。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません：%2</translation>
    </message>
    <message>
        <source>A request must stay on one line.</source>
        <translation>リクエストは 1 行に収める必要があります。</translation>
    </message>
    <message>
        <source>Line %1 is not in the file.</source>
        <translation>%1 行目はファイルにありません。</translation>
    </message>
    <message>
        <source>%1 changed on disk since it was read; validate it again before editing.</source>
        <translation>%1 は読み込み後にディスク上で変更されました。編集する前にもう一度検証してください。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 画像</translation>
    </message>
    <message>
        <source>an Excel workbook (XLSX)</source>
        <translation>Excel ブック（XLSX）</translation>
    </message>
    <message>
        <source>a Word document (DOCX)</source>
        <translation>Word 文書（DOCX）</translation>
    </message>
    <message>
        <source>a ZIP archive</source>
        <translation>ZIP アーカイブ</translation>
    </message>
    <message>
        <source>an old Excel or Word document</source>
        <translation>古い形式の Excel または Word 文書</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文書</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 画像</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 画像</translation>
    </message>
    <message>
        <source>a WebP image</source>
        <translation>WebP 画像</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>gzip アーカイブ</translation>
    </message>
    <message>
        <source>a bzip2 archive</source>
        <translation>bzip2 アーカイブ</translation>
    </message>
    <message>
        <source>an xz archive</source>
        <translation>xz アーカイブ</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>7-Zip アーカイブ</translation>
    </message>
    <message>
        <source>a Zstandard archive</source>
        <translation>Zstandard アーカイブ</translation>
    </message>
    <message>
        <source>an SQLite database</source>
        <translation>SQLite データベース</translation>
    </message>
    <message>
        <source>a Parquet file</source>
        <translation>Parquet ファイル</translation>
    </message>
    <message>
        <source>a NumPy array</source>
        <translation>NumPy 配列</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <source>UTF-16 text</source>
        <translation>UTF-16 テキスト</translation>
    </message>
    <message>
        <source>binary data</source>
        <translation>バイナリデータ</translation>
    </message>
    <message>
        <source>This file is UTF-16 text. A batch input file must be UTF-8: save it again as UTF-8.</source>
        <translation>このファイルは UTF-16 テキストです。バッチ入力ファイルは UTF-8 でなければなりません。UTF-8 で保存し直してください。</translation>
    </message>
    <message>
        <source>This is not a text file (it looks like %1). A batch input file is JSONL: UTF-8 text with one JSON request per line.</source>
        <translation>これはテキストファイルではありません（%1 のようです）。バッチ入力ファイルは JSONL、つまり 1 行に 1 つの JSON リクエストを書いた UTF-8 テキストです。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>Line %1 alone is larger than one batch allows; it cannot be split.</source>
        <translation>%1 行目だけで 1 つのバッチの上限を超えているため、分割できません。</translation>
    </message>
    <message>
        <source>Cannot write a part of %1.</source>
        <translation>%1 のパートを書き込めません。</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>%1.content is %2; it must be a string or an array of text parts.</source>
        <translation>%1.content が %2 です。文字列またはテキストパートの配列でなければなりません。</translation>
    </message>
    <message>
        <source>not a text part</source>
        <translation>テキスト以外のパート</translation>
    </message>
    <message>
        <source>a %1 part</source>
        <translation>%1 パート</translation>
    </message>
    <message>
        <source>%1.content[%2] is %3; %4 batch lines converted from OpenAI take text parts only.</source>
        <translation>%1.content[%2] は %3 です。OpenAI から変換した %4 のバッチ行はテキストパートしか受け付けません。</translation>
    </message>
    <message>
        <source>messages is missing or not an array; a chat request needs it.</source>
        <translation>messages がないか、配列ではありません。チャットのリクエストには必須です。</translation>
    </message>
    <message>
        <source>%1 is not an object.</source>
        <translation>%1 はオブジェクトではありません。</translation>
    </message>
    <message>
        <source>%1 is a %2 message after the conversation started; %3 takes system text only before the first user message.</source>
        <translation>%1 は会話が始まった後の %2 メッセージです。%3 がシステムテキストを受け付けるのは最初のユーザーメッセージの前だけです。</translation>
    </message>
    <message>
        <source>%1 has role %2, which %3 batches cannot take here.</source>
        <translation>%1 の role は %2 ですが、%3 のバッチではここで使えません。</translation>
    </message>
    <message>
        <source>%1 has tool_calls, which %2 batches converted from OpenAI cannot take.</source>
        <translation>%1 に tool_calls がありますが、OpenAI から変換した %2 のバッチでは使えません。</translation>
    </message>
    <message>
        <source>%1 has no text content.</source>
        <translation>%1 にテキストの内容がありません。</translation>
    </message>
    <message>
        <source>messages has no user or assistant message; %1 needs at least one.</source>
        <translation>messages に user または assistant のメッセージがありません。%1 には少なくとも 1 つ必要です。</translation>
    </message>
    <message>
        <source>stop must be a string or an array of strings.</source>
        <translation>stop は文字列または文字列の配列でなければなりません。</translation>
    </message>
    <message>
        <source>n = %1: %2 batch lines give one answer each.</source>
        <translation>n = %1：%2 のバッチ行はそれぞれ 1 つの回答しか返しません。</translation>
    </message>
    <message>
        <source>stream is true; batch requests cannot stream.</source>
        <translation>stream が true です。バッチのリクエストはストリーミングできません。</translation>
    </message>
    <message>
        <source>%1 is set; %2 batches give no log probabilities.</source>
        <translation>%1 が設定されています。%2 のバッチは対数確率を返しません。</translation>
    </message>
    <message>
        <source>response_format %1 cannot convert to %2; remove it and ask for the format in the prompt.</source>
        <translation>response_format %1 は %2 用に変換できません。削除して、プロンプトで形式を指示してください。</translation>
    </message>
    <message>
        <source>%1 has no %2 equivalent; remove %3 from the body.</source>
        <translation>%1 に相当するものが %2 にはありません。body から %3 を削除してください。</translation>
    </message>
    <message>
        <source>model is missing; Anthropic needs it in every request.</source>
        <translation>model がありません。Anthropic ではすべてのリクエストに必須です。</translation>
    </message>
    <message>
        <source>max_tokens is required by Anthropic; add &quot;max_tokens&quot; to the body.</source>
        <translation>Anthropic では max_tokens が必須です。body に &quot;max_tokens&quot; を追加してください。</translation>
    </message>
    <message>
        <source>max_tokens is %1; it must be a positive whole number.</source>
        <translation>max_tokens が %1 です。正の整数でなければなりません。</translation>
    </message>
    <message>
        <source>temperature is %1; Anthropic takes a number from 0 to 1.</source>
        <translation>temperature が %1 です。Anthropic で使えるのは 0～1 の数値です。</translation>
    </message>
    <message>
        <source>top_p must be a number.</source>
        <translation>top_p は数値でなければなりません。</translation>
    </message>
    <message>
        <source>tools[%1] is not a function tool with a name; Anthropic takes function tools only.</source>
        <translation>tools[%1] は名前のある関数ツールではありません。Anthropic で使えるのは関数ツールだけです。</translation>
    </message>
    <message>
        <source>tool_choice %1 cannot convert to Anthropic.</source>
        <translation>tool_choice %1 は Anthropic 用に変換できません。</translation>
    </message>
    <message>
        <source>model is missing; Gemini needs it for the batch.</source>
        <translation>model がありません。Gemini ではバッチに必須です。</translation>
    </message>
    <message>
        <source>%1 is %2; it must be a positive whole number.</source>
        <translation>%1 が %2 です。正の整数でなければなりません。</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 は数値でなければなりません。</translation>
    </message>
    <message>
        <source>model is missing; Mistral needs it for the batch job.</source>
        <translation>model がありません。Mistral ではバッチジョブに必須です。</translation>
    </message>
    <message>
        <source>custom_id is missing or not a string.</source>
        <translation>custom_id がないか、文字列ではありません。</translation>
    </message>
    <message>
        <source>url is missing; the line is not an OpenAI batch request.</source>
        <translation>url がありません。この行は OpenAI のバッチリクエストではありません。</translation>
    </message>
    <message>
        <source>body is missing or not an object.</source>
        <translation>body がないか、オブジェクトではありません。</translation>
    </message>
    <message>
        <source>url %1 has no Anthropic equivalent; Anthropic batches take chat requests (/v1/chat/completions) only.</source>
        <translation>url %1 に相当するものが Anthropic にはありません。Anthropic のバッチで使えるのはチャットのリクエスト（/v1/chat/completions）だけです。</translation>
    </message>
    <message>
        <source>url %1 has no Gemini equivalent; Gemini batches take chat requests (/v1/chat/completions) only.</source>
        <translation>url %1 に相当するものが Gemini にはありません。Gemini のバッチで使えるのはチャットのリクエスト（/v1/chat/completions）だけです。</translation>
    </message>
    <message>
        <source>url %1 has no Mistral equivalent; Mistral batches take /v1/chat/completions, /v1/embeddings and /v1/moderations.</source>
        <translation>url %1 に相当するものが Mistral にはありません。Mistral のバッチで使えるのは /v1/chat/completions、/v1/embeddings、/v1/moderations です。</translation>
    </message>
    <message>
        <source>The line is %1 MB long; no provider accepts a request that large.</source>
        <translation>この行は %1 MB あります。これほど大きなリクエストを受け付けるプロバイダーはありません。</translation>
    </message>
    <message>
        <source>The line is not an Anthropic batch result (custom_id and result.type are needed).</source>
        <translation>この行は Anthropic のバッチ結果ではありません（custom_id と result.type が必要です）。</translation>
    </message>
    <message>
        <source>The batch was canceled before this request ran.</source>
        <translation>このリクエストが実行される前にバッチがキャンセルされました。</translation>
    </message>
    <message>
        <source>The batch expired before this request ran.</source>
        <translation>このリクエストが実行される前にバッチが期限切れになりました。</translation>
    </message>
    <message>
        <source>The result type %1 is unknown.</source>
        <translation>結果の種類 %1 は不明です。</translation>
    </message>
    <message>
        <source>The line is not a Gemini batch result (key is missing).</source>
        <translation>この行は Gemini のバッチ結果ではありません（key がありません）。</translation>
    </message>
    <message>
        <source>The Gemini result has neither a response nor an error.</source>
        <translation>Gemini の結果に応答もエラーもありません。</translation>
    </message>
    <message>
        <source>The result line has no custom_id.</source>
        <translation>結果の行に custom_id がありません。</translation>
    </message>
    <message>
        <source>The result line has neither a response nor an error.</source>
        <translation>結果の行に応答もエラーもありません。</translation>
    </message>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation>有効な JSON ではありません：%1。</translation>
    </message>
    <message>
        <source>The result line is not a JSON object.</source>
        <translation>結果の行が JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <source>body.%1 is missing; %2 needs it.</source>
        <translation>body.%1 がありません。%2には必須です。</translation>
    </message>
    <message>
        <source>body.%1 is %2; it must be a string.</source>
        <translation>body.%1 が %2 です。文字列でなければなりません。</translation>
    </message>
    <message>
        <source>body.%1 is an empty string.</source>
        <translation>body.%1 が空文字列です。</translation>
    </message>
    <message>
        <source>body.input is missing; a responses request needs the input text or input items.</source>
        <translation>body.input がありません。responses のリクエストには入力テキストまたは入力項目が必要です。</translation>
    </message>
    <message>
        <source>body.input is an empty string.</source>
        <translation>body.input が空文字列です。</translation>
    </message>
    <message>
        <source>body.input is an empty array; it needs at least one input item.</source>
        <translation>body.input が空の配列です。入力項目が少なくとも 1 つ必要です。</translation>
    </message>
    <message>
        <source>body.input[%1] is %2; input items are objects such as {&quot;role&quot;: &quot;user&quot;, &quot;content&quot;: &quot;…&quot;}.</source>
        <translation>body.input[%1] が %2 です。入力項目は {&quot;role&quot;: &quot;user&quot;, &quot;content&quot;: &quot;…&quot;} のようなオブジェクトです。</translation>
    </message>
    <message>
        <source>body.input[%1] has neither a role nor a type.</source>
        <translation>body.input[%1] に role も type もありません。</translation>
    </message>
    <message>
        <source>body.input is %1; it must be a string or an array of input items.</source>
        <translation>body.input が %1 です。文字列または入力項目の配列でなければなりません。</translation>
    </message>
    <message>
        <source>body.max_output_tokens must be a positive integer.</source>
        <translation>body.max_output_tokens は正の整数でなければなりません。</translation>
    </message>
    <message>
        <source>body.stream is true; a response in a batch cannot stream. Remove stream or set it to false.</source>
        <translation>body.stream が true です。バッチ内の応答はストリーミングできません。stream を削除するか false にしてください。</translation>
    </message>
    <message>
        <source>body.input is missing; a moderations request needs the text or images to classify.</source>
        <translation>body.input がありません。moderations のリクエストには分類するテキストまたは画像が必要です。</translation>
    </message>
    <message>
        <source>body.input is %1; it must be a string, an array of strings or an array of text and image_url objects.</source>
        <translation>body.input が %1 です。文字列、文字列の配列、または text と image_url のオブジェクトの配列でなければなりません。</translation>
    </message>
    <message>
        <source>body.input is an empty array.</source>
        <translation>body.input が空の配列です。</translation>
    </message>
    <message>
        <source>body.input[%1] is %2; an array of strings must hold only strings.</source>
        <translation>body.input[%1] が %2 です。文字列の配列には文字列しか入れられません。</translation>
    </message>
    <message>
        <source>body.input[%1] is %2; multi-modal inputs are {&quot;type&quot;: &quot;text&quot;, &quot;text&quot;: …} or {&quot;type&quot;: &quot;image_url&quot;, &quot;image_url&quot;: {&quot;url&quot;: …}} objects.</source>
        <translation>body.input[%1] が %2 です。マルチモーダル入力は {&quot;type&quot;: &quot;text&quot;, &quot;text&quot;: …} または {&quot;type&quot;: &quot;image_url&quot;, &quot;image_url&quot;: {&quot;url&quot;: …}} のオブジェクトです。</translation>
    </message>
    <message>
        <source>body.input[%1] is a text input without a text string.</source>
        <translation>body.input[%1] は text の入力ですが、text の文字列がありません。</translation>
    </message>
    <message>
        <source>body.input[%1] is an image_url input without image_url.url.</source>
        <translation>body.input[%1] は image_url の入力ですが、image_url.url がありません。</translation>
    </message>
    <message>
        <source>body.input[%1] has type %2; it must be &quot;text&quot; or &quot;image_url&quot;.</source>
        <translation>body.input[%1] の type が %2 です。&quot;text&quot; または &quot;image_url&quot; でなければなりません。</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>body.n must be an integer from 1 to 10.</source>
        <translation>body.n は 1～10 の整数でなければなりません。</translation>
    </message>
    <message>
        <source>body.response_format is &quot;%1&quot;; it must be &quot;url&quot; or &quot;b64_json&quot;.</source>
        <translation>body.response_format が &quot;%1&quot; です。&quot;url&quot; または &quot;b64_json&quot; でなければなりません。</translation>
    </message>
    <message>
        <source>%1 is a string; a batch line is JSON and cannot upload image bytes: reference the image as {&quot;image_url&quot;: &quot;https://… or data:image/png;base64,…&quot;} or {&quot;file_id&quot;: &quot;file-…&quot;}.</source>
        <translation>%1 が文字列です。バッチ行は JSON なので画像のバイト列をアップロードできません。画像は {&quot;image_url&quot;: &quot;https://… または data:image/png;base64,…&quot;} または {&quot;file_id&quot;: &quot;file-…&quot;} として参照してください。</translation>
    </message>
    <message>
        <source>%1 is %2; it must be an {&quot;image_url&quot;: …} or {&quot;file_id&quot;: …} object.</source>
        <translation>%1 が %2 です。{&quot;image_url&quot;: …} または {&quot;file_id&quot;: …} のオブジェクトでなければなりません。</translation>
    </message>
    <message>
        <source>%1 must have exactly one of image_url and file_id.</source>
        <translation>%1 には image_url と file_id のどちらか一方だけが必要です。</translation>
    </message>
    <message>
        <source>%1.%2 must be a non-empty string.</source>
        <translation>%1.%2 は空でない文字列でなければなりません。</translation>
    </message>
    <message>
        <source>body.image is missing; an image edit request needs the images to edit, as {&quot;image_url&quot;: …} or {&quot;file_id&quot;: …} objects (a batch line cannot upload files).</source>
        <translation>body.image がありません。画像編集のリクエストには、編集する画像を {&quot;image_url&quot;: …} または {&quot;file_id&quot;: …} のオブジェクトとして指定する必要があります（バッチ行ではファイルをアップロードできません）。</translation>
    </message>
    <message>
        <source>body.%1 holds %2 images; it must hold 1 to 16.</source>
        <translation>body.%1 に画像が %2 枚あります。1～16 枚でなければなりません。</translation>
    </message>
    <message>
        <source>body.images is %1; it must be an array of {&quot;image_url&quot;: …} or {&quot;file_id&quot;: …} objects.</source>
        <translation>body.images が %1 です。{&quot;image_url&quot;: …} または {&quot;file_id&quot;: …} のオブジェクトの配列でなければなりません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::BuildSpec</name>
    <message>
        <source>A parameter needs a name: key=value.</source>
        <translation>パラメーターには名前が必要です：key=value</translation>
    </message>
    <message>
        <source>%1 needs a number, not &quot;%2&quot;.</source>
        <translation>%1 には数値を指定してください（「%2」は不可）。</translation>
    </message>
    <message>
        <source>%1 needs a positive whole number, not &quot;%2&quot;.</source>
        <translation>%1 には正の整数を指定してください（「%2」は不可）。</translation>
    </message>
    <message>
        <source>stop: &quot;%1&quot; is not a JSON array of strings.</source>
        <translation>stop：「%1」は文字列の JSON 配列ではありません。</translation>
    </message>
    <message>
        <source>response_format must be json_object, json_schema or text, not &quot;%1&quot;.</source>
        <translation>response_format は json_object、json_schema、text のいずれかです（「%1」は不可）。</translation>
    </message>
    <message>
        <source>The extra JSON is not an object.</source>
        <translation>追加の JSON がオブジェクトではありません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::ChunkValidator</name>
    <message>
        <source>The line is blank; every line must hold one request.</source>
        <translation>空行です。各行に 1 つのリクエストが必要です。</translation>
    </message>
    <message>
        <source>The line is %1 MB long; Batchdesk does not parse lines over %2 MB, and no provider accepts a request that large.</source>
        <translation>この行は %1 MB あります。Batchdesk は %2 MB を超える行を解析せず、これほど大きなリクエストを受け付けるプロバイダーもありません。</translation>
    </message>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation>有効な JSON ではありません：%1。</translation>
    </message>
    <message>
        <source>Invalid UTF-8 at byte %1 of the line; save the file as UTF-8.</source>
        <translation>行の %1 バイト目に無効な UTF-8 があります。ファイルを UTF-8 で保存してください。</translation>
    </message>
    <message>
        <source>The line is %1, not a JSON object with custom_id, method, url and body.</source>
        <translation>この行は %1 です。custom_id、method、url、body を持つ JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <source>custom_id is null; every request needs a unique custom_id.</source>
        <translation>custom_id が null です。各リクエストには一意の custom_id が必要です。</translation>
    </message>
    <message>
        <source>custom_id is missing; every request needs a unique custom_id.</source>
        <translation>custom_id がありません。各リクエストには一意の custom_id が必要です。</translation>
    </message>
    <message>
        <source>custom_id is %1; it must be a string.</source>
        <translation>custom_id が %1 です。文字列でなければなりません。</translation>
    </message>
    <message>
        <source>custom_id is an empty string.</source>
        <translation>custom_id が空文字列です。</translation>
    </message>
    <message>
        <source>custom_id has %1 characters; some providers reject more than %2.</source>
        <translation>custom_id は %1 文字です。%2 文字を超えると拒否するプロバイダーがあります。</translation>
    </message>
    <message>
        <source>method is missing; it must be &quot;POST&quot;.</source>
        <translation>method がありません。&quot;POST&quot; でなければなりません。</translation>
    </message>
    <message>
        <source>method is %1; it must be &quot;POST&quot;.</source>
        <translation>method が %1 です。&quot;POST&quot; でなければなりません。</translation>
    </message>
    <message>
        <source>method must be the string &quot;POST&quot;.</source>
        <translation>method は文字列 &quot;POST&quot; でなければなりません。</translation>
    </message>
    <message>
        <source>url is missing; it must be the batch endpoint, one of %1.</source>
        <translation>url がありません。バッチのエンドポイント（%1 のいずれか）でなければなりません。</translation>
    </message>
    <message>
        <source>url must be a string, one of %1.</source>
        <translation>url は文字列（%1 のいずれか）でなければなりません。</translation>
    </message>
    <message>
        <source>url %1 is not a batch endpoint of %2; use one of %3.</source>
        <translation>url %1 は %2 のバッチのエンドポイントではありません。%3 のいずれかを使ってください。</translation>
    </message>
    <message>
        <source>body is missing; it must be the request&apos;s JSON object.</source>
        <translation>body がありません。リクエストの JSON オブジェクトでなければなりません。</translation>
    </message>
    <message>
        <source>body must be a JSON object.</source>
        <translation>body は JSON オブジェクトでなければなりません。</translation>
    </message>
    <message>
        <source>body.model is missing.</source>
        <translation>body.model がありません。</translation>
    </message>
    <message>
        <source>body.model must be a string.</source>
        <translation>body.model は文字列でなければなりません。</translation>
    </message>
    <message>
        <source>body.model is an empty string.</source>
        <translation>body.model が空文字列です。</translation>
    </message>
    <message>
        <source>body.stream is true; batch requests cannot stream and some providers reject them.</source>
        <translation>body.stream が true です。バッチのリクエストはストリーミングできず、拒否するプロバイダーもあります。</translation>
    </message>
    <message>
        <source>body.messages is missing; a chat request needs it.</source>
        <translation>body.messages がありません。チャットのリクエストには必須です。</translation>
    </message>
    <message>
        <source>body.messages must be an array of messages.</source>
        <translation>body.messages はメッセージの配列でなければなりません。</translation>
    </message>
    <message>
        <source>body.messages is empty.</source>
        <translation>body.messages が空です。</translation>
    </message>
    <message>
        <source>body.messages[%1] %2.</source>
        <translation>body.messages[%1] %2。</translation>
    </message>
    <message>
        <source>body.prompt is missing; a completions request needs it.</source>
        <translation>body.prompt がありません。completions のリクエストには必須です。</translation>
    </message>
    <message>
        <source>body.input is missing; an embeddings request needs it.</source>
        <translation>body.input がありません。embeddings のリクエストには必須です。</translation>
    </message>
    <message>
        <source>The line nests objects and arrays more than %1 levels deep; providers refuse such requests.</source>
        <translation>この行ではオブジェクトと配列が %1 階層を超えて入れ子になっています。このようなリクエストはプロバイダーに拒否されます。</translation>
    </message>
    <message>
        <source>custom_id %1 is not accepted by %2: it must be 1 to 64 letters, digits, &quot;_&quot; or &quot;-&quot;.</source>
        <translation>custom_id %1 は %2 では使えません。1～64 文字の英字、数字、&quot;_&quot;、&quot;-&quot; でなければなりません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::CsvReader</name>
    <message>
        <source>The file has no data rows.</source>
        <translation>ファイルにデータ行がありません。</translation>
    </message>
    <message>
        <source>Row %1 (line %2), column %3: the cell is not valid UTF-8; save the file as UTF-8.</source>
        <translation>%1 行目（テキストの %2 行目）、%3 列目：セルが有効な UTF-8 ではありません。ファイルを UTF-8 で保存してください。</translation>
    </message>
    <message>
        <source>Row %1 (record %2, line %3) has %4 cells; the header has %5.</source>
        <translation>%1 行目（レコード %2、テキストの %3 行目）のセルは %4 個ですが、ヘッダーは %5 個です。</translation>
    </message>
    <message>
        <source>Header column %1 is not valid UTF-8; save the file as UTF-8.</source>
        <translation>ヘッダーの %1 列目が有効な UTF-8 ではありません。ファイルを UTF-8 で保存してください。</translation>
    </message>
    <message>
        <source>Header column %1 has no name; it is called &quot;%2&quot;.</source>
        <translation>ヘッダーの %1 列目に名前がありません。「%2」と呼びます。</translation>
    </message>
    <message>
        <source>Header column %1 repeats the name &quot;%2&quot;; it is called &quot;%3&quot;.</source>
        <translation>ヘッダーの %1 列目の名前「%2」が重複しています。「%3」と呼びます。</translation>
    </message>
    <message>
        <source>Record %1 (line %2): a quoted cell is not closed before the end of the file.</source>
        <translation>レコード %1（テキストの %2 行目）：引用符で囲まれたセルがファイルの終わりまでに閉じられていません。</translation>
    </message>
    <message>
        <source>Record %1 (line %2): a quote inside an unquoted cell, or text after a closing quote (RFC 4180); quote the whole cell and double the quotes inside it. Reading stopped here.</source>
        <translation>レコード %1（テキストの %2 行目）：引用符で囲まれていないセル内に引用符があるか、閉じ引用符の後に文字があります（RFC 4180）。セル全体を引用符で囲み、中の引用符は二重にしてください。ここで読み込みを中止しました。</translation>
    </message>
    <message>
        <source>Record %1 (line %2): %3</source>
        <translation>レコード %1（テキストの %2 行目）：%3</translation>
    </message>
    <message>
        <source>Record %1 (from line %2) is longer than %3 MB: a quoted cell is probably not closed. Reading stopped here.</source>
        <translation>レコード %1（テキストの %2 行目から）が %3 MB を超えています。引用符で囲まれたセルが閉じられていない可能性があります。ここで読み込みを中止しました。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::CsvTable</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>メモリが不足しています。</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>キャンセルしました。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::CsvTable::Builder</name>
    <message>
        <source>Column %1 repeats the name &quot;%2&quot;; it is called &quot;%3&quot;.</source>
        <translation>%1 列目の名前「%2」が重複しています。「%3」と呼びます。</translation>
    </message>
    <message>
        <source>Row %1 has more cells than the %2 columns; the cell is dropped.</source>
        <translation>%1 行目のセルが %2 列より多いため、余分なセルは破棄します。</translation>
    </message>
    <message>
        <source>Row %1, column %2: the cell is not valid UTF-8.</source>
        <translation>%1 行目、%2 列目：セルが有効な UTF-8 ではありません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::FileConverter</name>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation>有効な JSON ではありません：%1。</translation>
    </message>
    <message>
        <source>The line is not a JSON object.</source>
        <translation>この行は JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <source>custom_id %1 is not accepted by Anthropic: it must be 1 to 64 letters, digits, &quot;_&quot; or &quot;-&quot;.</source>
        <translation>custom_id %1 は Anthropic では使えません。1～64 文字の英字、数字、&quot;_&quot;、&quot;-&quot; でなければなりません。</translation>
    </message>
    <message>
        <source>url %1 differs from %2 on line %3; one batch uses one endpoint.</source>
        <translation>url %1 が %3 行目の %2 と異なります。1 つのバッチで使えるエンドポイントは 1 つだけです。</translation>
    </message>
    <message>
        <source>model %1 differs from %2 on line %3; one %4 batch runs one model.</source>
        <translation>model %1 が %3 行目の %2 と異なります。%4 の 1 つのバッチで実行できるモデルは 1 つだけです。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::JsonlFile</name>
    <message>
        <source>Line %1 does not exist</source>
        <translation>%1 行目は存在しません</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>%1 changed on disk after it was opened; open it again to see the current content.</source>
        <translation>%1 は開いた後にディスク上で変更されました。現在の内容を見るには開き直してください。</translation>
    </message>
    <message>
        <source>Cannot read line %1 of %2: %3</source>
        <translation>%2 の %1 行目を読み込めません：%3</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::LineIndex</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません：%2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::RequestBuilder</name>
    <message>
        <source>The endpoint &quot;%1&quot; is not one of %2, %3, %4.</source>
        <translation>エンドポイント「%1」は %2、%3、%4 のいずれでもありません。</translation>
    </message>
    <message>
        <source>No model is set.</source>
        <translation>モデルが指定されていません。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: {{%2}} is not a column; %3</source>
        <translation>%1：{{%2}} は列ではありません。%3</translation>
    </message>
    <message>
        <source>User message</source>
        <translation>ユーザーメッセージ</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Input template</source>
        <translation>入力テンプレート</translation>
    </message>
    <message>
        <source>System message</source>
        <translation>システムメッセージ</translation>
    </message>
    <message>
        <source>A system message applies to %1 only.</source>
        <translation>システムメッセージは %1 にのみ適用されます。</translation>
    </message>
    <message>
        <source>Embeddings need an input column or an input template.</source>
        <translation>embeddings には入力列または入力テンプレートが必要です。</translation>
    </message>
    <message>
        <source>Give either input columns or an input template, not both.</source>
        <translation>入力列か入力テンプレートのどちらか一方を指定してください。</translation>
    </message>
    <message>
        <source>Input column &quot;%1&quot; does not exist; %2</source>
        <translation>入力列「%1」は存在しません。%2</translation>
    </message>
    <message>
        <source>%1: the template is empty.</source>
        <translation>%1：テンプレートが空です。</translation>
    </message>
    <message>
        <source>Input columns apply to %1 only.</source>
        <translation>入力列は %1 にのみ適用されます。</translation>
    </message>
    <message>
        <source>Id column &quot;%1&quot; does not exist; %2</source>
        <translation>ID 列「%1」は存在しません。%2</translation>
    </message>
    <message>
        <source>%1 does not apply to %2.</source>
        <translation>%1 は %2 には適用されません。</translation>
    </message>
    <message>
        <source>response_format json_schema needs the schema (json_schema=...).</source>
        <translation>response_format json_schema にはスキーマ（json_schema=...）が必要です。</translation>
    </message>
    <message>
        <source>The JSON schema is not a JSON object: %1.</source>
        <translation>JSON スキーマが JSON オブジェクトではありません：%1。</translation>
    </message>
    <message>
        <source>The extra JSON must be one JSON object: %1.</source>
        <translation>追加の JSON は 1 つの JSON オブジェクトでなければなりません：%1。</translation>
    </message>
    <message>
        <source>it is not an object</source>
        <translation>オブジェクトではありません</translation>
    </message>
    <message>
        <source>The extra JSON sets &quot;%1&quot;, which the builder writes itself.</source>
        <translation>追加の JSON が「%1」を設定していますが、これはビルダーが自動で書き込みます。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is set both as a parameter and in the extra JSON; keep one.</source>
        <translation>「%1」がパラメーターと追加の JSON の両方で設定されています。どちらか一方にしてください。</translation>
    </message>
    <message>
        <source>Row %1 (line %2): column &quot;%3&quot; is empty.</source>
        <translation>%1 行目（テキストの %2 行目）：列「%3」が空です。</translation>
    </message>
    <message>
        <source>Row %1 (line %2): the id column &quot;%3&quot; is empty.</source>
        <translation>%1 行目（テキストの %2 行目）：ID 列「%3」が空です。</translation>
    </message>
    <message>
        <source>Row %1 (line %2): custom_id &quot;%3&quot; is already used by row %4 (line %5).</source>
        <translation>%1 行目（テキストの %2 行目）：custom_id「%3」は %4 行目（テキストの %5 行目）で既に使われています。</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>%1 error(s) in the CSV or the template; nothing was written.</source>
        <translation>CSV またはテンプレートに %1 件のエラーがあります。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>The CSV has no data rows; nothing was written.</source>
        <translation>CSV にデータ行がありません。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>Row %1 (line %2) alone is larger than %3 allows (%4 bytes, %5 inputs).</source>
        <translation>%1 行目（テキストの %2 行目）だけで %3 の上限を超えています（%4 バイト、入力 %5 件）。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません：%2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::ResultLineConverter</name>
    <message>
        <source>line %1: %2</source>
        <translation>%1 行目：%2</translation>
    </message>
    <message>
        <source>The line is longer than 64 MB.</source>
        <translation>この行は 64 MB を超えています。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::Template</name>
    <message>
        <source>&quot;{{&quot; at character %1 has no closing &quot;}}&quot; (write &quot;{{{{&quot; for a literal &quot;{{&quot;).</source>
        <translation>%1 文字目の「{{」に対応する「}}」がありません（「{{」そのものを書くには「{{{{」と書きます）。</translation>
    </message>
    <message>
        <source>The placeholder at character %1 has no column name.</source>
        <translation>%1 文字目のプレースホルダーに列名がありません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Jsonl::Validator</name>
    <message>
        <source>is not an object</source>
        <translation>がオブジェクトではありません</translation>
    </message>
    <message>
        <source>has a role that is not a non-empty string</source>
        <translation>の role が空でない文字列ではありません</translation>
    </message>
    <message>
        <source>has no role</source>
        <translation>に role がありません</translation>
    </message>
    <message>
        <source>body.input is an empty string</source>
        <translation>body.input が空文字列です</translation>
    </message>
    <message>
        <source>body.input must contain strings or token arrays</source>
        <translation>body.input には文字列またはトークン配列が必要です</translation>
    </message>
    <message>
        <source>body.input is an empty array</source>
        <translation>body.input が空の配列です</translation>
    </message>
    <message>
        <source>body.input must be a string or an array</source>
        <translation>body.input は文字列または配列でなければなりません</translation>
    </message>
    <message>
        <source>an image edit request</source>
        <translation>画像編集のリクエスト</translation>
    </message>
    <message>
        <source>a video request</source>
        <translation>動画のリクエスト</translation>
    </message>
    <message>
        <source>an image generation request</source>
        <translation>画像生成のリクエスト</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::AllBatchesModel</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed, %3 pending of %4</source>
        <translation>%4 件中 成功 %1 件、失敗 %2 件、保留 %3 件</translation>
    </message>
    <message>
        <source>Double-click to open this batch in its account.</source>
        <translation>ダブルクリックすると、このバッチをそのアカウントで開きます。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
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
        <translation>検証中</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Assembling results</source>
        <translation>結果を集計中</translation>
    </message>
    <message>
        <source>Completed, all failed</source>
        <translation>完了（すべて失敗）</translation>
    </message>
    <message>
        <source>Completed with failures</source>
        <translation>完了（一部失敗）</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>キャンセル中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>~%1 s</source>
        <translation>約 %1 秒</translation>
    </message>
    <message>
        <source>~%1 min</source>
        <translation>約 %1 分</translation>
    </message>
    <message>
        <source>~%1 h %2 min</source>
        <translation>約 %1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>assembling results</source>
        <translation>結果を集計中</translation>
    </message>
    <message>
        <source>Saved locally</source>
        <translation>ローカルに保存済み</translation>
    </message>
    <message>
        <source>Every request ran; the provider is assembling the result files.</source>
        <translation>すべてのリクエストが実行されました。プロバイダーが結果ファイルを作成しています。</translation>
    </message>
    <message>
        <source>%1 of %2 requests failed: see the error file.</source>
        <translation>%2 件中 %1 件のリクエストが失敗しました。エラーファイルを確認してください。</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed, %3 pending of %4</source>
        <translation>%4 件中 成功 %1 件、失敗 %2 件、保留 %3 件</translation>
    </message>
    <message>
        <source>The results expire %1 and are not downloaded yet.</source>
        <translation>結果は %1 に期限切れになりますが、まだダウンロードされていません。</translation>
    </message>
    <message>
        <source>The results are saved on this computer.</source>
        <translation>結果はこのコンピューターに保存されています。</translation>
    </message>
    <message>
        <source>The provider gave no deadline: created + 24 h.</source>
        <translation>プロバイダーが期限を示していません：作成から 24 時間。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>残り時間</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Output expiry</source>
        <translation>出力の有効期限</translation>
    </message>
    <message>
        <source>%1, part %2</source>
        <translation>%1、パート %2</translation>
    </message>
    <message>
        <source>%1, retry %2, part %3</source>
        <translation>%1、再試行 %2、パート %3</translation>
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
        <translation>%1 秒未満</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::FileTableModel</name>
    <message>
        <source>%1 used</source>
        <translation>%1 使用</translation>
    </message>
    <message>
        <source>%1 of %2 used</source>
        <translation>%2 中 %1 使用</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>This file expires soon: download what you need.</source>
        <translation>このファイルはまもなく期限切れになります。必要なものをダウンロードしてください。</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 バイト</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Filename</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::IssuesModel</name>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>This finding is about the file as a whole.</source>
        <translation>この指摘はファイル全体に関するものです。</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::JobTreeModel</name>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Preparing the next round</source>
        <translation>次のラウンドを準備中</translation>
    </message>
    <message>
        <source>Finished with failures</source>
        <translation>完了（失敗あり）</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>Retry %1, part %2</source>
        <translation>再試行 %1、パート %2</translation>
    </message>
    <message>
        <source>Part %1</source>
        <translation>パート %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed of %3 requests</source>
        <translation>%3 件のリクエストのうち成功 %1 件、失敗 %2 件</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) running, %1 waiting for a free slot</source>
        <translation>
            <numerusform>%n 件のパートが実行中、%1 件が空き枠を待機中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requests that did not succeed are retried up to %n time(s)</source>
        <translation>
            <numerusform>成功しなかったリクエストは最大 %n 回再試行されます</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 件のリクエスト</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — lines %2 to %3 of the input</source>
        <translation>%1 — 入力の %2 行目から %3 行目</translation>
    </message>
    <message>
        <source>Waiting for a free slot: the provider runs a limited number of batches at once.</source>
        <translation>空き枠を待っています：プロバイダーが同時に実行するバッチの数には上限があります。</translation>
    </message>
    <message>
        <source>Batch status: %1</source>
        <translation>バッチのステータス：%1</translation>
    </message>
    <message>
        <source>No batch yet</source>
        <translation>バッチはまだありません</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>変更日時 %1</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Parts done</source>
        <translation>完了パート</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>ラウンド</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>アカウント %1</translation>
    </message>
    <message>
        <source>Finishing in real time on %1</source>
        <translation>%1 でリアルタイムに完了中</translation>
    </message>
    <message>
        <source>Finished in real time on %1</source>
        <translation>%1 でリアルタイムに完了</translation>
    </message>
    <message>
        <source>after %1 hours</source>
        <translation>%1 時間後</translation>
    </message>
    <message>
        <source>at %1 % done</source>
        <translation>%1% 完了時</translation>
    </message>
    <message>
        <source>Finishes in real time on %1 %2</source>
        <translation>%2に %1 でリアルタイムに完了します</translation>
    </message>
    <message>
        <source> or </source>
        <translation>または</translation>
    </message>
    <message>
        <source>%1 · real time: %2</source>
        <translation>%1 · リアルタイム：%2</translation>
    </message>
    <message>
        <source>Runs on this computer against the real-time endpoint of %1</source>
        <translation>このコンピューターから %1 のリアルタイムのエンドポイントを使って実行されます</translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation>見積もりなし</translation>
    </message>
    <message>
        <source>Budget %1 (retry rounds keep to it); estimated %2 when submitted</source>
        <translation>予算 %1（再試行ラウンドにも適用）。送信時の見積もり %2</translation>
    </message>
    <message>
        <source>Estimated cost %1 when submitted</source>
        <translation>送信時の見積もり費用 %1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::RequestsModel</name>
    <message>
        <source>No file is open.</source>
        <translation>ファイルが開かれていません。</translation>
    </message>
    <message>
        <source>This line is %1, too large to preview.</source>
        <translation>この行は %1 あり、プレビューするには大きすぎます。</translation>
    </message>
    <message>
        <source>This line is not a JSON object.</source>
        <translation>この行は JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>custom_id</source>
        <translation>custom_id</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln バイト</numerusform>
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
        <translation>結果</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>レスポンス</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>終了理由</translation>
    </message>
    <message>
        <source>In tokens</source>
        <translation>入力トークン</translation>
    </message>
    <message>
        <source>Out tokens</source>
        <translation>出力トークン</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>フラグ付き</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>カテゴリー</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>The answer is not JSON: %1</source>
        <translation>応答が JSON ではありません：%1</translation>
    </message>
    <message>
        <source>Previous response</source>
        <translation>前の応答</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime</name>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 を保存できません：%2</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without a body.</source>
        <translation>サーバーは HTTP %1 を返しましたが、本文がありません。</translation>
    </message>
    <message>
        <source>A line is longer than %1 MiB.</source>
        <translation>%1 MiB を超える行があります。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime::Limits</name>
    <message>
        <source>The concurrency must be between 1 and %1.</source>
        <translation>同時実行数は 1～%1 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The requests per minute cannot be negative.</source>
        <translation>1 分あたりのリクエスト数に負の値は指定できません。</translation>
    </message>
    <message>
        <source>The tokens per minute cannot be negative.</source>
        <translation>1 分あたりのトークン数に負の値は指定できません。</translation>
    </message>
    <message>
        <source>The attempts per request must be between 1 and 100.</source>
        <translation>リクエストあたりの試行回数は 1～100 の範囲で指定してください。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime::LocalBatches</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません：%2</translation>
    </message>
    <message>
        <source>No such file: %1</source>
        <translation>該当するファイルがありません：%1</translation>
    </message>
    <message>
        <source>The file is used by the batch %1, which is still running.</source>
        <translation>このファイルは実行中のバッチ %1 で使われています。</translation>
    </message>
    <message>
        <source>Cannot delete %1.</source>
        <translation>%1 を削除できません。</translation>
    </message>
    <message>
        <source>No such input file: %1</source>
        <translation>該当する入力ファイルがありません：%1</translation>
    </message>
    <message>
        <source>A real-time batch needs a &quot;Run here&quot; account to run on.</source>
        <translation>リアルタイムのバッチを実行するには「Run here」アカウントが必要です。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>No such batch: %1</source>
        <translation>該当するバッチがありません：%1</translation>
    </message>
    <message>
        <source>The batch %1 has already ended (%2).</source>
        <translation>バッチ %1 は既に終了しています（%2）。</translation>
    </message>
    <message>
        <source>No account can run this batch here.</source>
        <translation>このバッチをここで実行できるアカウントがありません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime::RealtimeRunner</name>
    <message>
        <source>&quot;%1&quot; is not an endpoint URL (e.g. http://localhost:8000/v1).</source>
        <translation>「%1」はエンドポイントの URL ではありません（例：http://localhost:8000/v1）。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not a request with a custom_id: validate the file before running it.</source>
        <translation>%2 の %1 行目は custom_id を持つリクエストではありません。実行する前にファイルを検証してください。</translation>
    </message>
    <message>
        <source>Line %1 repeats the custom_id &quot;%2&quot;: each request needs its own.</source>
        <translation>%1 行目の custom_id「%2」は重複しています。リクエストごとに別の custom_id が必要です。</translation>
    </message>
    <message>
        <source>The line must be a POST to an endpoint path like /v1/chat/completions.</source>
        <translation>この行は /v1/chat/completions のようなエンドポイントパスへの POST でなければなりません。</translation>
    </message>
    <message>
        <source>The answer is larger than %1 MiB.</source>
        <translation>応答が %1 MiB を超えています。</translation>
    </message>
    <message>
        <source>No complete answer within %1 s.</source>
        <translation>%1 秒以内に完全な応答がありませんでした。</translation>
    </message>
    <message>
        <source>The endpoint redirected the request to %1; real-time requests are not redirected (set the account&apos;s URL to where the API is).</source>
        <translation>エンドポイントがリクエストを %1 にリダイレクトしました。リアルタイムのリクエストはリダイレクトされません（アカウントの URL を API の実際のアドレスに設定してください）。</translation>
    </message>
    <message>
        <source>The endpoint answered HTTP %1 with a body that is not a JSON object.</source>
        <translation>エンドポイントは HTTP %1 を返しましたが、本文が JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <source>The run was cancelled before this request succeeded.</source>
        <translation>このリクエストが成功する前に実行がキャンセルされました。</translation>
    </message>
    <message>
        <source>The run expired before this request succeeded.</source>
        <translation>このリクエストが成功する前に実行が期限切れになりました。</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempt(s): %1</source>
        <translation>
            <numerusform>%n 回試行して断念しました：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The run was cancelled before this request was sent.</source>
        <translation>このリクエストが送信される前に実行がキャンセルされました。</translation>
    </message>
    <message>
        <source>The run expired before this request was sent.</source>
        <translation>このリクエストが送信される前に実行が期限切れになりました。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime::ResultLog</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>Cannot repair %1 (a line was cut off by an interrupted run): %2</source>
        <translation>%1 を修復できません（中断された実行によって行が途中で切れています）：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません：%2</translation>
    </message>
    <message>
        <source>The result files are not open.</source>
        <translation>結果ファイルが開かれていません。</translation>
    </message>
    <message>
        <source>Cannot save %1 to the disk: %2</source>
        <translation>%1 をディスクに保存できません：%2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime::Target</name>
    <message>
        <source>&quot;%1&quot; is not a model mapping: write batch-model=served-model.</source>
        <translation>「%1」はモデルの対応付けではありません。batch-model=served-model の形式で書いてください。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません：%2</translation>
    </message>
    <message>
        <source>%1 is not a build manifest of batchdesk-cli build.</source>
        <translation>%1 は batchdesk-cli build のビルドマニフェストではありません。</translation>
    </message>
    <message>
        <source>%1 changed since the requests were built (its SHA-256 differs from the manifest&apos;s): rows may no longer match their results.</source>
        <translation>リクエストの作成後に %1 が変更されています（SHA-256 がマニフェストと一致しません）。行と結果が対応しなくなっている可能性があります。</translation>
    </message>
    <message>
        <source>%1 has %2 rows; the manifest says %3.</source>
        <translation>%1 は %2 行ですが、マニフェストでは %3 行です。</translation>
    </message>
    <message>
        <source>The id column &quot;%1&quot; is not in %2.</source>
        <translation>ID 列「%1」が %2 にありません。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>An embedding holds a value that is not a number.</source>
        <translation>埋め込みに数値でない値が含まれています。</translation>
    </message>
    <message>
        <source>Embeddings of different sizes (%1 and %2) cannot form one matrix.</source>
        <translation>サイズの異なる埋め込み（%1 と %2）は 1 つの行列にできません。</translation>
    </message>
    <message>
        <source>None of the rows has an embedding.</source>
        <translation>埋め込みを持つ行がありません。</translation>
    </message>
    <message>
        <source>No request has one of the chosen outcomes.</source>
        <translation>選択した結果に該当するリクエストがありません。</translation>
    </message>
    <message>
        <source>The result line is not a JSON object.</source>
        <translation>結果の行が JSON オブジェクトではありません。</translation>
    </message>
    <message numerus="yes">
        <source>embedding, %n dims</source>
        <translation>
            <numerusform>埋め込み（%n 次元）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 embeddings, %2 dims</source>
        <translation>埋め込み %1 件（%2 次元）</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 に書き込めません</translation>
    </message>
    <message>
        <source>The results of %1 were not downloaded completely.</source>
        <translation>%1 の結果は完全にはダウンロードされていません。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 を読み込めません。</translation>
    </message>
    <message>
        <source>The results of %1 were saved by an older version without sizes and checksums; they are downloaded again.</source>
        <translation>%1 の結果は、サイズとチェックサムを記録しない古いバージョンで保存されています。もう一度ダウンロードします。</translation>
    </message>
    <message>
        <source>The marker of %1 names an unexpected file.</source>
        <translation>%1 のマーカーファイルに想定外のファイルが記載されています。</translation>
    </message>
    <message>
        <source>%1 is missing from the results of %2.</source>
        <translation>%2 の結果に %1 がありません。</translation>
    </message>
    <message>
        <source>%1 has %2 bytes, but %3 were downloaded: the file was cut or changed.</source>
        <translation>%1 は %2 バイトですが、ダウンロードしたのは %3 バイトです。ファイルが切り詰められたか変更されています。</translation>
    </message>
    <message>
        <source>%1 was changed after it was downloaded (its SHA-256 differs).</source>
        <translation>%1 はダウンロード後に変更されています（SHA-256 が一致しません）。</translation>
    </message>
    <message>
        <source>The results are not ready to be joined.</source>
        <translation>結果はまだ結合できる状態ではありません。</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>画像 1 枚</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>画像 %1 枚</translation>
    </message>
    <message>
        <source>flagged: %1</source>
        <translation>フラグ付き：%1</translation>
    </message>
    <message>
        <source>not flagged</source>
        <translation>フラグなし</translation>
    </message>
    <message>
        <source>video %1: %2</source>
        <translation>動画 %1：%2</translation>
    </message>
    <message>
        <source>The JSON path &quot;%1&quot; is not usable: %2</source>
        <translation>JSON パス「%1」は使用できません：%2</translation>
    </message>
    <message>
        <source>a [ without ]</source>
        <translation>] のない [</translation>
    </message>
    <message>
        <source>an array index must be a number 0 or more</source>
        <translation>配列のインデックスは 0 以上の数値でなければなりません</translation>
    </message>
    <message>
        <source>an empty member name</source>
        <translation>空のメンバー名</translation>
    </message>
    <message>
        <source>a member name must follow a dot</source>
        <translation>ドットの後にはメンバー名が必要です</translation>
    </message>
    <message>
        <source>the answer is larger than 16 MiB</source>
        <translation>応答が 16 MiB を超えています</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>JSON ではありません：%1</translation>
    </message>
    <message>
        <source>no object at &quot;%1&quot;</source>
        <translation>「%1」にオブジェクトがありません</translation>
    </message>
    <message>
        <source>the answer is JSON but not an object</source>
        <translation>応答は JSON ですが、オブジェクトではありません</translation>
    </message>
    <message>
        <source>The original CSV %1 is no longer there; its columns are left out.</source>
        <translation>元の CSV %1 が見つかりません。その列は含めません。</translation>
    </message>
    <message>
        <source>The original CSV %1 changed since the build (its SHA-256 differs from the manifest&apos;s); its columns are left out.</source>
        <translation>元の CSV %1 は作成後に変更されています（SHA-256 がマニフェストと一致しません）。その列は含めません。</translation>
    </message>
    <message>
        <source>The id column &quot;%1&quot; is not in %2; its columns are left out.</source>
        <translation>ID 列「%1」が %2 にありません。%2 の列は含めません。</translation>
    </message>
    <message>
        <source>The table has no custom_id column.</source>
        <translation>表に custom_id 列がありません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::Detail</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません：%2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>outcome</comment>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>欠落</translation>
    </message>
    <message>
        <source>Too many result files</source>
        <translation>結果ファイルが多すぎます</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::ImageWriter</name>
    <message>
        <source>No folder was given for the images.</source>
        <translation>画像の保存先フォルダーが指定されていません。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>%1: image %2 is not a PNG, JPEG or WebP image.</source>
        <translation>%1：画像 %2 は PNG、JPEG、WebP のいずれの画像でもありません。</translation>
    </message>
    <message>
        <source>%1: image %2 is not valid base64.</source>
        <translation>%1：画像 %2 は有効な base64 ではありません。</translation>
    </message>
    <message>
        <source>Refusing to write outside %1.</source>
        <translation>%1 の外には書き込みません。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません：%2</translation>
    </message>
    <message>
        <source>None of the images could be decoded: %1</source>
        <translation>どの画像もデコードできませんでした：%1</translation>
    </message>
    <message>
        <source>The results hold no images.</source>
        <translation>結果に画像がありません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::JoinedResults</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>%1 changed on disk after it was opened; open it again.</source>
        <translation>%1 は開いた後にディスク上で変更されました。開き直してください。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::ResultsDownload</name>
    <message>
        <source>&quot;%1&quot; is not a batch id.</source>
        <translation>「%1」はバッチ ID ではありません。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>The download was stopped.</source>
        <translation>ダウンロードを停止しました。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::SummaryFilter</name>
    <message>
        <source>Output tokens: %1</source>
        <translation>出力トークン：%1</translation>
    </message>
    <message>
        <source>Output tokens: %1–%2</source>
        <translation>出力トークン：%1～%2</translation>
    </message>
    <message>
        <source>Finish reason: %1</source>
        <translation>終了理由：%1</translation>
    </message>
    <message>
        <source>Failure: %1</source>
        <translation>失敗：%1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results::SyntaxCheck</name>
    <message>
        <source>text after the JSON at offset %1</source>
        <translation>オフセット %1：JSON の後にテキストがあります</translation>
    </message>
    <message>
        <source>unexpected character at offset %1</source>
        <translation>オフセット %1：予期しない文字があります</translation>
    </message>
    <message>
        <source>the text ends at offset %1 before the JSON does</source>
        <translation>オフセット %1：JSON が終わる前にテキストが終わっています</translation>
    </message>
    <message>
        <source>nested too deeply at offset %1</source>
        <translation>オフセット %1：入れ子が深すぎます</translation>
    </message>
    <message>
        <source>a control character inside a string at offset %1</source>
        <translation>オフセット %1：文字列内に制御文字があります</translation>
    </message>
    <message>
        <source>invalid escape sequence at offset %1</source>
        <translation>オフセット %1：無効なエスケープシーケンスです</translation>
    </message>
    <message>
        <source>unterminated string at offset %1</source>
        <translation>オフセット %1：文字列が閉じられていません</translation>
    </message>
    <message>
        <source>invalid number at offset %1</source>
        <translation>オフセット %1：無効な数値です</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Secrets</name>
    <message>
        <source>On Linux a Secret Service (GNOME Keyring or KWallet) must be running in your session and unlocked.</source>
        <translation>Linux では、セッション内で Secret Service（GNOME Keyring または KWallet）が起動し、ロック解除されている必要があります。</translation>
    </message>
    <message>
        <source>Check that the login keychain is unlocked.</source>
        <translation>ログインキーチェーンのロックが解除されているか確認してください。</translation>
    </message>
    <message>
        <source>Check that the Windows Credential Manager is available.</source>
        <translation>Windows 資格情報マネージャーが利用できるか確認してください。</translation>
    </message>
    <message>
        <source>No API key is stored in the keychain for %1. If you stored one, the keyring may be locked: unlock it and try again.</source>
        <translation>キーチェーンに %1 の API キーが保存されていません。保存した場合はキーリングがロックされている可能性があります。ロックを解除してやり直してください。</translation>
    </message>
    <message>
        <source>No keychain is available (%1). %2</source>
        <translation>キーチェーンを利用できません（%1）。%2</translation>
    </message>
    <message>
        <source>Access to the keychain was denied (%1).</source>
        <translation>キーチェーンへのアクセスが拒否されました（%1）。</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1. %2</source>
        <translation>キーチェーンがエラーを報告しました：%1。%2</translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 s. %2</source>
        <translation>システムのキーチェーンが %1 秒以内に応答しませんでした。%2</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Store</name>
    <message>
        <source>Cannot write the batch cache: %1</source>
        <translation>バッチのキャッシュに書き込めません：%1</translation>
    </message>
    <message>
        <source>Cannot read the batch cache: %1</source>
        <translation>バッチのキャッシュを読み込めません：%1</translation>
    </message>
    <message>
        <source>No such submission.</source>
        <translation>該当する送信がありません。</translation>
    </message>
    <message>
        <source>%1 cannot resubmit %2: that would be a cycle.</source>
        <translation>%1 は %2 を再送信できません。循環になります。</translation>
    </message>
    <message>
        <source>Cannot access the progress history: %1</source>
        <translation>進捗の履歴にアクセスできません: %1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Store::AccountStore</name>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation>「%1」という名前のアカウントはありません。</translation>
    </message>
    <message>
        <source>The account no longer exists.</source>
        <translation>アカウントはもう存在しません。</translation>
    </message>
    <message>
        <source>An account needs a name.</source>
        <translation>アカウントには名前が必要です。</translation>
    </message>
    <message>
        <source>An account named &quot;%1&quot; already exists.</source>
        <translation>「%1」という名前のアカウントは既に存在します。</translation>
    </message>
    <message>
        <source>The base URL must start with https:// or http://.</source>
        <translation>ベース URL は https:// または http:// で始まる必要があります。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Store::Database</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>%1 のフォルダーを作成できません。</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>データベース %1 を開けません：%2</translation>
    </message>
    <message>
        <source>Cannot configure the database %1: %2</source>
        <translation>データベース %1 を設定できません：%2</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer Batchdesk (schema %2, this version knows %3).</source>
        <translation>データベース %1 は新しいバージョンの Batchdesk で書き込まれています（スキーマ %2、このバージョンは %3 まで対応）。</translation>
    </message>
    <message>
        <source>Cannot upgrade the database %1 to schema %2: %3</source>
        <translation>データベース %1 をスキーマ %2 に更新できません：%3</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::AccountDialog</name>
    <message>
        <source>Test Connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>アカウントの追加</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>アカウントの編集</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>API キーを貼り付け</translation>
    </message>
    <message>
        <source>Stored in the keychain; type to replace</source>
        <translation>キーチェーンに保存済み（入力すると置き換え）</translation>
    </message>
    <message>
        <source>The key is stored in the system keychain, never in Batchdesk&apos;s database.</source>
        <translation>キーは Batchdesk のデータベースではなく、システムのキーチェーンに保存されます。</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>プロバイダー(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>ベース URL(&amp;B):</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API キー(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Limits:</source>
        <translation>制限(&amp;L):</translation>
    </message>
    <message>
        <source>Default &amp;model:</source>
        <translation>既定のモデル(&amp;M):</translation>
    </message>
    <message>
        <source>Empty: the built-in sandbox, run inside Batchdesk</source>
        <translation>空欄：Batchdesk 内で動く組み込みサンドボックス</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// base URL first.</source>
        <translation>先に http:// または https:// で始まるベース URL を入力してください。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>アカウントの名前を入力してください。</translation>
    </message>
    <message>
        <source>Enter the base URL of the API, e.g. %1.</source>
        <translation>API のベース URL を入力してください（例：%1）。</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>API キーを入力してください。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>Save Account</source>
        <translation>アカウントの保存</translation>
    </message>
    <message>
        <source>The connection test of these settings failed:

%1

Save the account anyway?</source>
        <translation>この設定での接続テストは失敗しました:

%1

それでもアカウントを保存しますか？</translation>
    </message>
    <message>
        <source>Save Anyway</source>
        <translation>それでも保存</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Optional: org-…</source>
        <translation>任意：org-…</translation>
    </message>
    <message>
        <source>Optional: proj_…</source>
        <translation>任意：proj_…</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>組織(&amp;O):</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>プロジェクト(&amp;J):</translation>
    </message>
    <message>
        <source>Runs the requests of each batch on this computer against any OpenAI-compatible server: vLLM, Ollama, llama.cpp, LM Studio.</source>
        <translation>各バッチのリクエストを、このコンピューターから任意の OpenAI 互換サーバー（vLLM、Ollama、llama.cpp、LM Studio）に送って実行します。</translation>
    </message>
    <message>
        <source>Requests sent at the same time. A local server serves a few at once; a vLLM deployment many more.</source>
        <translation>同時に送信するリクエストの数。ローカルサーバーは一度に数件しか処理しませんが、vLLM のデプロイではずっと多く処理できます。</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>At most this many requests are sent per minute (0: no limit).</source>
        <translation>1 分あたりに送信するリクエストの最大数（0：制限なし）。</translation>
    </message>
    <message>
        <source>At most this many tokens per minute, estimated before sending and corrected from the answers (0: no limit).</source>
        <translation>1 分あたりの最大トークン数。送信前に見積もり、応答に基づいて補正します（0：制限なし）。</translation>
    </message>
    <message>
        <source>batch-model=served-model, …</source>
        <translation>batch-model=served-model, …</translation>
    </message>
    <message>
        <source>The model a batch line names → the model the server serves, e.g. gpt-4o-mini=llama3.1:8b. Models not listed are sent as they are.</source>
        <translation>バッチ行で指定されたモデル → サーバーが提供するモデル（例：gpt-4o-mini=llama3.1:8b）。一覧にないモデルはそのまま送信されます。</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>同時実行数(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Requests per minute:</source>
        <translation>1 分あたりのリクエスト数(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Tokens per minute:</source>
        <translation>1 分あたりのトークン数(&amp;T):</translation>
    </message>
    <message>
        <source>Model m&amp;apping:</source>
        <translation>モデルの対応付け(&amp;A):</translation>
    </message>
    <message>
        <source>Optional: leave empty for a server without a key</source>
        <translation>任意：キーのないサーバーでは空欄のまま</translation>
    </message>
    <message>
        <source>The model mapping is not valid: %1</source>
        <translation>モデルの対応付けが無効です：%1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::AllAccountsPage</name>
    <message>
        <source>All accounts</source>
        <translation>すべてのアカウント</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>List the newest batches of every account now</source>
        <translation>すべてのアカウントの最新のバッチを今すぐ一覧表示します</translation>
    </message>
    <message>
        <source>No batches in any account yet.</source>
        <translation>どのアカウントにもまだバッチがありません。</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>ローカルサンドボックスを起動できませんでした：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>アカウント 1 件</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>アカウント %1 件</translation>
    </message>
    <message>
        <source>%1 · refreshing…</source>
        <translation>%1 · 更新中…</translation>
    </message>
    <message>
        <source>%1 · updated %2 · every %3 s</source>
        <translation>%1 · %2 に更新 · %3 秒ごと</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::AppController</name>
    <message>
        <source>Could not open the local database %1: %2</source>
        <translation>ローカルデータベース %1 を開けませんでした：%2</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>サンドボックス</translation>
    </message>
    <message>
        <source>Could not read the accounts: %1</source>
        <translation>アカウントを読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>ローカルサンドボックスを起動できませんでした：%1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>Last refresh %1</source>
        <translation>最終更新 %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>polling every %1 s</source>
        <translation>%1 秒ごとに確認</translation>
    </message>
    <message>
        <source>idle (nothing running)</source>
        <translation>待機中（実行中のものはありません）</translation>
    </message>
    <message>
        <source>%1 active</source>
        <translation>%1 件実行中</translation>
    </message>
    <message>
        <source>No account is connected.</source>
        <translation>アカウントが接続されていません。</translation>
    </message>
    <message>
        <source>Refresh failed at %1</source>
        <translation>%1 の更新に失敗</translation>
    </message>
    <message>
        <source>next attempt at %1</source>
        <translation>次の試行 %1</translation>
    </message>
    <message>
        <source>no automatic retry</source>
        <translation>自動再試行なし</translation>
    </message>
    <message>
        <source>Could not write the sample batch %1: %2</source>
        <translation>サンプルバッチ %1 を書き出せませんでした: %2</translation>
    </message>
    <message>
        <source>Could not read the jobs: %1</source>
        <translation>ジョブを読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>The account that runs this batch in real time no longer exists.</source>
        <translation>このバッチをリアルタイムで実行するアカウントはもう存在しません。</translation>
    </message>
    <message>
        <source>%1 Nothing was uploaded.</source>
        <translation>%1 何もアップロードしていません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::BatchDetail</name>
    <message>
        <source>Select a batch to see its progress, timestamps, files and errors.</source>
        <translation>バッチを選択すると、進捗、日時、ファイル、エラーが表示されます。</translation>
    </message>
    <message>
        <source>Open results</source>
        <translation>結果を開く</translation>
    </message>
    <message>
        <source>Progress over time</source>
        <translation>進捗の推移</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>使用量</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>メタデータ</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>入力:</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>出力:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>エラー:</translation>
    </message>
    <message>
        <source>Local input:</source>
        <translation>ローカル入力:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Double-click an error to open its line in the local input file</source>
        <translation>エラーをダブルクリックすると、ローカル入力ファイルの該当行を開きます</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（説明なし）</translation>
    </message>
    <message>
        <source>%1 of %2 requests done (%3 succeeded)</source>
        <translation>%2 件中 %1 件のリクエストが完了（成功 %3 件）</translation>
    </message>
    <message>
        <source>No request counts yet</source>
        <translation>リクエスト数はまだありません</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;%2 failed&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;失敗 %2 件&lt;/span&gt;</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>残り %1</translation>
    </message>
    <message>
        <source>assembling results</source>
        <translation>結果を集計中</translation>
    </message>
    <message>
        <source>Endpoint %1 · model %2</source>
        <translation>エンドポイント %1 · モデル %2</translation>
    </message>
    <message>
        <source>Deadline in %1 (%2)</source>
        <translation>期限まで %1（%2）</translation>
    </message>
    <message>
        <source>Deadline passed (%1)</source>
        <translation>期限切れ（%1）</translation>
    </message>
    <message>
        <source>Results saved on this computer.</source>
        <translation>結果はこのコンピューターに保存されています。</translation>
    </message>
    <message>
        <source>Downloading the results…</source>
        <translation>結果をダウンロード中…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;The results could not be downloaded: %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;結果をダウンロードできませんでした：%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Results not downloaded yet.</source>
        <translation>結果はまだダウンロードされていません。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning:&lt;/b&gt; the results expire %1 and are not saved on this computer. Open them to download them now.</source>
        <translation>&lt;b&gt;警告：&lt;/b&gt;結果は %1 に期限切れになりますが、このコンピューターに保存されていません。今すぐダウンロードするには結果を開いてください。</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>作成:</translation>
    </message>
    <message>
        <source>In progress:</source>
        <translation>実行開始:</translation>
    </message>
    <message>
        <source>Finalizing:</source>
        <translation>最終処理:</translation>
    </message>
    <message>
        <source>Completed:</source>
        <translation>完了:</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>失敗:</translation>
    </message>
    <message>
        <source>Expired:</source>
        <translation>期限切れ:</translation>
    </message>
    <message>
        <source>Cancelling:</source>
        <translation>キャンセル開始:</translation>
    </message>
    <message>
        <source>Cancelled:</source>
        <translation>キャンセル済み:</translation>
    </message>
    <message>
        <source>Expires (deadline):</source>
        <translation>有効期限（期限）:</translation>
    </message>
    <message>
        <source>Completion window:</source>
        <translation>完了期間:</translation>
    </message>
    <message>
        <source>Input tokens:</source>
        <translation>入力トークン:</translation>
    </message>
    <message>
        <source>Cached input tokens:</source>
        <translation>キャッシュ済み入力トークン:</translation>
    </message>
    <message>
        <source>Output tokens:</source>
        <translation>出力トークン:</translation>
    </message>
    <message>
        <source>Reasoning tokens:</source>
        <translation>推論トークン:</translation>
    </message>
    <message>
        <source>Total tokens:</source>
        <translation>合計トークン:</translation>
    </message>
    <message>
        <source>The provider reports no usage for this batch (yet).</source>
        <translation>プロバイダーはこのバッチの使用量を（まだ）報告していません。</translation>
    </message>
    <message>
        <source>unknown (not submitted from this computer)</source>
        <translation>不明（このコンピューターから送信されていません）</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>エラー（%1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 of %3 batches finished, %4 of %5 requests done (%6 failed)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%3 件中 %2 件のバッチが完了、%5 件中 %4 件のリクエストが完了（失敗 %6 件）</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::BatchesPage</name>
    <message>
        <source>All statuses</source>
        <translation>すべてのステータス</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed or expired</source>
        <translation>失敗または期限切れ</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Search id, description, metadata…</source>
        <translation>ID、説明、メタデータを検索…</translation>
    </message>
    <message>
        <source>No batches yet</source>
        <translation>バッチはまだありません</translation>
    </message>
    <message>
        <source>Drop a .jsonl file here to validate it and create a batch.</source>
        <translation>.jsonl ファイルをここにドロップすると、検証してバッチを作成できます。</translation>
    </message>
    <message>
        <source>Open a File…</source>
        <translation>ファイルを開く…</translation>
    </message>
    <message>
        <source>Try a Sample Batch</source>
        <translation>サンプルバッチを試す</translation>
    </message>
    <message>
        <source>Write a small example file (12 requests, 2 of them fail on purpose in the sandbox) and open it</source>
        <translation>小さなサンプルファイル（12 件のリクエスト。うち 2 件はサンドボックスでわざと失敗します）を書き出して開きます</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::BuilderDialog</name>
    <message>
        <source>Row %1 (line %2): </source>
        <translation>%1 行目（テキストの %2 行目）：</translation>
    </message>
    <message>
        <source>Line %1: </source>
        <translation>%1 行目：</translation>
    </message>
    <message>
        <source>First row names the columns</source>
        <translation>1 行目を列名として使う</translation>
    </message>
    <message>
        <source>&amp;System message:</source>
        <translation>システムメッセージ(&amp;S):</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大トークン数</translation>
    </message>
    <message>
        <source>Top p</source>
        <translation>Top p</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>次元数</translation>
    </message>
    <message>
        <source>Allow empty cells (warn instead of refusing)</source>
        <translation>空のセルを許可（拒否せずに警告）</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>作成(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Open in Validate</source>
        <translation>検証で開く(&amp;O)</translation>
    </message>
    <message>
        <source>Submit as &amp;job</source>
        <translation>ジョブとして送信(&amp;J)</translation>
    </message>
    <message>
        <source>Build Batch from CSV</source>
        <translation>CSV からバッチを作成</translation>
    </message>
    <message>
        <source>Choose a CSV or TSV file…</source>
        <translation>CSV または TSV ファイルを選択…</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>参照(&amp;W)…</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自動検出</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>カンマ ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>セミコロン ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>Pipe |</source>
        <translation>パイプ |</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>区切り文字</translation>
    </message>
    <message>
        <source>First rows of the CSV</source>
        <translation>CSV の先頭行</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>区切り文字:</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>スプレッドシート</translation>
    </message>
    <message>
        <source>Chat completions</source>
        <translation>チャット補完</translation>
    </message>
    <message>
        <source>Completions</source>
        <translation>テキスト補完</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>埋め込み</translation>
    </message>
    <message>
        <source>model id, e.g. meta-llama/Meta-Llama-3.1-8B-Instruct</source>
        <translation>モデル ID（例：meta-llama/Meta-Llama-3.1-8B-Instruct）</translation>
    </message>
    <message>
        <source>Optional, e.g. You are a careful analyst. Answer in one word.</source>
        <translation>任意（例：あなたは慎重なアナリストです。一語で答えてください。）</translation>
    </message>
    <message>
        <source>e.g. Classify the sentiment of this review: {{review}}</source>
        <translation>例：このレビューの感情を分類してください：{{review}}</translation>
    </message>
    <message>
        <source>Insert column</source>
        <translation>列を挿入</translation>
    </message>
    <message>
        <source>(open a CSV first)</source>
        <translation>（先に CSV を開いてください）</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>エンドポイント(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>モデル(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Input column:</source>
        <translation>入力列(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;custom_id:</source>
        <translation>custom_id(&amp;C):</translation>
    </message>
    <message>
        <source>stop sequences, separated by |</source>
        <translation>停止シーケンス（| で区切る）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>JSON オブジェクト</translation>
    </message>
    <message>
        <source>JSON schema</source>
        <translation>JSON スキーマ</translation>
    </message>
    <message>
        <source>JSON schema, e.g. {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</source>
        <translation>JSON スキーマ（例：{&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}）</translation>
    </message>
    <message>
        <source>extra JSON merged into each body, e.g. {&quot;seed&quot;: 7}</source>
        <translation>各 body にマージする追加 JSON（例：{&quot;seed&quot;: 7}）</translation>
    </message>
    <message>
        <source>Sto&amp;p:</source>
        <translation>停止(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Response format:</source>
        <translation>レスポンス形式(&amp;R):</translation>
    </message>
    <message>
        <source>E&amp;xtra JSON:</source>
        <translation>追加 JSON(&amp;X):</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>row </source>
        <translation>行 </translation>
    </message>
    <message>
        <source>Request JSON of the selected row</source>
        <translation>選択した行のリクエスト JSON</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Request of</source>
        <translation>表示するリクエスト：</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>問題:</translation>
    </message>
    <message>
        <source>where to write the .jsonl</source>
        <translation>.jsonl の書き出し先</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Write the batch file</source>
        <translation>バッチファイルの書き出し</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>出力先(&amp;O):</translation>
    </message>
    <message>
        <source>Open a spreadsheet</source>
        <translation>スプレッドシートを開く</translation>
    </message>
    <message>
        <source>CSV and TSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV・TSV ファイル (*.csv *.tsv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>読み込みをキャンセルしました。</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>ファイルを読み込めません：%1</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>カンマ</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>セミコロン</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>パイプ</translation>
    </message>
    <message>
        <source>(use the template above)</source>
        <translation>（上のテンプレートを使用）</translation>
    </message>
    <message>
        <source>Generate row-1, row-2, …</source>
        <translation>row-1, row-2, … を生成</translation>
    </message>
    <message>
        <source>From column “%1”</source>
        <translation>列「%1」から</translation>
    </message>
    <message>
        <source>&amp;User message:</source>
        <translation>ユーザーメッセージ(&amp;U):</translation>
    </message>
    <message>
        <source>Input &amp;template:</source>
        <translation>入力テンプレート(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>プロンプト(&amp;P):</translation>
    </message>
    <message>
        <source>Open a CSV file to see the requests it becomes.</source>
        <translation>CSV ファイルを開くと、そこから作成されるリクエストが表示されます。</translation>
    </message>
    <message>
        <source>Fix the problems below to see the request.</source>
        <translation>リクエストを表示するには、下の問題を修正してください。</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>エラー：</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>… more problems not listed</source>
        <translation>… ほかの問題は省略しています</translation>
    </message>
    <message>
        <source>No problems found so far.</source>
        <translation>今のところ問題は見つかっていません。</translation>
    </message>
    <message>
        <source>Choose where to write the .jsonl first.</source>
        <translation>先に .jsonl の書き出し先を選んでください。</translation>
    </message>
    <message>
        <source>Checking every row and writing…</source>
        <translation>すべての行を確認して書き出し中…</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>何も書き出していません：%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%2 requests in %n file(s)).</source>
        <translation>
            <numerusform>%1 を書き出しました（%n 個のファイルに %2 件のリクエスト）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Submit %n batches as a &amp;job</source>
        <translation>
            <numerusform>%n 件のバッチをジョブとして送信(&amp;J)</numerusform>
        </translation>
    </message>
    <message>
        <source>Build &amp;&amp; &amp;Submit…</source>
        <translation>作成して送信(&amp;S)…</translation>
    </message>
    <message>
        <source>Write the file, then go straight to creating the batch</source>
        <translation>ファイルを書き出し、そのままバッチの作成へ進みます</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s), %1 columns, %2-separated, %3</source>
        <translation>
            <numerusform>%Ln 行、%1 列、%2区切り、%3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was written: %Ln error(s) must be fixed first.</source>
        <translation>
            <numerusform>何も書き出していません。先に %Ln 件のエラーを修正してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>First rows of the table</source>
        <translation>表の先頭行</translation>
    </message>
    <message>
        <source>Reading the results…</source>
        <translation>結果を読み込み中…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s), %1 columns</source>
        <translation>
            <numerusform>%Ln 行、%1 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n answer column(s) from the JSON answers</source>
        <translation>
            <numerusform>、JSON の応答から応答列 %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n answer(s) are not JSON (their answer cells are empty)</source>
        <translation>
            <numerusform>、JSON でない応答 %n 件（応答のセルは空欄）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n request(s) without a successful answer left out</source>
        <translation>
            <numerusform>、成功した応答のないリクエスト %n 件を除外</numerusform>
        </translation>
    </message>
    <message>
        <source>; with the columns of %1</source>
        <translation>、%1 の列を含む</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::CostEstimateView</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop counting the tokens</source>
        <translation>トークンの計数を中止します</translation>
    </message>
    <message>
        <source>Prices…</source>
        <translation>料金…</translation>
    </message>
    <message>
        <source>Input tokens:</source>
        <translation>入力トークン:</translation>
    </message>
    <message>
        <source>Output tokens:</source>
        <translation>出力トークン:</translation>
    </message>
    <message>
        <source>Estimated cost:</source>
        <translation>見積もり費用:</translation>
    </message>
    <message>
        <source>Counting the tokens of %1…</source>
        <translation>%1 のトークンを数えています…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 個のファイル</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>The cost estimate was cancelled.</source>
        <translation>費用の見積もりをキャンセルしました。</translation>
    </message>
    <message>
        <source>The cost could not be estimated: %1</source>
        <translation>費用を見積もれませんでした：%1</translation>
    </message>
    <message>
        <source>%1, exact</source>
        <translation>%1、正確</translation>
    </message>
    <message>
        <source>%1, ±%2 %</source>
        <translation>%1、±%2 %</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Counted with %1, the tokenizer of %2, with the chat format&apos;s tokens per message.</source>
        <translation>%2 のトークナイザー %1 で、チャット形式のメッセージごとのトークンも含めて数えました。</translation>
    </message>
    <message>
        <source>%1 has no published tokenizer here: counted with %2. Measured on a sample, the total was off by %3 % and single requests by up to %4 % (95th percentile).</source>
        <translation>%1 には公開されたトークナイザーがないため、%2 で数えました。サンプルで測定した誤差は、合計で %3 %、個々のリクエストで最大 %4 %（95 パーセンタイル）でした。</translation>
    </message>
    <message>
        <source>Counted with %1; its error is not measured for %2.</source>
        <translation>%1 で数えました。%2 に対する誤差は測定されていません。</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>最大 %1</translation>
    </message>
    <message numerus="yes">
        <source>not bounded: %n request(s) set no max_tokens</source>
        <translation>
            <numerusform>上限なし：%n 件のリクエストが max_tokens を指定していません</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %1, + %n request(s) without max_tokens</source>
        <translation>
            <numerusform>最大 %1、+ max_tokens のないリクエスト %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>The answers can be at most as long as each request&apos;s max_tokens; a request without it can answer up to the model&apos;s limit.</source>
        <translation>応答の長さは各リクエストの max_tokens が上限です。max_tokens のないリクエストはモデルの上限まで応答する可能性があります。</translation>
    </message>
    <message>
        <source>%1 at most</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <source>%1 + the unbounded answers</source>
        <translation>%1 + 上限のない応答の分</translation>
    </message>
    <message>
        <source>input %1 + output up to %2</source>
        <translation>入力 %1 + 出力 最大 %2</translation>
    </message>
    <message>
        <source>%1 · batch price %2 / %3 per M tokens (%4 % off) · %5</source>
        <translation>%1 · バッチ料金 100 万トークンあたり %2 / %3（%4 % 割引）· %5</translation>
    </message>
    <message>
        <source>edited %1</source>
        <translation>%1 に編集</translation>
    </message>
    <message>
        <source>snapshot of %1</source>
        <translation>%1 時点のスナップショット</translation>
    </message>
    <message>
        <source>The price of %1 you entered on %2.</source>
        <translation>%2 に入力した %1 の料金です。</translation>
    </message>
    <message>
        <source>The price of %1 in the snapshot of %2, typed in by hand, not fetched: check the provider&apos;s pricing page.</source>
        <translation>%2 時点のスナップショットにある %1 の料金です。手入力したもので、取得したものではありません。プロバイダーの料金ページを確認してください。</translation>
    </message>
    <message>
        <source>Real-time %1 input / %2 output per million tokens, less the batch discount of %3 %.</source>
        <translation>リアルタイム料金は 100 万トークンあたり入力 %1 / 出力 %2 で、ここからバッチ割引 %3 % を差し引きます。</translation>
    </message>
    <message>
        <source>The input at the batch price, plus every answer as long as its max_tokens: the most the batch can cost.</source>
        <translation>バッチ料金での入力に、各応答を max_tokens いっぱいの長さとして加えたものです。このバッチの最大費用です。</translation>
    </message>
    <message>
        <source>Requests without max_tokens can answer at length: their answers are not in this sum.</source>
        <translation>max_tokens のないリクエストは長く応答する可能性があり、その応答はこの合計に含まれていません。</translation>
    </message>
    <message>
        <source>Check or change the price of %1</source>
        <translation>%1 の料金を確認または変更します</translation>
    </message>
    <message>
        <source>No model in the file to price</source>
        <translation>料金を調べるモデルがファイルにありません</translation>
    </message>
    <message>
        <source>No price for %1</source>
        <translation>%1 の料金がありません</translation>
    </message>
    <message>
        <source>Add its price to see the cost and to set a budget.</source>
        <translation>料金を追加すると、費用が表示され、予算を設定できます。</translation>
    </message>
    <message>
        <source>Set Price…</source>
        <translation>料金を設定…</translation>
    </message>
    <message>
        <source>Open the price table on %1</source>
        <translation>料金表で %1 を開きます</translation>
    </message>
    <message numerus="yes">
        <source>Includes %n image(s) at %1 tokens each (a 1024×1024 image at high detail).</source>
        <translation>
            <numerusform>%n 枚の画像を含みます（1 枚あたり %1 トークン。高詳細の 1024×1024 画像の場合）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::CreateBatchDialog</name>
    <message>
        <source>Create Batch</source>
        <translation>バッチの作成</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — 1 request, sent to &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — 1 件のリクエストを &lt;b&gt;%2&lt;/b&gt; に送信</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %3 requests, sent to &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %3 件のリクエストを &lt;b&gt;%2&lt;/b&gt; に送信</translation>
    </message>
    <message>
        <source>Every request of the file uses this endpoint.</source>
        <translation>ファイル内のすべてのリクエストがこのエンドポイントを使います。</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 時間</translation>
    </message>
    <message>
        <source>e.g. nightly eval, labels v2</source>
        <translation>例：夜間評価、ラベル v2</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 時間</translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation>6 時間</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 日</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 日</translation>
    </message>
    <message>
        <source>14 days</source>
        <translation>14 日</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 日</translation>
    </message>
    <message>
        <source>How long the provider keeps the output and error files.</source>
        <translation>プロバイダーが出力ファイルとエラーファイルを保持する期間です。</translation>
    </message>
    <message>
        <source>Add Pair</source>
        <translation>組を追加</translation>
    </message>
    <message>
        <source>Upload and Create</source>
        <translation>アップロードして作成</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>エンドポイント:</translation>
    </message>
    <message>
        <source>Completion &amp;window:</source>
        <translation>完了期間(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>説明(&amp;D):</translation>
    </message>
    <message>
        <source>Output &amp;expiry:</source>
        <translation>出力の保存期間(&amp;E):</translation>
    </message>
    <message>
        <source>Metadata:</source>
        <translation>メタデータ:</translation>
    </message>
    <message>
        <source>key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Remove this pair</source>
        <translation>この組を削除</translation>
    </message>
    <message>
        <source>The description has %1 characters; at most %2 are allowed.</source>
        <translation>説明は %1 文字です。上限は %2 文字です。</translation>
    </message>
    <message>
        <source>A value has no key.</source>
        <translation>キーのない値があります。</translation>
    </message>
    <message>
        <source>The key “%1…” has %2 characters; at most %3 are allowed.</source>
        <translation>キー「%1…」は %2 文字です。上限は %3 文字です。</translation>
    </message>
    <message>
        <source>The value of “%1” has %2 characters; at most %3 are allowed.</source>
        <translation>「%1」の値は %2 文字です。上限は %3 文字です。</translation>
    </message>
    <message>
        <source>“%1” is reserved for Batchdesk.</source>
        <translation>「%1」は Batchdesk 用に予約されています。</translation>
    </message>
    <message>
        <source>The key “%1” is used twice.</source>
        <translation>キー「%1」が 2 回使われています。</translation>
    </message>
    <message>
        <source>%1 metadata pairs; at most %2 are allowed (the 16th identifies the submission).</source>
        <translation>メタデータが %1 組あります。上限は %2 組です（16 組目は送信の識別に使われます）。</translation>
    </message>
    <message>
        <source>%1 of %2 pairs used (the description counts as one)</source>
        <translation>%2 組中 %1 組を使用（説明も 1 組に数えます）</translation>
    </message>
    <message>
        <source>“description” is set by the Description field.</source>
        <translation>「description」は［説明］欄で設定されます。</translation>
    </message>
    <message>
        <source>When every batch of the job has finished, the requests that did not succeed (failed, expired, cancelled or missing) are submitted again, as often as chosen. The results table shows the latest result of each request.</source>
        <translation>ジョブのすべてのバッチが終了すると、成功しなかったリクエスト（失敗、期限切れ、キャンセル、欠落）が指定した回数まで再送信されます。結果の表には各リクエストの最新の結果が表示されます。</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>再試行：</translation>
    </message>
    <message>
        <source>%1 metadata pairs; at most %2 are allowed (Batchdesk adds 4 to each part of a job).</source>
        <translation>メタデータが %1 組あります。許可されるのは最大 %2 組です（Batchdesk がジョブの各パートに 4 組を追加します）。</translation>
    </message>
    <message>
        <source>Retry failed requests automatically:</source>
        <translation>失敗したリクエストを自動的に再試行：</translation>
    </message>
    <message numerus="yes">
        <source>up to %n round(s)</source>
        <translation>
            <numerusform>最大 %n ラウンド</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 時間</numerusform>
        </translation>
    </message>
    <message>
        <source>The account the batches go to. Another account takes the job over when Batchdesk switches to it.</source>
        <translation>バッチの送信先アカウントです。別のアカウントを選ぶと、Batchdesk がそのアカウントに切り替えたときにジョブを引き継ぎます。</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>アカウント(&amp;A)：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>The most this may cost, in US dollars: Batchdesk refuses to submit when the estimate (input, and answers up to max_tokens) is above it. A job keeps it for its retry rounds.</source>
        <translation>費用の上限（米ドル）です。見積もり（入力と、max_tokens までの応答）がこれを超えると、Batchdesk は送信しません。ジョブでは再試行ラウンドにも適用されます。</translation>
    </message>
    <message>
        <source>US dollars, optional: refused above it</source>
        <translation>米ドル、任意：超えると送信しません</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>費用:</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>予算(&amp;B):</translation>
    </message>
    <message>
        <source>The budget “%1” is not an amount of dollars above 0.</source>
        <translation>予算「%1」は 0 より大きいドル金額ではありません。</translation>
    </message>
    <message>
        <source>There is no cost estimate to check the budget against.</source>
        <translation>予算と比較する費用の見積もりがありません。</translation>
    </message>
    <message>
        <source>Waiting for the cost estimate to check the budget of %1…</source>
        <translation>予算 %1 を確認するため、費用の見積もりを待っています…</translation>
    </message>
    <message>
        <source>Some requests set no max_tokens: their answers are not in the estimate.</source>
        <translation>max_tokens を指定していないリクエストがあります。その応答は見積もりに含まれていません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::DropOverlay</name>
    <message>
        <source>Drop to validate</source>
        <translation>ドロップして検証</translation>
    </message>
    <message>
        <source>This cannot be opened</source>
        <translation>これは開けません</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::FilesPage</name>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>ファイル 1 件</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>ファイル %1 件</translation>
    </message>
    <message>
        <source>DeepInfra allows 2 GB of files per user, results included.</source>
        <translation>DeepInfra では、結果を含めて 1 ユーザーあたり 2 GB までファイルを保存できます。</translation>
    </message>
    <message>
        <source>Delete the file %1 from the server? Batches that use it can no longer be downloaded.</source>
        <translation>ファイル %1 をサーバーから削除しますか？ このファイルを使うバッチはダウンロードできなくなります。</translation>
    </message>
    <message>
        <source>Delete these %1 files from the server? Batches that use them can no longer be downloaded.</source>
        <translation>これら %1 件のファイルをサーバーから削除しますか？ これらを使うバッチはダウンロードできなくなります。</translation>
    </message>
    <message>
        <source>Delete Files</source>
        <translation>ファイルの削除</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>残す</translation>
    </message>
    <message>
        <source>Delete Unused Uploads…</source>
        <translation>未使用のアップロードを削除…</translation>
    </message>
    <message numerus="yes">
        <source>%n uploaded input file(s) (%1) were not used by any batch: a submission failed or was interrupted after the upload.</source>
        <translation>
            <numerusform>アップロードした入力ファイル %n 件（%1）がどのバッチにも使われていません。アップロード後に送信が失敗したか、中断されました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Unused Uploads</source>
        <translation>未使用のアップロードの削除</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n upload(s) that no batch uses from the server?

%1</source>
        <translation>
            <numerusform>どのバッチにも使われていないアップロード %n 件をサーバーから削除しますか？

%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::IdField</name>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>クリップボードにコピー</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::JobsPage</name>
    <message>
        <source>Cancel &amp;Job…</source>
        <translation>ジョブをキャンセル(&amp;J)…</translation>
    </message>
    <message>
        <source>Cancel &amp;Part…</source>
        <translation>パートをキャンセル(&amp;P)…</translation>
    </message>
    <message>
        <source>Retry &amp;Failed…</source>
        <translation>失敗分を再試行(&amp;F)…</translation>
    </message>
    <message>
        <source>Open &amp;Results</source>
        <translation>結果を開く(&amp;R)</translation>
    </message>
    <message>
        <source>Show &amp;Batch</source>
        <translation>バッチを表示(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>ジョブをキャンセル</translation>
    </message>
    <message>
        <source>Drop the queued parts and cancel the running batches of the job</source>
        <translation>待機中のパートを破棄し、ジョブの実行中のバッチをキャンセルします</translation>
    </message>
    <message>
        <source>Cancel part</source>
        <translation>パートをキャンセル</translation>
    </message>
    <message>
        <source>Drop a part that is still waiting: it is not submitted</source>
        <translation>まだ待機中のパートを破棄します（送信されません）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Submit the parts of a stopped job again</source>
        <translation>停止したジョブのパートを再送信します</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>失敗分を再試行</translation>
    </message>
    <message>
        <source>Submit the requests of the job that did not succeed again</source>
        <translation>ジョブのうち成功しなかったリクエストを再送信します</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Show every request of the job joined to its result</source>
        <translation>ジョブのすべてのリクエストを結果と結合して表示します</translation>
    </message>
    <message>
        <source>Show batch</source>
        <translation>バッチを表示</translation>
    </message>
    <message>
        <source>Select the part&apos;s batch in the batch list</source>
        <translation>パートのバッチをバッチ一覧で選択します</translation>
    </message>
    <message>
        <source>No jobs yet</source>
        <translation>ジョブはまだありません</translation>
    </message>
    <message>
        <source>A file too large for one batch, or a CSV built into several files, is submitted as a job: its parts wait here until the provider has room for them, and go on after a restart.</source>
        <translation>1 つのバッチには大きすぎるファイルや、複数のファイルに分けて作成した CSV はジョブとして送信されます。パートはプロバイダーに空きができるまでここで待機し、再起動後も続行されます。</translation>
    </message>
    <message>
        <source>Open a File…</source>
        <translation>ファイルを開く…</translation>
    </message>
    <message>
        <source>Build from CSV…</source>
        <translation>CSV から作成…</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n 件のジョブ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) running</source>
        <translation>
            <numerusform>%n 件のパートが実行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for a free slot</source>
        <translation>
            <numerusform>%n 件が空き枠を待機中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n batch(es) at once</source>
        <translation>
            <numerusform>同時に最大 %n 件のバッチ</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel job %1 (%2)?</source>
        <translation>ジョブ %1（%2）をキャンセルしますか？</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting part(s) will not be submitted.</source>
        <translation>
            <numerusform>待機中の %n 件のパートは送信されません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running batch(es) will be cancelled; finished requests keep their results.</source>
        <translation>
            <numerusform>実行中の %n 件のバッチがキャンセルされます。完了したリクエストの結果は保持されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>ジョブのキャンセル</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>実行を続ける</translation>
    </message>
    <message>
        <source>Cancel Part</source>
        <translation>パートのキャンセル</translation>
    </message>
    <message>
        <source>Keep It</source>
        <translation>残す</translation>
    </message>
    <message numerus="yes">
        <source>Cancel part %1 of job %2? It is not submitted: its %n request(s) get no results.</source>
        <translation>
            <numerusform>ジョブ %2 のパート %1 をキャンセルしますか？送信されないため、%n 件のリクエストには結果がありません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>再開(&amp;U)</translation>
    </message>
    <message>
        <source>Finish the Rest in Real &amp;Time…</source>
        <translation>残りをリアルタイムで完了(&amp;T)…</translation>
    </message>
    <message>
        <source>Finish in real time</source>
        <translation>リアルタイムで完了</translation>
    </message>
    <message>
        <source>Run the requests of the job without a result on a “Run here” account, now or by a policy</source>
        <translation>ジョブのうち結果のないリクエストを「Run here」アカウントで実行します（今すぐ、またはルールに従って）</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System Default</source>
        <translation>システムの既定(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language takes effect after you restart Batchdesk.</source>
        <translation>新しい言語は Batchdesk の再起動後に有効になります。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>%1 にエクスポートしました。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>エクスポートに失敗しました：%1</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>削除(&amp;R)…</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Batchdesk</source>
        <translation>Batchdesk</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a JSONL batch input file and validate it</source>
        <translation>JSONL のバッチ入力ファイルを開いて検証します</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>&amp;New Batch…</source>
        <translation>新しいバッチ(&amp;N)…</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>新しいバッチ</translation>
    </message>
    <message>
        <source>Choose a JSONL file, validate it and create a batch from it</source>
        <translation>JSONL ファイルを選んで検証し、バッチを作成します</translation>
    </message>
    <message>
        <source>&amp;Validate Again</source>
        <translation>再検証(&amp;V)</translation>
    </message>
    <message>
        <source>Validate again</source>
        <translation>再検証</translation>
    </message>
    <message>
        <source>&amp;Cancel Validation</source>
        <translation>検証をキャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the batches and files of the account now</source>
        <translation>アカウントのバッチとファイルを今すぐ更新します</translation>
    </message>
    <message>
        <source>&amp;Cancel Batch…</source>
        <translation>バッチをキャンセル(&amp;C)…</translation>
    </message>
    <message>
        <source>Stop the selected batch; finished requests keep their results</source>
        <translation>選択したバッチを停止します。完了したリクエストの結果は残ります</translation>
    </message>
    <message>
        <source>&amp;Download Results…</source>
        <translation>結果をダウンロード(&amp;D)…</translation>
    </message>
    <message>
        <source>Download results</source>
        <translation>結果をダウンロード</translation>
    </message>
    <message>
        <source>Open &amp;Results</source>
        <translation>結果を開く(&amp;R)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Show every request of the selected batch joined to its result</source>
        <translation>選択したバッチの各リクエストを結果と結合して表示します</translation>
    </message>
    <message>
        <source>Copy Batch &amp;ID</source>
        <translation>バッチ ID をコピー(&amp;I)</translation>
    </message>
    <message>
        <source>Show &amp;Input File</source>
        <translation>入力ファイルを表示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find Batches</source>
        <translation>バッチを検索(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>アカウントを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit Account…</source>
        <translation>アカウントを編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove Account…</source>
        <translation>アカウントを削除(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Batches</source>
        <translation>バッチ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>結果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>検証(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Batchdesk</source>
        <translation>Batchdesk について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>履歴を消去(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>バッチ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>アカウント(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>Show &amp;Toolbar</source>
        <translation>ツールバーを表示(&amp;T)</translation>
    </message>
    <message>
        <source>Show &amp;Status Bar</source>
        <translation>ステータスバーを表示(&amp;S)</translation>
    </message>
    <message>
        <source>1 more file is waiting; it opens after this one is submitted.</source>
        <translation>ほかに 1 件のファイルが待機中です。このファイルを送信した後に開きます。</translation>
    </message>
    <message>
        <source>%1 more files are waiting; each opens after the previous one is submitted.</source>
        <translation>ほかに %1 件のファイルが待機中です。前のファイルを送信するたびに順に開きます。</translation>
    </message>
    <message>
        <source>Next File</source>
        <translation>次のファイル</translation>
    </message>
    <message>
        <source>Open Batch Input File</source>
        <translation>バッチ入力ファイルを開く</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl *.jsonl.txt *.ndjson);;All files (*)</source>
        <translation>JSON Lines ファイル (*.jsonl *.jsonl.txt *.ndjson);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>About Batchdesk</source>
        <translation>Batchdesk について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Batchdesk %1&lt;/h3&gt;&lt;p&gt;A desktop client for OpenAI-compatible Batch APIs: validate, submit and monitor batch jobs and work with their results.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Licensed under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Batchdesk %1&lt;/h3&gt;&lt;p&gt;OpenAI 互換の Batch API 用デスクトップクライアント。バッチジョブの検証、送信、監視と、その結果の活用ができます。&lt;/p&gt;&lt;p&gt;Qt %2 で構築。MIT ライセンスで提供されています。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Batchdesk</source>
        <translation>%1 — Batchdesk</translation>
    </message>
    <message>
        <source>%1 is a folder; drop a .jsonl file</source>
        <translation>%1 はフォルダーです。.jsonl ファイルをドロップしてください</translation>
    </message>
    <message>
        <source>Upload Running</source>
        <translation>アップロード中</translation>
    </message>
    <message>
        <source>A file is being uploaded for a new batch. Quit anyway? The upload is cancelled and no batch is created.</source>
        <translation>新しいバッチ用のファイルをアップロード中です。終了しますか？ アップロードはキャンセルされ、バッチは作成されません。</translation>
    </message>
    <message>
        <source>No account is connected. Select an account in the sidebar (or add one) and try again.</source>
        <translation>アカウントが接続されていません。サイドバーでアカウントを選択（または追加）して、やり直してください。</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>アカウントを追加</translation>
    </message>
    <message>
        <source>Batch %1 was created from %2 and is being monitored.</source>
        <translation>バッチ %1 を %2 から作成し、監視しています。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Cancel Batch</source>
        <translation>バッチのキャンセル</translation>
    </message>
    <message>
        <source>Cancel the batch %1? Requests that already finished keep their results; the others are not run.</source>
        <translation>バッチ %1 をキャンセルしますか？ 完了済みのリクエストの結果は残り、残りのリクエストは実行されません。</translation>
    </message>
    <message>
        <source>Save Results To</source>
        <translation>結果の保存先</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 をコピーしました</translation>
    </message>
    <message>
        <source>The input file of %1 is not known: it was not submitted from this computer.</source>
        <translation>%1 の入力ファイルは不明です。このコンピューターから送信されていません。</translation>
    </message>
    <message>
        <source>The input file %1 no longer exists.</source>
        <translation>入力ファイル %1 はもう存在しません。</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>アカウントの削除</translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its key is deleted from the keychain and its cached batches are forgotten; nothing is deleted on the server.</source>
        <translation>アカウント「%1」を削除しますか？ キーはキーチェーンから削除され、キャッシュされたバッチ情報も破棄されます。サーバー上のものは削除されません。</translation>
    </message>
    <message>
        <source>Batch %1</source>
        <translation>バッチ %1</translation>
    </message>
    <message>
        <source> — %1 of %2 succeeded</source>
        <translation> — %2 件中 %1 件成功</translation>
    </message>
    <message>
        <source>&amp;Build from CSV…</source>
        <translation>CSV から作成(&amp;B)…</translation>
    </message>
    <message>
        <source>From CSV</source>
        <translation>CSV から</translation>
    </message>
    <message>
        <source>Turn a spreadsheet and a prompt template into batch files</source>
        <translation>スプレッドシートとプロンプトテンプレートからバッチファイルを作成します</translation>
    </message>
    <message>
        <source>Cancel &amp;Job…</source>
        <translation>ジョブをキャンセル(&amp;J)…</translation>
    </message>
    <message>
        <source>Stop every running batch of the selected batch&apos;s job</source>
        <translation>選択したバッチが属するジョブの実行中のバッチをすべて停止します</translation>
    </message>
    <message>
        <source>No account is connected. Select an account in the sidebar and try again.</source>
        <translation>アカウントが接続されていません。サイドバーでアカウントを選択して、やり直してください。</translation>
    </message>
    <message numerus="yes">
        <source>Create a Job of %n Batch(es)</source>
        <translation>
            <numerusform>%n 件のバッチからなるジョブの作成</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>ジョブのキャンセル</translation>
    </message>
    <message>
        <source>Wrote %1. Check it and choose “Create Batch”: its results will join the results of %2.</source>
        <translation>%1 を書き出しました。内容を確認して「バッチの作成」を選んでください。その結果は %2 の結果に結合されます。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Third-party components:</source>
        <translation>サードパーティ製コンポーネント：</translation>
    </message>
    <message>
        <source>Retry Now</source>
        <translation>今すぐ再試行</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Keep Uploading</source>
        <translation>アップロードを続ける</translation>
    </message>
    <message>
        <source>%1 is validated again against the limits of %2 (account “%3”).</source>
        <translation>%1 を %2 の制限で再検証しています（アカウント「%3」）。</translation>
    </message>
    <message>
        <source>Checking whether %1 was submitted before…</source>
        <translation>%1 が以前に送信されたか確認しています…</translation>
    </message>
    <message>
        <source>Already Submitted</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>%1 was already submitted with this account: batch %2, created %3 (%4). Submit the same requests again as a new batch?</source>
        <translation>%1 はこのアカウントで送信済みです: バッチ %2、作成 %3（%4）。同じリクエストを新しいバッチとしてもう一度送信しますか？</translation>
    </message>
    <message>
        <source>Submit Again</source>
        <translation>もう一度送信</translation>
    </message>
    <message>
        <source>Show Earlier Batch</source>
        <translation>以前のバッチを表示</translation>
    </message>
    <message>
        <source>Create Batch</source>
        <translation>バッチを作成</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>実行を続ける</translation>
    </message>
    <message>
        <source>Keep It</source>
        <translation>残す</translation>
    </message>
    <message>
        <source>A sample batch of 12 requests; 2 of them fail on purpose in the sandbox. Choose “Create Batch” to run it, then open its results.</source>
        <translation>12 件のリクエストからなるサンプルバッチです。うち 2 件はサンドボックスでわざと失敗します。「バッチを作成」で実行し、結果を開いてください。</translation>
    </message>
    <message>
        <source>A sample batch of 12 requests. Choose “Create Batch” to run it with this account, then open its results.</source>
        <translation>12 件のリクエストからなるサンプルバッチです。「バッチを作成」でこのアカウントで実行し、結果を開いてください。</translation>
    </message>
    <message>
        <source>Splitting %1 into batches…</source>
        <translation>%1 をバッチに分割しています…</translation>
    </message>
    <message>
        <source>The file could not be split: %1</source>
        <translation>ファイルを分割できませんでした：%1</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>ジョブ(&amp;J)</translation>
    </message>
    <message>
        <source>The job could not be recorded: %1</source>
        <translation>ジョブを記録できませんでした：%1</translation>
    </message>
    <message numerus="yes">
        <source>Job %1: %n part(s) are submitted as the provider allows, %2 at a time.</source>
        <translation>
            <numerusform>ジョブ %1：%n 件のパートをプロバイダーが許す範囲で、同時に %2 件ずつ送信します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Job %1: %n part(s) are being submitted, one upload after the other.</source>
        <translation>
            <numerusform>ジョブ %1：%n 件のパートを 1 件ずつアップロードして送信しています。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel every running batch of %1 (%n batch(es)) and the parts still waiting? Finished requests keep their results.</source>
        <translation>
            <numerusform>%1 の実行中のバッチ（%n 件）と待機中のパートをすべてキャンセルしますか？完了したリクエストの結果は保持されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>すべてのアカウント</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 requests in %n batch(es)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n 件のバッチに %2 件のリクエスト</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 takes no %2 batches.</source>
        <translation>%1 は %2 のバッチを受け付けません。</translation>
    </message>
    <message>
        <source>The parts are too large for %1 (%2 requests, %3 bytes at most a batch); open the file with that account selected to split it for its limits.</source>
        <translation>パートが %1 には大きすぎます（1 バッチあたり最大 %2 件のリクエスト、%3 バイト）。そのアカウントを選択した状態でファイルを開き、その制限に合わせて分割してください。</translation>
    </message>
    <message numerus="yes">
        <source>Job %1 goes to %2: its %n part(s) are submitted as soon as the account is connected.</source>
        <translation>
            <numerusform>ジョブ %1 は %2 に送られます：アカウントが接続され次第、%n 件のパートを送信します。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Prices…</source>
        <translation>料金(&amp;P)…</translation>
    </message>
    <message>
        <source>Check and edit the prices per million tokens that the cost estimates use</source>
        <translation>費用の見積もりに使う 100 万トークンあたりの料金を確認・編集します</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::MessageBanner</name>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>メッセージを閉じる</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::PriceTableModel</name>
    <message>
        <source>Any provider</source>
        <translation>すべてのプロバイダー</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Input $/M</source>
        <translation>入力 $/M</translation>
    </message>
    <message>
        <source>Output $/M</source>
        <translation>出力 $/M</translation>
    </message>
    <message>
        <source>Batch discount</source>
        <translation>バッチ割引</translation>
    </message>
    <message>
        <source>Batch input $/M</source>
        <translation>バッチ入力 $/M</translation>
    </message>
    <message>
        <source>Batch output $/M</source>
        <translation>バッチ出力 $/M</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>時点</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Real-time price of a million input (prompt) tokens, in US dollars</source>
        <translation>入力（プロンプト）100 万トークンあたりのリアルタイム料金（米ドル）</translation>
    </message>
    <message>
        <source>Real-time price of a million output (answer) tokens, in US dollars</source>
        <translation>出力（応答）100 万トークンあたりのリアルタイム料金（米ドル）</translation>
    </message>
    <message>
        <source>The provider&apos;s discount for batch requests, off the real-time prices</source>
        <translation>バッチリクエストに対するプロバイダーの割引（リアルタイム料金からの割引）</translation>
    </message>
    <message>
        <source>The real-time price less the batch discount: what estimates use</source>
        <translation>リアルタイム料金からバッチ割引を差し引いたもの。見積もりにはこれを使います</translation>
    </message>
    <message>
        <source>When the price was taken: the snapshot&apos;s date, or the day you edited it</source>
        <translation>料金の時点：スナップショットの日付、または編集した日</translation>
    </message>
    <message>
        <source>(type the model id)</source>
        <translation>（モデル ID を入力）</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <source>Snapshot %1</source>
        <translation>スナップショット %1</translation>
    </message>
    <message>
        <source>You entered or changed this price; Reset to Snapshot brings the seeded one back.</source>
        <translation>この料金は入力または変更したものです。［スナップショットに戻す］で付属の料金に戻せます。</translation>
    </message>
    <message>
        <source>“%1” is not a provider Batchdesk knows.</source>
        <translation>「%1」は Batchdesk が知らないプロバイダーです。</translation>
    </message>
    <message>
        <source>A price needs the model id, as the requests name it.</source>
        <translation>料金にはモデル ID（リクエストで指定するもの）が必要です。</translation>
    </message>
    <message>
        <source>“%1” is not a price: type a number of dollars, 0 or more (e.g. 0.15).</source>
        <translation>「%1」は料金ではありません。0 以上のドル金額を入力してください（例：0.15）。</translation>
    </message>
    <message>
        <source>A discount is between 0 and 100 %.</source>
        <translation>割引は 0～100 % の範囲です。</translation>
    </message>
    <message>
        <source>%1 already has a price for %2.</source>
        <translation>%1 には既に %2 の料金があります。</translation>
    </message>
    <message>
        <source>Row %1 has no model id yet: type it, or remove the row.</source>
        <translation>%1 行目にまだモデル ID がありません。入力するか、行を削除してください。</translation>
    </message>
    <message>
        <source>%1 has no price yet: type its input and output prices, or remove the row.</source>
        <translation>%1 にはまだ料金がありません。入力と出力の料金を入力するか、行を削除してください。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::PricesDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Reset to &amp;Snapshot</source>
        <translation>スナップショットに戻す(&amp;S)</translation>
    </message>
    <message>
        <source>Reset &amp;All…</source>
        <translation>すべて戻す(&amp;A)…</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>料金</translation>
    </message>
    <message>
        <source>Prices per million tokens, in US dollars</source>
        <translation>100 万トークンあたりの料金（米ドル）</translation>
    </message>
    <message>
        <source>The prices Batchdesk comes with are a &lt;b&gt;snapshot of the providers&apos; list prices as of %1, typed in by hand&lt;/b&gt;. Batchdesk never fetches prices, and providers change them: check the provider&apos;s pricing page and edit a row when it differs. The estimate before submitting, the budget cap and the results&apos; totals all use this table.</source>
        <translation>Batchdesk に付属の料金は、&lt;b&gt;%1 時点のプロバイダーの公表料金を手入力したスナップショット&lt;/b&gt;です。Batchdesk が料金を取得することはなく、料金はプロバイダーによって変更されます。プロバイダーの料金ページを確認し、異なる場合は行を編集してください。送信前の見積もり、予算の上限、結果の合計はすべてこの表を使います。</translation>
    </message>
    <message>
        <source>Filter by provider or model</source>
        <translation>プロバイダーまたはモデルで絞り込み</translation>
    </message>
    <message>
        <source>Add a price for a model the table does not have</source>
        <translation>表にないモデルの料金を追加します</translation>
    </message>
    <message>
        <source>Remove the selected price: that model&apos;s cost is then unknown</source>
        <translation>選択した料金を削除します。そのモデルの費用は不明になります</translation>
    </message>
    <message>
        <source>Put the snapshot&apos;s price back for the selected model (or remove a price you added)</source>
        <translation>選択したモデルの料金をスナップショットの料金に戻します（追加した料金の場合は削除します）</translation>
    </message>
    <message>
        <source>Drop every edit: the table becomes the snapshot again</source>
        <translation>すべての編集を破棄し、表をスナップショットの状態に戻します</translation>
    </message>
    <message>
        <source>Changed: Save keeps the prices; Cancel drops the changes.</source>
        <translation>変更あり：［保存］で料金を保存し、［キャンセル］で変更を破棄します。</translation>
    </message>
    <message>
        <source>Reset All Prices</source>
        <translation>すべての料金を戻す</translation>
    </message>
    <message>
        <source>Drop every price you entered or changed? The table becomes the snapshot of %1 again (when you save).</source>
        <translation>入力または変更したすべての料金を破棄しますか？ 表は（保存時に）%1 時点のスナップショットに戻ります。</translation>
    </message>
    <message>
        <source>Reset All</source>
        <translation>すべて戻す</translation>
    </message>
    <message>
        <source>Keep My Prices</source>
        <translation>自分の料金を残す</translation>
    </message>
    <message>
        <source>%1 Saving replaces the file.</source>
        <translation>%1 保存するとファイルが置き換えられます。</translation>
    </message>
    <message>
        <source>Double-click a price to change it.</source>
        <translation>料金をダブルクリックすると変更できます。</translation>
    </message>
    <message>
        <source>Type the model id, then its prices.</source>
        <translation>モデル ID を入力してから、その料金を入力してください。</translation>
    </message>
    <message>
        <source>No price for %1 yet: type its input and output prices per million tokens, as the provider&apos;s pricing page gives them.</source>
        <translation>%1 の料金はまだありません。プロバイダーの料金ページに記載されている 100 万トークンあたりの入力と出力の料金を入力してください。</translation>
    </message>
    <message>
        <source>The prices were not saved: %1</source>
        <translation>料金を保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::RealtimeFallbackDialog</name>
    <message>
        <source>&amp;New Account…</source>
        <translation>新しいアカウント(&amp;N)…</translation>
    </message>
    <message>
        <source>No&amp;w</source>
        <translation>今すぐ(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Automatically, while the job runs:</source>
        <translation>ジョブの実行中に自動で(&amp;A):</translation>
    </message>
    <message>
        <source>a&amp;fter</source>
        <translation>ジョブの作成から(&amp;F)</translation>
    </message>
    <message>
        <source>w&amp;hen</source>
        <translation>リクエストの(&amp;H)</translation>
    </message>
    <message>
        <source>Finish %1 in Real Time</source>
        <translation>%1 をリアルタイムで完了</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 of %3 requests have no result yet. They can run on a “Run here” account: on this computer, against a real-time endpoint.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %3 件のリクエストのうち %2 件にまだ結果がありません。これらは「Run here」アカウントで、このコンピューターからリアルタイムのエンドポイントを使って実行できます。</translation>
    </message>
    <message>
        <source>Add a “Run here” account for a real-time endpoint</source>
        <translation>リアルタイムのエンドポイント用の「Run here」アカウントを追加します</translation>
    </message>
    <message>
        <source>There is no “Run here” account yet. Add one for the server that is to answer the requests: vLLM, Ollama, llama.cpp, LM Studio or any OpenAI-compatible endpoint.</source>
        <translation>「Run here」アカウントはまだありません。リクエストに応答するサーバー（vLLM、Ollama、llama.cpp、LM Studio、または任意の OpenAI 互換エンドポイント）用のアカウントを追加してください。</translation>
    </message>
    <message>
        <source>The running batches are cancelled; their finished answers are kept.</source>
        <translation>実行中のバッチはキャンセルされます。完了した応答は保持されます。</translation>
    </message>
    <message>
        <source>The job has ended; its answers are kept.</source>
        <translation>ジョブは終了しています。応答は保持されます。</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 時間</translation>
    </message>
    <message>
        <source>Counted from the job&apos;s creation</source>
        <translation>ジョブの作成時から数えます</translation>
    </message>
    <message>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Run &amp;on:</source>
        <translation>実行先(&amp;O):</translation>
    </message>
    <message>
        <source>since the job was created</source>
        <translation>が経過した後</translation>
    </message>
    <message>
        <source>of the requests have ended</source>
        <translation>が終了した時</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>タイミング:</translation>
    </message>
    <message>
        <source>Only while the job runs</source>
        <translation>ジョブの実行中のみ</translation>
    </message>
    <message numerus="yes">
        <source>The running batches of this job are cancelled; their finished answers are kept; the %n request(s) without a result run on %1.</source>
        <translation>
            <numerusform>このジョブの実行中のバッチはキャンセルされ、完了した応答は保持されます。結果のない %n 件のリクエストは %1 で実行されます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n request(s) of this job without a result run on %1; the answers the job has are kept.</source>
        <translation>
            <numerusform>このジョブの結果のない %n 件のリクエストは %1 で実行されます。ジョブにある応答は保持されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No “Run here” account</source>
        <translation>「Run here」アカウントなし</translation>
    </message>
    <message>
        <source>Finish Now</source>
        <translation>今すぐ完了</translation>
    </message>
    <message>
        <source>Save Policy</source>
        <translation>ルールを保存</translation>
    </message>
    <message>
        <source>Turn Policy Off</source>
        <translation>ルールをオフにする</translation>
    </message>
    <message>
        <source>Choose a “Run here” account, or add one.</source>
        <translation>「Run here」アカウントを選択するか、追加してください。</translation>
    </message>
    <message>
        <source>Finish in Real Time</source>
        <translation>リアルタイムで完了</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::ResultsCharts</name>
    <message>
        <source>Click a bar to show its rows; click it again to show all</source>
        <translation>棒をクリックするとその行を表示し、もう一度クリックするとすべて表示します</translation>
    </message>
    <message>
        <source>Charts of the results appear here.</source>
        <translation>結果のグラフがここに表示されます。</translation>
    </message>
    <message>
        <source>Reading the answers for the charts…</source>
        <translation>グラフ用に応答を読み込み中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The charts were not computed.</source>
        <translation>グラフは計算されていません。</translation>
    </message>
    <message>
        <source>The charts could not be computed: %1</source>
        <translation>グラフを計算できませんでした：%1</translation>
    </message>
    <message>
        <source>Compute Charts</source>
        <translation>グラフを計算</translation>
    </message>
    <message>
        <source>Output tokens of the answers (%1)</source>
        <translation>応答の出力トークン（%1）</translation>
    </message>
    <message>
        <source>Output tokens: no answer reports them</source>
        <translation>出力トークン：報告している応答がありません</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>出力トークン</translation>
    </message>
    <message>
        <source>%1 (the %2 most frequent of %3)</source>
        <translation>%1（%3 件中、上位 %2 件）</translation>
    </message>
    <message>
        <source>Finish reasons</source>
        <translation>終了理由</translation>
    </message>
    <message>
        <source>Finish reasons: no answer names one</source>
        <translation>終了理由：理由を示す応答がありません</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Failures: none</source>
        <translation>失敗：なし</translation>
    </message>
    <message>
        <source>%1 output tokens · rows: %2</source>
        <translation>出力 %1 トークン · 行数：%2</translation>
    </message>
    <message>
        <source>Finish reason %1 · rows: %2</source>
        <translation>終了理由 %1 · 行数：%2</translation>
    </message>
    <message>
        <source>%1 · rows: %2</source>
        <translation>%1 · 行数：%2</translation>
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
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>Joined JSONL (*.jsonl)</source>
        <translation>結合済み JSONL (*.jsonl)</translation>
    </message>
    <message>
        <source>NumPy embeddings (*.npy)</source>
        <translation>NumPy 埋め込み (*.npy)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Resubmit…</source>
        <translation>再送信…</translation>
    </message>
    <message>
        <source>Delete remote files…</source>
        <translation>リモートのファイルを削除…</translation>
    </message>
    <message>
        <source>Export only the rows shown…</source>
        <translation>表示中の行のみエクスポート…</translation>
    </message>
    <message>
        <source>Save the joined table as CSV, Excel, JSONL or NumPy</source>
        <translation>結合済みの表を CSV、Excel、JSONL、NumPy 形式で保存します</translation>
    </message>
    <message>
        <source>Write the requests that did not succeed to a new JSONL file and submit it as a new batch</source>
        <translation>成功しなかったリクエストを新しい JSONL ファイルに書き出し、新しいバッチとして送信します</translation>
    </message>
    <message>
        <source>Delete the output and error files from the provider; the copies on this computer stay</source>
        <translation>プロバイダー上の出力ファイルとエラーファイルを削除します。このコンピューター上のコピーは残ります</translation>
    </message>
    <message>
        <source>Search requests, responses and errors…</source>
        <translation>リクエスト、レスポンス、エラーを検索…</translation>
    </message>
    <message>
        <source>Joined results</source>
        <translation>結合済みの結果</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy cell</source>
        <translation>セルをコピー</translation>
    </message>
    <message>
        <source>Copy custom_id</source>
        <translation>custom_id をコピー</translation>
    </message>
    <message>
        <source>Copy response text</source>
        <translation>レスポンスのテキストをコピー</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>レスポンス</translation>
    </message>
    <message>
        <source>Request JSON</source>
        <translation>リクエスト JSON</translation>
    </message>
    <message>
        <source>Result JSON</source>
        <translation>結果 JSON</translation>
    </message>
    <message>
        <source>Prices…</source>
        <translation>料金…</translation>
    </message>
    <message>
        <source>Enter the price per million tokens of this model to see the cost</source>
        <translation>このモデルの 100 万トークンあたりの料金を入力すると費用が表示されます</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%2 件中 %1 件を表示</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>Downloading the results of %1… %2</source>
        <translation>%1 の結果をダウンロード中… %2</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Joined to their requests by custom_id.</source>
        <translation>custom_id でリクエストと結合しています。</translation>
    </message>
    <message>
        <source>Select a finished batch and choose “Open results” (Ctrl+R), or double-click it.</source>
        <translation>完了したバッチを選んで「結果を開く」（Ctrl+R）を選ぶか、バッチをダブルクリックしてください。</translation>
    </message>
    <message>
        <source>Results of %1</source>
        <translation>%1 の結果</translation>
    </message>
    <message>
        <source>Downloading the results of %1…</source>
        <translation>%1 の結果をダウンロード中…</translation>
    </message>
    <message>
        <source>The results of %1 could not be downloaded:
%2</source>
        <translation>%1 の結果をダウンロードできませんでした：
%2</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>%1 has not finished yet. Its results appear here when it has.</source>
        <translation>%1 はまだ完了していません。完了すると結果がここに表示されます。</translation>
    </message>
    <message>
        <source>%1 failed before it ran any request (see its errors in the Batches view): there are no results.</source>
        <translation>%1 はリクエストを実行する前に失敗しました（エラーはバッチ画面で確認できます）。結果はありません。</translation>
    </message>
    <message>
        <source>%1 has no output or error file: there are no results to show.</source>
        <translation>%1 には出力ファイルもエラーファイルもありません。表示する結果はありません。</translation>
    </message>
    <message>
        <source>The input file of %1 is not known on this computer (the batch was created elsewhere).
Choose the .jsonl it was made from to join each result to its request.</source>
        <translation>%1 の入力ファイルはこのコンピューターでは不明です（バッチは別の場所で作成されました）。
各結果をリクエストと結合するには、作成元の .jsonl を選んでください。</translation>
    </message>
    <message>
        <source>The input file of %1 is no longer at %2.
Choose where it is now to join the results to their requests.</source>
        <translation>%1 の入力ファイルはもう %2 にありません。
結果をリクエストと結合するには、現在の場所を選んでください。</translation>
    </message>
    <message>
        <source>Choose input file…</source>
        <translation>入力ファイルを選択…</translation>
    </message>
    <message>
        <source>Joining the results with %1…</source>
        <translation>結果を %1 と結合中…</translation>
    </message>
    <message>
        <source>Joining was cancelled.</source>
        <translation>結合をキャンセルしました。</translation>
    </message>
    <message>
        <source>Join again</source>
        <translation>再結合</translation>
    </message>
    <message>
        <source>The results could not be joined: %1</source>
        <translation>結果を結合できませんでした：%1</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>入力 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n resubmit(s) joined; each request shows its latest result</source>
        <translation>
            <numerusform>%n 件の再送信を結合済み。各リクエストには最新の結果が表示されます</numerusform>
        </translation>
    </message>
    <message>
        <source>The input file changed since the batch was submitted: results may not match these requests.</source>
        <translation>バッチの送信後に入力ファイルが変更されています。結果がこれらのリクエストと一致しない可能性があります。</translation>
    </message>
    <message>
        <source>All %1</source>
        <translation>すべて %1</translation>
    </message>
    <message>
        <source>%1 input tokens, %2 output tokens</source>
        <translation>入力 %1 トークン、出力 %2 トークン</translation>
    </message>
    <message>
        <source>cost ≈ %1</source>
        <translation>費用 ≈ %1</translation>
    </message>
    <message>
        <source>no price entered for %1</source>
        <translation>%1 の料金が未入力</translation>
    </message>
    <message>
        <source>Select a row to see its request and response.</source>
        <translation>行を選ぶとリクエストとレスポンスが表示されます。</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>%1 行目</translation>
    </message>
    <message>
        <source>not in the input file</source>
        <translation>入力ファイルにありません</translation>
    </message>
    <message>
        <source>finish: %1</source>
        <translation>終了理由：%1</translation>
    </message>
    <message>
        <source>%1 in / %2 out tokens</source>
        <translation>入力 %1 / 出力 %2 トークン</translation>
    </message>
    <message>
        <source>(empty response)</source>
        <translation>（空のレスポンス）</translation>
    </message>
    <message>
        <source>(no response)</source>
        <translation>（レスポンスなし）</translation>
    </message>
    <message>
        <source>(not in the input file)</source>
        <translation>（入力ファイルにありません）</translation>
    </message>
    <message>
        <source>(no result line)</source>
        <translation>（結果行なし）</translation>
    </message>
    <message>
        <source>Export the rows shown</source>
        <translation>表示中の行をエクスポート</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>結果のエクスポート</translation>
    </message>
    <message>
        <source>No rows are shown: nothing to export.</source>
        <translation>表示中の行がないため、エクスポートするものがありません。</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>%1 にエクスポート中…</translation>
    </message>
    <message>
        <source>No request has one of the chosen outcomes: nothing to resubmit.</source>
        <translation>選択した結果に該当するリクエストがないため、再送信するものがありません。</translation>
    </message>
    <message>
        <source>Resubmit requests</source>
        <translation>リクエストの再送信</translation>
    </message>
    <message>
        <source>Write the original request lines of these outcomes to a new JSONL file and open it for submission. Its results join back onto this table.</source>
        <translation>これらの結果の元のリクエスト行を新しい JSONL ファイルに書き出し、送信用に開きます。その結果はこの表に結合されます。</translation>
    </message>
    <message>
        <source>Write file…</source>
        <translation>ファイルを書き出す…</translation>
    </message>
    <message>
        <source>Write the resubmit file</source>
        <translation>再送信ファイルの書き出し</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Prices of %1</source>
        <translation>%1 の料金</translation>
    </message>
    <message>
        <source>Real-time prices per million tokens; the batch discount is applied to them.</source>
        <translation>100 万トークンあたりのリアルタイム料金です。バッチ割引はこれに適用されます。</translation>
    </message>
    <message>
        <source>&amp;Input tokens:</source>
        <translation>入力トークン(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Output tokens:</source>
        <translation>出力トークン(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Batch discount:</source>
        <translation>バッチ割引(&amp;B):</translation>
    </message>
    <message>
        <source>Delete remote files</source>
        <translation>リモートのファイルの削除</translation>
    </message>
    <message>
        <source>Delete the output and error files of %1 from the provider?

The copies on this computer stay, so this table keeps working. The provider&apos;s storage is freed.</source>
        <translation>%1 の出力ファイルとエラーファイルをプロバイダーから削除しますか？

このコンピューター上のコピーは残るため、この表は引き続き使えます。プロバイダーの保存領域が解放されます。</translation>
    </message>
    <message>
        <source>Choose the input file of %1</source>
        <translation>%1 の入力ファイルを選択</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Append to the original CSV…</source>
        <translation>元の CSV に結果を追加…</translation>
    </message>
    <message>
        <source>The spreadsheet this batch was built from, with the result columns added</source>
        <translation>このバッチの作成元のスプレッドシートに結果の列を追加したもの</translation>
    </message>
    <message>
        <source>Append results to the CSV</source>
        <translation>結果を CSV に追加</translation>
    </message>
    <message>
        <source>Show the requests that succeeded (toggle; several chips can be on)</source>
        <translation>成功したリクエストを表示（切り替え式。複数のチップを同時にオンにできます）</translation>
    </message>
    <message>
        <source>Show the requests that failed (toggle; several chips can be on)</source>
        <translation>失敗したリクエストを表示（切り替え式。複数のチップを同時にオンにできます）</translation>
    </message>
    <message>
        <source>Show the requests that expired before they ran (toggle; several chips can be on)</source>
        <translation>実行前に期限切れになったリクエストを表示（切り替え式。複数のチップを同時にオンにできます）</translation>
    </message>
    <message>
        <source>Show the requests cancelled before they ran (toggle; several chips can be on)</source>
        <translation>実行前にキャンセルされたリクエストを表示（切り替え式。複数のチップを同時にオンにできます）</translation>
    </message>
    <message>
        <source>Show the requests without any result line (toggle; several chips can be on)</source>
        <translation>結果行のないリクエストを表示（切り替え式。複数のチップを同時にオンにできます）</translation>
    </message>
    <message>
        <source>Show every request</source>
        <translation>すべてのリクエストを表示</translation>
    </message>
    <message numerus="yes">
        <source>Results of %1 (%n batch(es))</source>
        <translation>
            <numerusform>%1 の結果（バッチ %n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>A part of %1 is no longer at %2: its results cannot be joined.</source>
        <translation>%1 のパートはもう %2 にありません。その結果は結合できません。</translation>
    </message>
    <message>
        <source>no price entered for this model</source>
        <translation>このモデルの料金が未入力</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 を書き出し中…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>リクエスト %Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>残す</translation>
    </message>
    <message>
        <source>The saved results of %1 cannot be used: %2
The provider no longer keeps them, so they cannot be downloaded again.</source>
        <translation>%1 の保存済みの結果は使用できません：%2
プロバイダーにはもう保存されていないため、もう一度ダウンロードすることはできません。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln result(s) for requests not in this input, listed last and not counted</source>
        <translation>
            <numerusform>この入力にないリクエストの結果が %Ln 件あります。末尾に表示し、件数には含めません</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln result line(s) repeat a custom_id of the same file; the last one is shown</source>
        <translation>
            <numerusform>同じファイル内で custom_id が重複する結果行が %Ln 件あります。最後の行を表示しています</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved results of %1 are not complete (%2). Downloading them again…</source>
        <translation>%1 の保存済みの結果が不完全です（%2）。もう一度ダウンロードしています…</translation>
    </message>
    <message numerus="yes">
        <source>Input %1 and %n more part(s)</source>
        <translation>
            <numerusform>入力 %1 ほか %n 個のパート</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Images…</source>
        <translation>画像を保存…</translation>
    </message>
    <message>
        <source>Save the generated images as files in a folder (URL answers are listed in images.csv)</source>
        <translation>生成された画像をフォルダーにファイルとして保存します（URL で返された画像は images.csv に一覧されます）</translation>
    </message>
    <message>
        <source>Save the images to</source>
        <translation>画像の保存先</translation>
    </message>
    <message>
        <source>Saving images to %1…</source>
        <translation>画像を %1 に保存中…</translation>
    </message>
    <message>
        <source>Build Next Stage from These Results…</source>
        <translation>この結果から次のステージを作成…</translation>
    </message>
    <message>
        <source>Next stage…</source>
        <translation>次のステージ…</translation>
    </message>
    <message>
        <source>Build a new batch from these results: {{response}}, {{answer.label}} and the original columns in the templates</source>
        <translation>この結果から新しいバッチを作成します。テンプレートでは {{response}}、{{answer.label}} と元の列を使えます</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>Show or hide the charts of output tokens, finish reasons and failures</source>
        <translation>出力トークン、終了理由、失敗のグラフを表示または非表示にします</translation>
    </message>
    <message>
        <source>Rows of the chart bar you clicked; click to show all rows again</source>
        <translation>クリックしたグラフの棒の行です。クリックするとすべての行を再表示します</translation>
    </message>
    <message>
        <source>Split JSON Answers into Columns</source>
        <translation>JSON の応答を列に分割</translation>
    </message>
    <message>
        <source>Show the members of JSON answers (structured outputs, tool calls) as columns named answer.&lt;member&gt;; exports then include them</source>
        <translation>JSON の応答（構造化出力、ツール呼び出し）のメンバーを answer.&lt;member&gt; という名前の列として表示します。エクスポートにも含まれます</translation>
    </message>
    <message>
        <source>JSON path (optional), e.g. result</source>
        <translation>JSON パス（任意）、例：result</translation>
    </message>
    <message>
        <source>The object whose members become the columns: member names with dots and [n] indexes; empty for the whole answer</source>
        <translation>メンバーを列にするオブジェクト：ドットと [n] インデックスを使ったメンバー名で指定します。空欄なら応答全体です</translation>
    </message>
    <message>
        <source>Show only the rows whose answer is not JSON (toggle)</source>
        <translation>応答が JSON でない行のみ表示（切り替え式）</translation>
    </message>
    <message>
        <source>Finding the columns of the JSON answers…</source>
        <translation>JSON の応答の列を調べています…</translation>
    </message>
    <message>
        <source>No answer is a JSON object.</source>
        <translation>JSON オブジェクトの応答がありません。</translation>
    </message>
    <message>
        <source>No JSON answers to split.</source>
        <translation>分割する JSON の応答がありません。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) from the request&apos;s schema</source>
        <translation>
            <numerusform>リクエストのスキーマから %Ln 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) from the answers</source>
        <translation>
            <numerusform>応答から %Ln 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)&apos; JSON did not parse</source>
        <translation>
            <numerusform>JSON を解析できない行 %Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Results of job %1</source>
        <translation>ジョブ %1 の結果</translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>ジョブ %1</translation>
    </message>
    <message>
        <source>Stage %1, built from the results of %2</source>
        <translation>ステージ %1（%2 の結果から作成）</translation>
    </message>
    <message>
        <source>Show Previous Stage</source>
        <translation>前のステージを表示</translation>
    </message>
    <message>
        <source>Show the response of stage %1 (%2) for the same custom_id in a column “Previous response”</source>
        <translation>同じ custom_id に対するステージ %1（%2）の応答を「前の応答」列に表示</translation>
    </message>
    <message>
        <source>The results of the previous stage are not saved on this computer.</source>
        <translation>前のステージの結果はこのコンピューターに保存されていません。</translation>
    </message>
    <message>
        <source>These requests were not built from the results of a previous stage.</source>
        <translation>これらのリクエストは前のステージの結果から作成されたものではありません。</translation>
    </message>
    <message>
        <source>Opening the results of stage %1…</source>
        <translation>ステージ %1 の結果を開いています…</translation>
    </message>
    <message>
        <source>The results of stage %1 (%2) could not be opened: %3</source>
        <translation>ステージ %1（%2）の結果を開けませんでした: %3</translation>
    </message>
    <message numerus="yes">
        <source>Stage %1: %Ln request(s) with a previous response</source>
        <translation>
            <numerusform>ステージ %1: 前の応答があるリクエスト %Ln 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::RetryJobDialog</name>
    <message>
        <source>Retry Requests of %1</source>
        <translation>%1 のリクエストの再試行</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — which requests go again, as a new round of batches? Their new results replace the old ones in the job&apos;s results table.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — どのリクエストを新しいラウンドのバッチとして再送信しますか？新しい結果はジョブの結果の表で古い結果を置き換えます。</translation>
    </message>
    <message>
        <source>&amp;Failed</source>
        <translation>失敗(&amp;F)</translation>
    </message>
    <message>
        <source>The provider answered with an error.</source>
        <translation>プロバイダーがエラーを返しました。</translation>
    </message>
    <message>
        <source>&amp;Expired</source>
        <translation>期限切れ(&amp;E)</translation>
    </message>
    <message>
        <source>The batch ran out of time before the request ran.</source>
        <translation>リクエストが実行される前にバッチの期限が切れました。</translation>
    </message>
    <message>
        <source>&amp;Cancelled</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>The batch was cancelled before the request ran.</source>
        <translation>リクエストが実行される前にバッチがキャンセルされました。</translation>
    </message>
    <message>
        <source>&amp;Missing</source>
        <translation>欠落(&amp;M)</translation>
    </message>
    <message>
        <source>The results have no line for the request.</source>
        <translation>結果にこのリクエストの行がありません。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::Sidebar</name>
    <message>
        <source>Batches</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>ACCOUNTS</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>VIEWS</source>
        <translation>ビュー</translation>
    </message>
    <message>
        <source>The built-in sandbox: a local server that runs batches with echo models, for trying Batchdesk without a provider account.</source>
        <translation>組み込みサンドボックス：エコーモデルでバッチを実行するローカルサーバーです。プロバイダーのアカウントなしで Batchdesk を試せます。</translation>
    </message>
    <message>
        <source>LOCAL</source>
        <translation>ローカル</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>すべてのアカウント</translation>
    </message>
    <message>
        <source>The batches of every account in one list</source>
        <translation>すべてのアカウントのバッチを 1 つの一覧に表示します</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::UploadPanel</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>%1 をアップロード中…</translation>
    </message>
    <message>
        <source>Uploading %1 — %2 of %3 · %4/s</source>
        <translation>%1 をアップロード中 — %3 中 %2 · %4/s</translation>
    </message>
    <message>
        <source>Creating the batch from %1…</source>
        <translation>%1 からバッチを作成中…</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::ValidationPage</name>
    <message>
        <source>Issues</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>Validate again</source>
        <translation>再検証</translation>
    </message>
    <message>
        <source>No file open</source>
        <translation>ファイルが開かれていません</translation>
    </message>
    <message>
        <source>Drop a .jsonl file here or open one with File → Open</source>
        <translation>.jsonl ファイルをここにドロップするか、［ファイル］→［開く］で開いてください</translation>
    </message>
    <message>
        <source>Batchdesk checks every line against the provider&apos;s Batch API rules and limits before you upload anything.</source>
        <translation>アップロードする前に、Batchdesk がすべての行をプロバイダーの Batch API のルールと制限に照らして検証します。</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>ファイルを開く…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Create Batch…</source>
        <translation>バッチを作成…</translation>
    </message>
    <message>
        <source>Embedding inputs:</source>
        <translation>埋め込み入力:</translation>
    </message>
    <message>
        <source>Lines:</source>
        <translation>行数:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>サイズ:</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>エンドポイント:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>モデル:</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>制限:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>エラー:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告:</translation>
    </message>
    <message>
        <source>All issues</source>
        <translation>すべての問題</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>エラーのみ</translation>
    </message>
    <message>
        <source>Warnings only</source>
        <translation>警告のみ</translation>
    </message>
    <message>
        <source>Double-click an issue to show its request.</source>
        <translation>問題をダブルクリックすると、そのリクエストを表示します。</translation>
    </message>
    <message>
        <source>Select an issue or a request to see it here.</source>
        <translation>問題またはリクエストを選ぶと、ここに表示されます。</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>検証中…</translation>
    </message>
    <message>
        <source>Validating %1…</source>
        <translation>%1 を検証中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Validation cancelled</source>
        <translation>検証をキャンセルしました</translation>
    </message>
    <message>
        <source>Validation of %1 was cancelled.</source>
        <translation>%1 の検証をキャンセルしました。</translation>
    </message>
    <message>
        <source>Could not read the file</source>
        <translation>ファイルを読み込めませんでした</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>%1 を読み込めませんでした</translation>
    </message>
    <message>
        <source>Validated 1 line in %1</source>
        <translation>1 行を %1 で検証しました</translation>
    </message>
    <message>
        <source>Validated %1 lines in %2</source>
        <translation>%1 行を %2 で検証しました</translation>
    </message>
    <message>
        <source>Waiting for the validation to finish</source>
        <translation>検証の完了を待っています</translation>
    </message>
    <message>
        <source>The file has not been validated completely</source>
        <translation>ファイルは最後まで検証されていません</translation>
    </message>
    <message>
        <source>Fix the error listed below to submit this file</source>
        <translation>このファイルを送信するには、下に示すエラーを修正してください</translation>
    </message>
    <message>
        <source>Fix the %1 errors listed below to submit this file</source>
        <translation>このファイルを送信するには、下に示す %1 件のエラーを修正してください</translation>
    </message>
    <message>
        <source>The file has no requests</source>
        <translation>ファイルにリクエストがありません</translation>
    </message>
    <message>
        <source>Upload this file and create a batch from it</source>
        <translation>このファイルをアップロードしてバッチを作成します</translation>
    </message>
    <message>
        <source>Ready to submit</source>
        <translation>送信できます</translation>
    </message>
    <message>
        <source>Ready to submit, with 1 warning to review</source>
        <translation>送信できます（確認すべき警告 1 件）</translation>
    </message>
    <message>
        <source>Ready to submit, with %1 warnings to review</source>
        <translation>送信できます（確認すべき警告 %1 件）</translation>
    </message>
    <message>
        <source>1 error must be fixed before submitting</source>
        <translation>送信前に 1 件のエラーを修正する必要があります</translation>
    </message>
    <message>
        <source>%1 errors must be fixed before submitting</source>
        <translation>送信前に %1 件のエラーを修正する必要があります</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 allows at most %2 lines per batch.</source>
        <translation>%1 では 1 バッチあたり %2 行までです。</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 / %2 バイト</translation>
    </message>
    <message>
        <source>— (none found)</source>
        <translation>—（見つかりません）</translation>
    </message>
    <message>
        <source>Issues (%1)</source>
        <translation>問題（%1）</translation>
    </message>
    <message>
        <source>Requests (%1)</source>
        <translation>リクエスト（%1）</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 issues</source>
        <translation>%2 件中、最初の %1 件の問題を表示しています</translation>
    </message>
    <message>
        <source>Whole file</source>
        <translation>ファイル全体</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>%1 行目</translation>
    </message>
    <message>
        <source>Line %1 · %2</source>
        <translation>%1 行目 · %2</translation>
    </message>
    <message>
        <source>This line is %1, too large to show here.</source>
        <translation>この行は %1 あり、ここに表示するには大きすぎます。</translation>
    </message>
    <message>
        <source>%1 changed on disk after it was validated. The results may be out of date.</source>
        <translation>%1 は検証後にディスク上で変更されました。結果が古くなっている可能性があります。</translation>
    </message>
    <message>
        <source>%1 was moved or deleted after it was validated.</source>
        <translation>%1 は検証後に移動または削除されました。</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>Edit this request and save it back into the file</source>
        <translation>このリクエストを編集してファイルに書き戻します</translation>
    </message>
    <message>
        <source>&amp;Save Line</source>
        <translation>行を保存(&amp;S)</translation>
    </message>
    <message>
        <source>Not valid JSON at character %1: %2</source>
        <translation>%1 文字目が有効な JSON ではありません: %2</translation>
    </message>
    <message>
        <source>A request line must be a JSON object.</source>
        <translation>リクエスト行は JSON オブジェクトである必要があります。</translation>
    </message>
    <message>
        <source>Edit the request; it is checked as you type.</source>
        <translation>リクエストを編集してください。入力中に検証されます。</translation>
    </message>
    <message>
        <source>Saving line %1…</source>
        <translation>%1 行目を保存しています…</translation>
    </message>
    <message>
        <source>Saved line %1; validating again</source>
        <translation>%1 行目を保存しました。再検証しています</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>The request is valid; Save Line writes it into the file.</source>
        <translation>リクエストは有効です。「行を保存」でファイルに書き込みます。</translation>
    </message>
    <message>
        <source>Too large for one batch: it can go as a job of several batches.</source>
        <translation>1 つのバッチには大きすぎます。複数のバッチからなるジョブとして送信できます。</translation>
    </message>
    <message numerus="yes">
        <source>Split into %Ln Batches and Submit…</source>
        <translation>
            <numerusform>%Ln 個のバッチに分割して送信…</numerusform>
        </translation>
    </message>
    <message>
        <source>The cost is estimated after the validation.</source>
        <translation>費用は検証の後に見積もります。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow</name>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>No part of the job has the request &quot;%1&quot;.</source>
        <translation>ジョブのどのパートにもリクエスト「%1」はありません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow::AccountService</name>
    <message>
        <source>The key could not be stored in the keychain: %1</source>
        <translation>キーをキーチェーンに保存できませんでした：%1</translation>
    </message>
    <message>
        <source>The account does not exist.</source>
        <translation>アカウントが存在しません。</translation>
    </message>
    <message>
        <source>The account was removed, but its key could not be deleted from the keychain: %1</source>
        <translation>アカウントは削除しましたが、キーをキーチェーンから削除できませんでした：%1</translation>
    </message>
    <message>
        <source>The test failed. %1</source>
        <translation>テストに失敗しました。%1</translation>
    </message>
    <message>
        <source>the model list is not available</source>
        <translation>モデル一覧を取得できません</translation>
    </message>
    <message>
        <source>1 model</source>
        <translation>モデル 1 件</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>モデル %1 件</translation>
    </message>
    <message>
        <source>1 recent batch</source>
        <translation>最近のバッチ 1 件</translation>
    </message>
    <message>
        <source>%1 recent batches</source>
        <translation>最近のバッチ %1 件</translation>
    </message>
    <message>
        <source>Connected: %1, %2.</source>
        <translation>接続済み：%1、%2。</translation>
    </message>
    <message>
        <source>The real-time endpoint did not answer. %1</source>
        <translation>リアルタイムエンドポイントが応答しませんでした。%1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow::AccountSession</name>
    <message>
        <source>Account “%1” has no base URL. Edit the account to set one.</source>
        <translation>アカウント「%1」にベース URL がありません。アカウントを編集して設定してください。</translation>
    </message>
    <message>
        <source>Account “%1” takes its key from the environment variable %2, which is not set. Set it and restart, or store the key in the keychain.</source>
        <translation>アカウント「%1」は環境変数 %2 からキーを取得しますが、この変数が設定されていません。設定して再起動するか、キーをキーチェーンに保存してください。</translation>
    </message>
    <message>
        <source>Cannot read the API key of “%1” from the keychain: %2 Edit the account to store the key again.</source>
        <translation>「%1」の API キーをキーチェーンから読み込めません：%2 アカウントを編集してキーを保存し直してください。</translation>
    </message>
    <message>
        <source>Could not refresh the batches: %1</source>
        <translation>バッチを更新できませんでした：%1</translation>
    </message>
    <message>
        <source>Could not download the results of %1</source>
        <translation>%1 の結果をダウンロードできませんでした</translation>
    </message>
    <message>
        <source>Could not record the results of %1: %2</source>
        <translation>%1 の結果を記録できませんでした：%2</translation>
    </message>
    <message>
        <source>An earlier submission whose reply was lost did create batch %1.</source>
        <translation>応答が失われた以前の送信で、バッチ %1 が作成されていました。</translation>
    </message>
    <message>
        <source>Could not list the files</source>
        <translation>ファイル一覧を取得できませんでした</translation>
    </message>
    <message>
        <source>Could not cancel %1</source>
        <translation>%1 をキャンセルできませんでした</translation>
    </message>
    <message>
        <source>Batch %1 has no result files yet.</source>
        <translation>バッチ %1 にはまだ結果ファイルがありません。</translation>
    </message>
    <message>
        <source>Downloading the results of %1 failed: %2</source>
        <translation>%1 の結果のダウンロードに失敗しました：%2</translation>
    </message>
    <message>
        <source>Results of %1 saved in %2.</source>
        <translation>%1 の結果を %2 に保存しました。</translation>
    </message>
    <message>
        <source>Could not delete %1</source>
        <translation>%1 を削除できませんでした</translation>
    </message>
    <message>
        <source>No account is connected.</source>
        <translation>アカウントが接続されていません。</translation>
    </message>
    <message>
        <source>The results of %1 are not saved on this computer yet.</source>
        <translation>%1 の結果はまだこのコンピューターに保存されていません。</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow::AllAccountsMonitor</name>
    <message>
        <source>The account has no base URL. Edit the account to set one.</source>
        <translation>アカウントにベース URL がありません。アカウントを編集して設定してください。</translation>
    </message>
    <message>
        <source>The environment variable %1, which holds the key, is not set.</source>
        <translation>キーを保持する環境変数 %1 が設定されていません。</translation>
    </message>
    <message>
        <source>No key is stored in the keychain. Edit the account to store one.</source>
        <translation>キーチェーンにキーが保存されていません。アカウントを編集して保存してください。</translation>
    </message>
    <message>
        <source>Cannot read the key from the keychain: %1</source>
        <translation>キーチェーンからキーを読み込めません：%1</translation>
    </message>
    <message>
        <source>Could not list the batches: %1</source>
        <translation>バッチの一覧を取得できませんでした：%1</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow::JobScheduler</name>
    <message>
        <source>Unknown outcome &quot;%1&quot;: use failed, expired, cancelled or missing.</source>
        <translation>不明な結果「%1」です。failed、expired、cancelled、missing のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>The results of %1 could not be downloaded for the next round</source>
        <translation>次のラウンドのために %1 の結果をダウンロードできませんでした</translation>
    </message>
    <message>
        <source>Could not record part %1 of %2: %3</source>
        <translation>%2 のパート %1 を記録できませんでした：%3</translation>
    </message>
    <message>
        <source>A job needs at least one part.</source>
        <translation>ジョブには少なくとも 1 つのパートが必要です。</translation>
    </message>
    <message>
        <source>Job %1 stopped at part %2: %3</source>
        <translation>ジョブ %1 はパート %2 で停止しました：%3</translation>
    </message>
    <message>
        <source>Could not check which parts of the jobs were created</source>
        <translation>ジョブのどのパートが作成されたかを確認できませんでした</translation>
    </message>
    <message>
        <source>Job %1 cannot retry: its results cannot be downloaded here.</source>
        <translation>ジョブ %1 は再試行できません：ここでは結果をダウンロードできません。</translation>
    </message>
    <message>
        <source>Could not get a batch of %1</source>
        <translation>%1 のバッチを取得できませんでした</translation>
    </message>
    <message>
        <source>Job %1 could not prepare retry round %2: %3</source>
        <translation>ジョブ %1 は再試行ラウンド %2 を準備できませんでした：%3</translation>
    </message>
    <message>
        <source>There is no job %1.</source>
        <translation>ジョブ %1 はありません。</translation>
    </message>
    <message>
        <source>Part %1 of %2 is no longer waiting: cancel its batch instead.</source>
        <translation>%2 のパート %1 はもう待機していません。代わりにそのバッチをキャンセルしてください。</translation>
    </message>
    <message>
        <source>Job %1 has no part %2.</source>
        <translation>ジョブ %1 にはパート %2 がありません。</translation>
    </message>
    <message>
        <source>Could not cancel a batch of %1</source>
        <translation>%1 のバッチをキャンセルできませんでした</translation>
    </message>
    <message>
        <source>Job %1 still has batches running or queued: retry when they have finished.</source>
        <translation>ジョブ %1 にはまだ実行中または待機中のバッチがあります。終了してから再試行してください。</translation>
    </message>
    <message>
        <source>Choose a &quot;Run here&quot; account to finish the job on.</source>
        <translation>ジョブを最後まで実行する「Run here」アカウントを選択してください。</translation>
    </message>
    <message>
        <source>Job %1 already runs in real time.</source>
        <translation>ジョブ %1 は既にリアルタイムで実行中です。</translation>
    </message>
    <message>
        <source>Job %1 was cancelled.</source>
        <translation>ジョブ %1 はキャンセルされました。</translation>
    </message>
    <message>
        <source>The hours cannot be negative and the percentage must be between 0 and 100.</source>
        <translation>時間に負の値は指定できません。割合は 0～100 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>it has run for %1 hours</source>
        <translation>実行開始から %1 時間が経過した</translation>
    </message>
    <message>
        <source>%1 % of its requests have ended</source>
        <translation>リクエストの %1 % が終了した</translation>
    </message>
    <message>
        <source>Nothing of it is left.</source>
        <translation>予算は残っていません。</translation>
    </message>
    <message>
        <source>The job has spent about %1 of its budget of %2; the next round: %3</source>
        <translation>ジョブは予算 %2 のうち約 %1 を使いました。次のラウンド：%3</translation>
    </message>
    <message>
        <source>Job %1: retry round %2 was not submitted. %3</source>
        <translation>ジョブ %1：再試行ラウンド %2 は送信されませんでした。%3</translation>
    </message>
</context>
<context>
    <name>Batchdesk::Workflow::Submission</name>
    <message>
        <source>No account is connected.</source>
        <translation>アカウントが接続されていません。</translation>
    </message>
    <message>
        <source>The account was disconnected during the submission.</source>
        <translation>送信中にアカウントの接続が切れました。</translation>
    </message>
    <message>
        <source>Upload cancelled.</source>
        <translation>アップロードをキャンセルしました。</translation>
    </message>
    <message>
        <source>Upload of %1 failed</source>
        <translation>%1 のアップロードに失敗しました</translation>
    </message>
    <message>
        <source>Could not record the submission locally: %1</source>
        <translation>送信をローカルに記録できませんでした：%1</translation>
    </message>
    <message>
        <source>Creation cancelled; if the server received it, the batch appears after the next start.</source>
        <translation>作成をキャンセルしました。サーバーが受信していた場合、バッチは次回の起動後に表示されます。</translation>
    </message>
    <message>
        <source>Creating the batch failed</source>
        <translation>バッチの作成に失敗しました</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop client for OpenAI-compatible Batch APIs.</source>
        <translation>OpenAI 互換の Batch API 用デスクトップクライアント。</translation>
    </message>
    <message>
        <source>Display version information.</source>
        <translation>バージョン情報を表示します。</translation>
    </message>
    <message>
        <source>Use a dark palette (also BATCHDESK_THEME=dark).</source>
        <translation>ダークパレットを使用します（BATCHDESK_THEME=dark でも可）。</translation>
    </message>
    <message>
        <source>JSONL files to open and validate.</source>
        <translation>開いて検証する JSONL ファイル。</translation>
    </message>
    <message>
        <source>Use this interface language instead of the setting: en, de or ja.</source>
        <translation>設定の代わりにこの表示言語を使用します：en、de、ja。</translation>
    </message>
</context>
</TS>
