package io.openreplay.backend.testkit.cloudwatch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * OpenReplay's CloudWatch lookup (G1, OpenReplay up to 1.20), made with the real AWS SDK: {@code FilterLogEvents} on
 * the configured log group with the filter pattern {@code openReplaySessionToken} from a start time on, following
 * {@code nextToken}; then, on each event, OpenReplay's client-side rules: the message must match
 * {@code (?i)exception|error}, and the token is cut out of it with {@code (?i)openReplaySessionToken=([0-9a-zA-Z\.]+)}.
 */
public final class CloudWatchG1Lookup {

  /** The filter pattern OpenReplay sends. */
  public static final String FILTER_PATTERN = "openReplaySessionToken";

  /** What the message must contain somewhere for OpenReplay to keep the event. */
  public static final Pattern ERROR_OR_EXCEPTION = Pattern.compile("(?i)exception|error");

  /** How OpenReplay cuts the token out of the message. */
  public static final Pattern TOKEN = Pattern.compile("(?i)openReplaySessionToken=([0-9a-zA-Z\\.]+)");

  private final CloudWatchLogsClient client;
  private final String logGroupName;

  /**
   * @param client the client, configured with the region, access key and secret entered in OpenReplay's form
   * @param logGroupName the log group entered in OpenReplay's form
   */
  public CloudWatchG1Lookup(CloudWatchLogsClient client, String logGroupName) {
    if (client == null || logGroupName == null || logGroupName.isBlank()) {
      throw new IllegalArgumentException("a client and a log group are needed");
    }
    this.client = client;
    this.logGroupName = logGroupName;
  }

  /**
   * A client for a {@link CloudWatchLogsReceiver}: its endpoint, a fixed region and dummy static keys, so that
   * nothing is looked up outside the process.
   *
   * @param endpoint the receiver's endpoint
   * @return a new client; close it when done
   */
  public static CloudWatchLogsClient clientFor(URI endpoint) {
    return CloudWatchLogsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOOPBACK", "loopback")))
        .build();
  }

  /**
   * Runs the lookup.
   *
   * @param startTimeMillis the earliest event time, in epoch milliseconds (OpenReplay: the last one seen, plus one)
   * @return what OpenReplay links to sessions, in the order the service returned it
   */
  public List<Found> find(long startTimeMillis) {
    List<Found> found = new ArrayList<>();
    FilterLogEventsRequest request = FilterLogEventsRequest.builder()
        .logGroupName(logGroupName)
        .filterPattern(FILTER_PATTERN)
        .startTime(startTimeMillis)
        .build();
    while (true) {
      FilterLogEventsResponse response = client.filterLogEvents(request);
      for (FilteredLogEvent event : response.events()) {
        if (event.message() == null || event.timestamp() == null) {
          continue;
        }
        if (!ERROR_OR_EXCEPTION.matcher(event.message()).find()) {
          continue;
        }
        Matcher token = TOKEN.matcher(event.message());
        if (token.find()) {
          found.add(new Found(token.group(1), event));
        }
      }
      if (response.nextToken() == null) {
        return found;
      }
      request = request.toBuilder().nextToken(response.nextToken()).build();
    }
  }

  /**
   * One event OpenReplay links to a session.
   *
   * @param token the token as OpenReplay's regular expression cuts it out of the message
   * @param event the event as {@code FilterLogEvents} returned it
   */
  public record Found(String token, FilteredLogEvent event) {
  }
}
