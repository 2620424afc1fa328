package io.openreplay.backend.testkit.stackdriver;

import com.google.logging.v2.LogEntry;
import com.google.logging.v2.WriteLogEntriesRequest;
import com.google.logging.v2.WriteLogEntriesResponse;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.openreplay.backend.testkit.fault.Fault;
import io.openreplay.backend.testkit.receiver.ReceivedItems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Cloud Logging endpoint on 127.0.0.1: a real gRPC server over a real socket that takes
 * {@code google.logging.v2.LoggingServiceV2/WriteLogEntries} calls and keeps the entries the way Cloud Logging
 * stores them (each entry completed with the request's log name, labels and resource where it has none of its own).
 *
 * <p>Point {@link LoopbackLoggingAppender} or {@link LoopbackLoggingOptions} at {@link #port()}, log, and read the
 * entries back with {@link #entries()} or OpenReplay's own filter, {@link StackdriverLookup}. Thread-safe.
 */
public final class StackdriverReceiver implements AutoCloseable {

  private final Server server;
  private final ReceivedItems<LogEntry> entries = new ReceivedItems<>();
  private final ScheduledExecutorService lateAnswers = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "stackdriver-receiver-late");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger writeCalls = new AtomicInteger();
  private final AtomicInteger callsToFail = new AtomicInteger();
  private volatile Fault fault;

  private StackdriverReceiver(Server server) {
    this.server = server;
  }

  /**
   * Starts a receiver on a free port of 127.0.0.1.
   *
   * @return the running receiver
   * @throws UncheckedIOException when no port can be bound
   */
  public static StackdriverReceiver start() {
    StackdriverReceiver[] holder = new StackdriverReceiver[1];
    ServerServiceDefinition service = ServerServiceDefinition.builder(WriteLogEntriesMethod.SERVICE_NAME)
        .addMethod(WriteLogEntriesMethod.DESCRIPTOR,
            ServerCalls.asyncUnaryCall((request, response) -> holder[0].write(request, response)))
        .build();
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(service)
        .build();
    StackdriverReceiver receiver = new StackdriverReceiver(server);
    holder[0] = receiver;
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Cloud Logging receiver on 127.0.0.1", e);
    }
    return receiver;
  }

  /**
   * @return the port the receiver listens on, on 127.0.0.1
   */
  public int port() {
    return server.getPort();
  }

  /**
   * @return the host and port to give a gRPC client, {@code 127.0.0.1:PORT}
   */
  public String target() {
    return "127.0.0.1:" + port();
  }

  /**
   * @return a copy of every entry received so far, in arrival order
   */
  public List<LogEntry> entries() {
    return entries.items();
  }

  /**
   * Waits until at least {@code count} entries have arrived.
   *
   * @param count the number of entries to wait for
   * @param timeout the longest wait
   * @return a copy of the entries received, which holds fewer than {@code count} entries when the time ran out
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public List<LogEntry> awaitEntries(int count, Duration timeout) throws InterruptedException {
    return entries.await(entry -> true, count, timeout);
  }

  /**
   * Makes every later call fail as Cloud Logging does when it is erroring or slow: {@link Fault#SERVER_ERROR} answers
   * {@code UNAVAILABLE}, {@link Fault#THROTTLED} {@code RESOURCE_EXHAUSTED} (both keep nothing), {@link Fault#SLOW}
   * keeps the entries and answers {@link Fault#SLOW_DELAY} late. {@code null} answers at once again. A receiver that
   * refuses connections or never answers is a {@link io.openreplay.backend.testkit.fault.FaultyEndpoint}.
   *
   * @param fault the fault, or {@code null}
   * @throws IllegalArgumentException for {@link Fault#REFUSED} and {@link Fault#NEVER_ANSWERS}
   */
  public void failWith(Fault fault) {
    failWith(fault, Integer.MAX_VALUE);
  }

  /**
   * As {@link #failWith(Fault)}, for the next {@code calls} calls only: a blip, after which every call is answered
   * at once again.
   *
   * @param fault the fault, or {@code null}
   * @param calls how many calls fail ({@link Integer#MAX_VALUE}: all)
   * @throws IllegalArgumentException for {@link Fault#REFUSED} and {@link Fault#NEVER_ANSWERS}, or a negative count
   */
  public void failWith(Fault fault, int calls) {
    if (fault == Fault.REFUSED || fault == Fault.NEVER_ANSWERS) {
      throw new IllegalArgumentException(fault + " is a FaultyEndpoint's, at the TCP level");
    }
    if (calls < 0) {
      throw new IllegalArgumentException("not a number of calls: " + calls);
    }
    this.callsToFail.set(calls);
    this.fault = fault;
  }

  /**
   * @return how many {@code WriteLogEntries} calls arrived so far, answered or failed: a client's first attempts and
   *     its retries alike
   */
  public int writeCalls() {
    return writeCalls.get();
  }

  /** Forgets the entries received so far. */
  public void clear() {
    entries.clear();
  }

  private void write(WriteLogEntriesRequest request, StreamObserver<WriteLogEntriesResponse> response) {
    writeCalls.incrementAndGet();
    if (request.getEntriesCount() == 0) {
      response.onError(Status.INVALID_ARGUMENT.withDescription("a WriteLogEntries request needs entries")
          .asRuntimeException());
      return;
    }
    Fault failing = fault;
    if (failing != null && callsToFail.getAndUpdate(StackdriverReceiver::oneFailureLess) == 0) {
      failing = null;
    }
    if (failing == Fault.SERVER_ERROR || failing == Fault.THROTTLED) {
      Status status = failing == Fault.SERVER_ERROR ? Status.UNAVAILABLE : Status.RESOURCE_EXHAUSTED;
      response.onError(status.withDescription("loopback fault " + failing).asRuntimeException());
      return;
    }
    List<LogEntry> completed = new ArrayList<>(request.getEntriesCount());
    for (LogEntry entry : request.getEntriesList()) {
      completed.add(complete(entry, request));
    }
    entries.addAll(completed);
    if (failing == Fault.SLOW) {
      lateAnswers.schedule(() -> answer(response), Fault.SLOW_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      answer(response);
    }
  }

  private static int oneFailureLess(int left) {
    return left > 0 && left < Integer.MAX_VALUE ? left - 1 : left;
  }

  private static void answer(StreamObserver<WriteLogEntriesResponse> response) {
    try {
      response.onNext(WriteLogEntriesResponse.getDefaultInstance());
      response.onCompleted();
    } catch (RuntimeException e) {
      // the call was cancelled first (its deadline): nothing to answer
    }
  }

  /** What Cloud Logging does with the request-level defaults: an entry's own values win. */
  private static LogEntry complete(LogEntry entry, WriteLogEntriesRequest request) {
    LogEntry.Builder builder = entry.toBuilder();
    if (entry.getLogName().isEmpty()) {
      builder.setLogName(request.getLogName());
    }
    if (!entry.hasResource() && request.hasResource()) {
      builder.setResource(request.getResource());
    }
    request.getLabelsMap().forEach((key, value) -> {
      if (!entry.containsLabels(key)) {
        builder.putLabels(key, value);
      }
    });
    return builder.build();
  }

  /** Stops the server, waiting a few seconds for calls under way. */
  @Override
  public void close() {
    lateAnswers.shutdownNow();
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
