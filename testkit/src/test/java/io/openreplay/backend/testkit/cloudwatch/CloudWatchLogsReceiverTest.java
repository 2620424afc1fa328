package io.openreplay.backend.testkit.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** The receiver as the real AWS SDK sees it. */
class CloudWatchLogsReceiverTest {

  private static final String GROUP = "g";
  private static final String STREAM = "s";
  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";

  private CloudWatchLogsReceiver receiver;
  private CloudWatchLogsClient client;

  @BeforeEach
  void start() throws IOException {
    receiver = CloudWatchLogsReceiver.start();
    client = CloudWatchG1Lookup.clientFor(receiver.endpoint());
  }

  @AfterEach
  void stop() {
    client.close();
    receiver.close();
  }

  private void put(long timestamp, String... messages) {
    List<InputLogEvent> events = Arrays.stream(messages)
        .map(m -> InputLogEvent.builder().timestamp(timestamp).message(m).build()).collect(Collectors.toList());
    client.putLogEvents(b -> b.logGroupName(GROUP).logStreamName(STREAM).logEvents(events));
  }

  @Test
  void answersErrorsAsAwsDoesSoTheSdkRaisesItsOwnExceptions() {
    assertThrows(ResourceNotFoundException.class, () -> client.filterLogEvents(b -> b.logGroupName(GROUP)));
    client.createLogGroup(b -> b.logGroupName(GROUP));
    assertThrows(ResourceAlreadyExistsException.class, () -> client.createLogGroup(b -> b.logGroupName(GROUP)));
    assertThrows(ResourceNotFoundException.class, () -> put(1L, "no stream yet"));
    client.createLogStream(b -> b.logGroupName(GROUP).logStreamName(STREAM));
    assertThrows(InvalidParameterException.class, () -> client.putLogEvents(b -> b.logGroupName(GROUP)
        .logStreamName(STREAM).logEvents(InputLogEvent.builder().timestamp(2L).message("later").build(),
            InputLogEvent.builder().timestamp(1L).message("earlier").build())));
    assertThrows(InvalidParameterException.class,
        () -> client.filterLogEvents(b -> b.logGroupName(GROUP).filterPattern("{ $.a = 1 }")));
    assertEquals(5, receiver.problems().size(), () -> "problems: " + receiver.problems());
    assertEquals(List.of(), receiver.events(GROUP));
  }

  @Test
  void refusesUnsignedRequests() throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(receiver.endpoint())
        .header("X-Amz-Target", "Logs_20140328.CreateLogGroup")
        .header("Content-Type", "application/x-amz-json-1.1")
        .POST(HttpRequest.BodyPublishers.ofString("{\"logGroupName\":\"g\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("MissingAuthenticationTokenException"), response.body());
    assertEquals(List.of(), List.copyOf(receiver.logGroupNames()));
  }

  @Test
  void filtersByTermAndTimeAndPagesWithNextToken() {
    client.createLogGroup(b -> b.logGroupName(GROUP));
    client.createLogStream(b -> b.logGroupName(GROUP).logStreamName(STREAM));
    put(1_000L, "ERROR [openReplaySessionToken=" + TOKEN + "] early");
    put(2_000L, "ERROR [openReplaySessionToken=" + TOKEN + "] one", "INFO no token here",
        "WARN [openReplaySessionToken=" + TOKEN + "] two");

    FilterLogEventsResponse first = client.filterLogEvents(b -> b.logGroupName(GROUP)
        .filterPattern("openReplaySessionToken").startTime(2_000L).limit(1));
    assertEquals(List.of("ERROR [openReplaySessionToken=" + TOKEN + "] one"),
        first.events().stream().map(e -> e.message()).collect(Collectors.toList()));
    assertNotNull(first.nextToken());
    FilterLogEventsResponse second = client.filterLogEvents(b -> b.logGroupName(GROUP)
        .filterPattern("openReplaySessionToken").startTime(2_000L).limit(1).nextToken(first.nextToken()));
    assertEquals(List.of("WARN [openReplaySessionToken=" + TOKEN + "] two"),
        second.events().stream().map(e -> e.message()).collect(Collectors.toList()));
    assertNull(second.nextToken());

    List<CloudWatchG1Lookup.Found> found = new CloudWatchG1Lookup(client, GROUP).find(0L);
    assertEquals(List.of("ERROR [openReplaySessionToken=" + TOKEN + "] early",
        "ERROR [openReplaySessionToken=" + TOKEN + "] one"),
        found.stream().map(f -> f.event().message()).collect(Collectors.toList()),
        "the WARN line says neither error nor exception, so OpenReplay drops it");
    found.forEach(f -> assertEquals(TOKEN, f.token()));
  }
}
