package io.openreplay.backend.testkit.cloudwatch;

import com.sun.net.httpserver.HttpExchange;
import io.openreplay.backend.testkit.receiver.HttpBodies;
import io.openreplay.backend.testkit.receiver.LoopbackHttpServer;
import io.openreplay.backend.testkit.receiver.ReceivedItems;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CloudWatch Logs on 127.0.0.1: the AWS JSON 1.1 protocol ({@code POST /}, {@code X-Amz-Target: Logs_20140328.*},
 * {@code application/x-amz-json-1.1}) for what a logback appender and OpenReplay call: {@code CreateLogGroup},
 * {@code PutRetentionPolicy}, {@code CreateLogStream}, {@code DescribeLogGroups}, {@code DescribeLogStreams},
 * {@code PutLogEvents} and {@code FilterLogEvents} (term filter patterns, see {@link CloudWatchFilterPattern}).
 * Errors are answered as AWS answers them (status 400 and {@code {"__type": ..., "message": ...}}), so the AWS SDK
 * raises its own exceptions, and are recorded in {@link #problems()}. Requests must be signed (any key will do).
 *
 * <pre>{@code
 * try (CloudWatchLogsReceiver receiver = CloudWatchLogsReceiver.start()) {
 *   // appender: <cloudWatchEndpoint>receiver.endpoint()</cloudWatchEndpoint>, any access key and secret
 *   ...
 *   List<CloudWatchLogEvent> events = receiver.events("my-group");
 * }
 * }</pre>
 */
public final class CloudWatchLogsReceiver implements AutoCloseable {

  private static final String TARGET_PREFIX = "Logs_20140328.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
  private static final int MAX_FILTER_LIMIT = 10_000;

  private final JsonMapper mapper = JsonMapper.builder().build();
  /** Guards the groups, their streams and the event ids; events are added to {@link #received} while held. */
  private final Object lock = new Object();
  /** Log group name -> its stream names, both in creation order. */
  private final Map<String, Set<String>> groups = new LinkedHashMap<>();
  private final Map<String, Long> groupCreationTimes = new LinkedHashMap<>();
  /** Every stored event of every group, in arrival order, which is also event id order. */
  private final ReceivedItems<CloudWatchLogEvent> received = new ReceivedItems<>();
  private long nextEventId;
  private final LoopbackHttpServer server;

  private CloudWatchLogsReceiver() throws IOException {
    server = LoopbackHttpServer.start("cloudwatch-logs-receiver", 2, this::handle);
  }

  /**
   * Starts a receiver on a free port of 127.0.0.1.
   *
   * @return the running receiver
   * @throws IOException when no port can be bound
   */
  public static CloudWatchLogsReceiver start() throws IOException {
    return new CloudWatchLogsReceiver();
  }

  /**
   * @return the endpoint to give an appender or an AWS SDK client, {@code http://127.0.0.1:PORT}
   */
  public URI endpoint() {
    return URI.create(server.baseUrl());
  }

  /**
   * @param logGroupName a log group
   * @return a copy of the group's events, all streams, in arrival order; empty for an unknown group
   */
  public List<CloudWatchLogEvent> events(String logGroupName) {
    return received.items(event -> event.logGroupName().equals(logGroupName));
  }

  /**
   * Waits until a group holds at least {@code count} events.
   *
   * @param logGroupName the log group
   * @param count the number of events to wait for
   * @param timeout the longest wait
   * @return the group's events, fewer than {@code count} when the time ran out
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public List<CloudWatchLogEvent> awaitEvents(String logGroupName, int count, Duration timeout)
      throws InterruptedException {
    return received.await(event -> event.logGroupName().equals(logGroupName), count, timeout);
  }

  /**
   * @return the log groups created so far
   */
  public Set<String> logGroupNames() {
    synchronized (lock) {
      return Set.copyOf(groups.keySet());
    }
  }

  /**
   * @return every request refused so far, as {@code ErrorType: message}
   */
  public List<String> problems() {
    return received.problems();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
        fail(exchange, 400, "UnknownOperationException", "expected POST with X-Amz-Target " + TARGET_PREFIX + "*");
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
        fail(exchange, 400, "MissingAuthenticationTokenException", "the request is not signed with AWS SigV4");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        fail(exchange, 413, "RequestEntityTooLargeException", "request body over " + MAX_BODY_BYTES + " bytes");
        return;
      }
      JsonNode request;
      try {
        request = mapper.readTree(body);
      } catch (JacksonException e) {
        fail(exchange, 400, "SerializationException", "the body is not JSON: " + e.getOriginalMessage());
        return;
      }
      if (request == null || !request.isObject()) {
        fail(exchange, 400, "SerializationException", "the body is not a JSON object");
        return;
      }
      try {
        ObjectNode response = dispatch(target.substring(TARGET_PREFIX.length()), request);
        respond(exchange, 200, response);
      } catch (AwsError e) {
        fail(exchange, 400, e.type, e.getMessage());
      }
    }
  }

  private ObjectNode dispatch(String operation, JsonNode request) throws AwsError {
    switch (operation) {
      case "CreateLogGroup":
        return createLogGroup(request);
      case "PutRetentionPolicy":
        requireGroup(text(request, "logGroupName"));
        return mapper.createObjectNode();
      case "CreateLogStream":
        return createLogStream(request);
      case "DescribeLogGroups":
        return describeLogGroups(request);
      case "DescribeLogStreams":
        return describeLogStreams(request);
      case "PutLogEvents":
        return putLogEvents(request);
      case "FilterLogEvents":
        return filterLogEvents(request);
      default:
        throw new AwsError("UnknownOperationException", "operation not served here: " + operation);
    }
  }

  private ObjectNode createLogGroup(JsonNode request) throws AwsError {
    String group = text(request, "logGroupName");
    synchronized (lock) {
      if (groups.containsKey(group)) {
        throw new AwsError("ResourceAlreadyExistsException", "The specified log group already exists");
      }
      groups.put(group, new LinkedHashSet<>());
      groupCreationTimes.put(group, System.currentTimeMillis());
    }
    return mapper.createObjectNode();
  }

  private ObjectNode createLogStream(JsonNode request) throws AwsError {
    String group = text(request, "logGroupName");
    String stream = text(request, "logStreamName");
    synchronized (lock) {
      if (!requireGroup(group).add(stream)) {
        throw new AwsError("ResourceAlreadyExistsException", "The specified log stream already exists");
      }
    }
    return mapper.createObjectNode();
  }

  private ObjectNode describeLogGroups(JsonNode request) {
    String prefix = request.path("logGroupNamePrefix").stringValue("");
    ObjectNode response = mapper.createObjectNode();
    ArrayNode list = response.putArray("logGroups");
    synchronized (lock) {
      groupCreationTimes.forEach((name, created) -> {
        if (name.startsWith(prefix)) {
          list.addObject().put("logGroupName", name).put("creationTime", created)
              .put("arn", "arn:aws:logs:loopback:000000000000:log-group:" + name + ":*");
        }
      });
    }
    return response;
  }

  private ObjectNode describeLogStreams(JsonNode request) throws AwsError {
    String group = text(request, "logGroupName");
    String prefix = request.path("logStreamNamePrefix").stringValue("");
    ObjectNode response = mapper.createObjectNode();
    ArrayNode list = response.putArray("logStreams");
    List<String> streams;
    synchronized (lock) {
      streams = List.copyOf(requireGroup(group));
    }
    List<CloudWatchLogEvent> groupEvents = events(group);
    for (String name : streams) {
      if (name.startsWith(prefix)) {
        ObjectNode stream = list.addObject().put("logStreamName", name);
        List<CloudWatchLogEvent> events = groupEvents.stream()
            .filter(event -> event.logStreamName().equals(name)).toList();
        if (!events.isEmpty()) {
          stream.put("firstEventTimestamp", events.get(0).timestamp())
              .put("lastEventTimestamp", events.get(events.size() - 1).timestamp());
        }
      }
    }
    return response;
  }

  private ObjectNode putLogEvents(JsonNode request) throws AwsError {
    String group = text(request, "logGroupName");
    String stream = text(request, "logStreamName");
    JsonNode logEvents = request.path("logEvents");
    if (!logEvents.isArray() || logEvents.isEmpty() || logEvents.size() > 10_000) {
      throw new AwsError("InvalidParameterException", "logEvents must hold 1 to 10000 events");
    }
    long now = System.currentTimeMillis();
    synchronized (lock) {
      if (!requireGroup(group).contains(stream)) {
        throw new AwsError("ResourceNotFoundException", "The specified log stream does not exist.");
      }
      List<CloudWatchLogEvent> batch = new ArrayList<>(logEvents.size());
      long previous = Long.MIN_VALUE;
      for (JsonNode event : logEvents) {
        JsonNode timestamp = event.path("timestamp");
        String message = event.path("message").stringValue(null);
        if (!timestamp.canConvertToLong() || message == null || message.isEmpty()) {
          throw new AwsError("InvalidParameterException", "each log event needs a timestamp and a message");
        }
        if (timestamp.longValue() < previous) {
          throw new AwsError("InvalidParameterException",
              "Log events in a single PutLogEvents request must be in chronological order.");
        }
        previous = timestamp.longValue();
        batch.add(new CloudWatchLogEvent(group, stream, previous, message, now,
            String.format("%020d", nextEventId++)));
      }
      received.addAll(batch);
    }
    return mapper.createObjectNode().put("nextSequenceToken", String.format("%056d", nextEventId));
  }

  private ObjectNode filterLogEvents(JsonNode request) throws AwsError {
    String group = text(request, "logGroupName");
    CloudWatchFilterPattern pattern;
    try {
      pattern = CloudWatchFilterPattern.parse(request.path("filterPattern").stringValue(""));
    } catch (IllegalArgumentException e) {
      throw new AwsError("InvalidParameterException", e.getMessage());
    }
    long startTime = request.path("startTime").asLong(Long.MIN_VALUE);
    long endTime = request.path("endTime").asLong(Long.MAX_VALUE);
    int limit = request.path("limit").asInt(MAX_FILTER_LIMIT);
    if (limit < 1 || limit > MAX_FILTER_LIMIT) {
      throw new AwsError("InvalidParameterException", "limit must be 1 to " + MAX_FILTER_LIMIT);
    }
    int offset = offsetOf(request.path("nextToken").stringValue(null));
    List<String> streamNames = new ArrayList<>();
    request.path("logStreamNames").forEach(name -> streamNames.add(name.stringValue("")));
    String streamPrefix = request.path("logStreamNamePrefix").stringValue("");

    List<String> searched = new ArrayList<>();
    synchronized (lock) {
      for (String stream : requireGroup(group)) {
        if ((streamNames.isEmpty() || streamNames.contains(stream)) && stream.startsWith(streamPrefix)) {
          searched.add(stream);
        }
      }
    }
    List<CloudWatchLogEvent> matching = new ArrayList<>(received.items(event -> event.logGroupName().equals(group)
        && searched.contains(event.logStreamName())
        && event.timestamp() >= startTime && event.timestamp() <= endTime && pattern.matches(event.message())));
    matching.sort((a, b) -> a.timestamp() != b.timestamp() ? Long.compare(a.timestamp(), b.timestamp())
        : a.eventId().compareTo(b.eventId()));

    ObjectNode response = mapper.createObjectNode();
    ArrayNode events = response.putArray("events");
    int end = Math.min(matching.size(), offset + limit);
    for (CloudWatchLogEvent event : matching.subList(Math.min(offset, end), end)) {
      events.addObject()
          .put("logStreamName", event.logStreamName())
          .put("timestamp", event.timestamp())
          .put("message", event.message())
          .put("ingestionTime", event.ingestionTime())
          .put("eventId", event.eventId());
    }
    ArrayNode searchedStreams = response.putArray("searchedLogStreams");
    searched.forEach(name -> searchedStreams.addObject().put("logStreamName", name).put("searchedCompletely", true));
    if (end < matching.size()) {
      response.put("nextToken", "offset-" + end);
    }
    return response;
  }

  private static int offsetOf(String nextToken) throws AwsError {
    if (nextToken == null) {
      return 0;
    }
    if (nextToken.startsWith("offset-")) {
      try {
        int offset = Integer.parseInt(nextToken.substring("offset-".length()));
        if (offset >= 0) {
          return offset;
        }
      } catch (NumberFormatException e) {
        // answered below
      }
    }
    throw new AwsError("InvalidParameterException", "The specified nextToken is invalid.");
  }

  /** Caller holds {@link #lock} or needs only the check. */
  private Set<String> requireGroup(String group) throws AwsError {
    synchronized (lock) {
      Set<String> streams = groups.get(group);
      if (streams == null) {
        throw new AwsError("ResourceNotFoundException", "The specified log group does not exist.");
      }
      return streams;
    }
  }

  private static String text(JsonNode request, String field) throws AwsError {
    String value = request.path(field).stringValue(null);
    if (value == null || value.isEmpty() || value.length() > 512) {
      throw new AwsError("InvalidParameterException", field + " is required (1 to 512 characters)");
    }
    return value;
  }

  private void fail(HttpExchange exchange, int status, String type, String message) throws IOException {
    received.addProblem(type + ": " + message);
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
    respond(exchange, status, mapper.createObjectNode().put("__type", type).put("message", message));
  }

  private void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    HttpBodies.respond(exchange, status, CONTENT_TYPE, mapper.writeValueAsString(body));
  }

  /** Stops the server at once and its threads. */
  @Override
  public void close() {
    server.close();
  }

  /** An error answered as AWS answers it. */
  private static final class AwsError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String type;

    AwsError(String type, String message) {
      super(message, null, false, false);
      this.type = type;
    }
  }
}
