package io.openreplay.backend.testkit.elasticsearch;

/** A request to Elasticsearch failed, or its answer was not what the request expects. */
public class ElasticsearchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, with the server's answer when there is one
   */
  public ElasticsearchException(String message) {
    super(message);
  }

  /**
   * @param message what failed
   * @param cause the underlying failure
   */
  public ElasticsearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
