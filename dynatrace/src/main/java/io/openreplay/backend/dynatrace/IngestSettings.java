package io.openreplay.backend.dynatrace;

/**
 * The appender's settings the sender reads, fixed when the appender starts.
 *
 * @param url the ingest URL
 * @param apiToken the API token ({@code logs.ingest} scope)
 * @param batchSize the most records in one request
 * @param maxBatchBytes the most characters in one request body (a single larger record is sent alone)
 * @param connectTimeoutMillis the connect timeout
 * @param readTimeoutMillis how long an answer is awaited
 * @param maxRetries how often a batch is sent again after a 429, a 5xx or no answer
 * @param retryBackoffMillis the wait before the first retry, doubled for each next one (at most 30 s)
 */
record IngestSettings(String url, String apiToken, int batchSize, int maxBatchBytes, int connectTimeoutMillis,
    int readTimeoutMillis, int maxRetries, long retryBackoffMillis) {
}
