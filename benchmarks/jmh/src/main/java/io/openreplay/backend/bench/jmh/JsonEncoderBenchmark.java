package io.openreplay.backend.bench.jmh;

import ch.qos.logback.classic.LoggerContext;
import io.openreplay.backend.logback.elasticsearch.OpenReplayLogstashEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Elasticsearch JSON providers per event: {@link OpenReplayLogstashEncoder} (prefixed {@code message},
 * {@code utc_time}, {@code tags} with {@code error}, the token and session id fields) against a plain
 * {@link LogstashEncoder}, both with their defaults. Each operation encodes a new event that carries a token (its
 * creation is in both).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonEncoderBenchmark {

  private LogstashEncoder plain;
  private LogstashEncoder openReplay;
  private LoggingEventCompositeJsonEncoder sameDocument;
  private PaymentErrorEvents events;

  /** Creates the benchmark's state; JMH calls this. */
  public JsonEncoderBenchmark() {
  }

  /** Starts the three encoders in one logger context, and checks that two of them write the same document. */
  @Setup
  public void startEncoders() {
    LoggerContext context = new LoggerContext();
    plain = new LogstashEncoder();
    plain.setContext(context);
    plain.start();
    openReplay = new OpenReplayLogstashEncoder();
    openReplay.setContext(context);
    openReplay.start();
    sameDocument = SameDocumentEncoder.start(context);
    events = new PaymentErrorEvents(context);
    String document = new String(openReplay.encode(events.next()), StandardCharsets.UTF_8);
    if (!document.contains("\"utc_time\"") || !document.contains("openReplaySessionToken=" + Tokens.CONTRACT_TOKEN)) {
      throw new IllegalStateException("the OpenReplay encoder wrote no OpenReplay field: " + document);
    }
    SameDocumentEncoder.check(sameDocument, openReplay, events.next());
  }

  /**
   * @return the JSON document, as logstash writes it
   */
  @Benchmark
  public byte[] logstashEncoder() {
    return plain.encode(events.next());
  }

  /**
   * @return the same document as {@link #openReplayLogstashEncoder()}'s, written by logstash's own providers and
   *     its JSON pattern provider
   */
  @Benchmark
  public byte[] sameDocumentEncoder() {
    return sameDocument.encode(events.next());
  }

  /**
   * @return the JSON document with the OpenReplay fields
   */
  @Benchmark
  public byte[] openReplayLogstashEncoder() {
    return openReplay.encode(events.next());
  }
}
