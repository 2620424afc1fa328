package io.openreplay.backend.testkit.stackdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.logging.v2.WriteLogEntriesRequest;
import com.google.protobuf.Timestamp;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.openreplay.backend.testkit.fault.Fault;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver over a real gRPC channel, and OpenReplay's filter on what it stores. */
class StackdriverReceiverTest {

  private StackdriverReceiver receiver;
  private ManagedChannel channel;

  @BeforeEach
  void start() {
    receiver = StackdriverReceiver.start();
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", receiver.port(), InsecureChannelCredentials.create())
        .build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    receiver.close();
  }

  private void write(WriteLogEntriesRequest request) {
    ClientCalls.blockingUnaryCall(channel, WriteLogEntriesMethod.DESCRIPTOR, CallOptions.DEFAULT, request);
  }

  private static LogEntry entry(String id, LogSeverity severity, long epochSecond) {
    return LogEntry.newBuilder().setInsertId(id).setSeverity(severity)
        .setTimestamp(Timestamp.newBuilder().setSeconds(epochSecond)).build();
  }

  @Test
  void storesEntriesCompletedWithTheRequestDefaultsAndRefusesEmptyRequests() {
    write(WriteLogEntriesRequest.newBuilder()
        .setLogName("projects/p/logs/app")
        .putLabels("openReplaySessionToken", "from-request")
        .addEntries(entry("a", LogSeverity.ERROR, 100))
        .addEntries(entry("b", LogSeverity.ERROR, 100).toBuilder().setLogName("projects/p/logs/other")
            .putLabels("openReplaySessionToken", "own"))
        .build());
    List<LogEntry> entries = receiver.entries();
    assertEquals(List.of("projects/p/logs/app", "projects/p/logs/other"),
        entries.stream().map(LogEntry::getLogName).collect(Collectors.toList()));
    assertEquals(List.of("from-request", "own"),
        entries.stream().map(e -> e.getLabelsOrThrow("openReplaySessionToken")).collect(Collectors.toList()));

    StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
        () -> write(WriteLogEntriesRequest.getDefaultInstance()));
    assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
  }

  @Test
  void openReplaysFilterNeedsTheLogNameTheLabelErrorSeverityAndTheTime() {
    String token = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
    write(WriteLogEntriesRequest.newBuilder().setLogName("projects/p/logs/app")
        .addEntries(entry("found", LogSeverity.ERROR, 200).toBuilder().putLabels("openReplaySessionToken", token))
        .addEntries(entry("critical", LogSeverity.CRITICAL, 200).toBuilder().putLabels("openReplaySessionToken", token))
        .addEntries(entry("warning", LogSeverity.WARNING, 200).toBuilder().putLabels("openReplaySessionToken", token))
        .addEntries(entry("no-label", LogSeverity.ERROR, 200))
        .addEntries(entry("too-old", LogSeverity.ERROR, 50).toBuilder().putLabels("openReplaySessionToken", token))
        .addEntries(entry("other-log", LogSeverity.ERROR, 200).toBuilder().setLogName("projects/p/logs/other")
            .putLabels("openReplaySessionToken", token))
        .build());

    List<StackdriverLookup.Found> found = new StackdriverLookup("p", "app")
        .find(receiver.entries(), Instant.ofEpochSecond(100));
    assertEquals(List.of("found", "critical"),
        found.stream().map(f -> f.entry().getInsertId()).collect(Collectors.toList()));
    found.forEach(f -> assertEquals(token, f.token()));
  }

  @Test
  void aBlipFailsTheNextCallsOnlyAndEveryCallIsCounted() {
    WriteLogEntriesRequest request = WriteLogEntriesRequest.newBuilder().setLogName("projects/p/logs/app")
        .addEntries(entry("a", LogSeverity.ERROR, 100)).build();
    receiver.failWith(Fault.SERVER_ERROR, 2);
    for (int call = 0; call < 2; call++) {
      StatusRuntimeException failed = assertThrows(StatusRuntimeException.class, () -> write(request));
      assertEquals(Status.Code.UNAVAILABLE, failed.getStatus().getCode());
    }
    write(request);
    assertEquals(1, receiver.entries().size(), "the third call is answered and kept");
    assertEquals(3, receiver.writeCalls());

    receiver.failWith(Fault.THROTTLED);
    for (int call = 0; call < 3; call++) {
      StatusRuntimeException failed = assertThrows(StatusRuntimeException.class, () -> write(request));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, failed.getStatus().getCode());
    }
    assertEquals(6, receiver.writeCalls());
    assertEquals(1, receiver.entries().size());
  }
}
