#pragma once

// JSON fixtures for tst_apitypes. Raw string literals with quotes live here, not in the QObject test source:
// moc 6.4.2 silently skips a class when such a literal is in the same file.

inline constexpr const char kFixture0[] =
    R"({"id":"batch_1","object":"batch","endpoint":"/v1/chat/completions","model":"m","input_file_id":"file_1",
                "completion_window":"24h","status":"in_progress","output_file_id":null,"error_file_id":null,
                "created_at":1700000000,"in_progress_at":1700000010,"expires_at":1700086400,"finalizing_at":null,
                "request_counts":{"total":10,"completed":6,"failed":1},
                "usage":{"input_tokens":100,"input_tokens_details":{"cached_tokens":5},"output_tokens":50,
                         "output_tokens_details":{"reasoning_tokens":7},"total_tokens":150},
                "metadata":{"description":"nightly","batchdesk_client_id":"c-1"}})";
inline constexpr const char kFixture1[] = R"({"id":"b","status":"Queued_For_Review","created_at":100,
            "request_counts":null,"usage":null,"model":null,"expires_at":null,"metadata":null,"extra":{"x":1}})";
inline constexpr const char kFixture2[] =
    R"({"id":"b","status":"failed","errors":{"object":"list","data":[{"code":"invalid_json","message":"bad","line":3,"param":null}]}})";
inline constexpr const char kFixture3[] =
    R"({"id":"b","status":"failed","errors":[{"code":"invalid_json","message":"bad","line":3}]})";
inline constexpr const char kFixture4[] = R"({"id":"file_1","bytes":12,"created_at":5,"filename":"a.jsonl",
            "purpose":"batch-output"})";
inline constexpr const char kFixture5[] = R"({"purpose":"batch_output"})";
inline constexpr const char kFixture6[] =
    R"({"error":{"message":"Invalid key","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})";
inline constexpr const char kFixture7[] =
    R"({"error":{"message":"Slow down","type":"rate_limit","code":null}})";
inline constexpr const char kFixture8[] = R"({"error":"Rate limited"})";
inline constexpr const char kFixture9[] = R"({"detail":"Not authenticated"})";
inline constexpr const char kFixture10[] = R"({"detail":[{"msg":"field required"},{"msg":"bad value"}]})";
inline constexpr const char kFixture11[] = R"({"error":{"message":"Bad key"}})";
