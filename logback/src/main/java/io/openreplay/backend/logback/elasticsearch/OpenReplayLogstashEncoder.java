package io.openreplay.backend.logback.elasticsearch;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.SessionToken;
import java.util.ArrayList;
import java.util.List;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.composite.loggingevent.TagsJsonProvider;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * logstash-logback-encoder's {@link LogstashEncoder} (all its fields and options) writing documents that OpenReplay's
 * Elasticsearch integration finds, G1 and G2, with no duplicate key:
 * <ul>
 *   <li>{@code message} gets the OpenReplay prefix ({@link PrefixedMessageJsonProvider} replaces logstash's message);</li>
 *   <li>{@code tags} holds {@code "error"} for ERROR events, then the marker names ({@link ErrorTagsJsonProvider}
 *       replaces logstash's tags);</li>
 *   <li>{@code utc_time}, {@code openReplaySessionToken} and {@code openReplaySession.id} are added
 *       ({@link UtcTimeJsonProvider}, {@link SessionTokenJsonProvider}, {@link SessionIdJsonProvider});</li>
 *   <li>the MDC output leaves out the two OpenReplay keys, written above from their validated values;</li>
 *   <li>{@code @timestamp} and {@code level} are logstash's own.</li>
 * </ul>
 * The OpenReplay field names are fixed (OpenReplay's queries name them), whatever {@code <fieldNames>} says.
 * The option {@code <generations>G1|G2|BOTH</generations>} narrows the message prefix.
 */
public class OpenReplayLogstashEncoder extends LogstashEncoder {

  private final PrefixedMessageJsonProvider messageProvider = new PrefixedMessageJsonProvider();
  private final UtcTimeJsonProvider utcTimeProvider = new UtcTimeJsonProvider();
  private final ErrorTagsJsonProvider tagsProvider = new ErrorTagsJsonProvider();
  private final SessionTokenJsonProvider tokenProvider = new SessionTokenJsonProvider();
  private final SessionIdJsonProvider sessionIdProvider = new SessionIdJsonProvider();

  /** Creates the encoder; configure it as a {@code LogstashEncoder}. */
  public OpenReplayLogstashEncoder() {
    super();
  }

  /**
   * Narrows the message prefix to one generation.
   *
   * @param generations {@code G1}, {@code G2} or {@code BOTH} (any case); anything else means {@code BOTH}
   */
  public void setGenerations(String generations) {
    messageProvider.setGenerations(generations);
  }

  /**
   * @return the generations the message prefix serves
   */
  public String getGenerations() {
    return messageProvider.getGenerations();
  }

  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    JsonProviders<ILoggingEvent> providers = getFormatter().getProviders();
    for (JsonProvider<ILoggingEvent> provider : new ArrayList<>(providers.getProviders())) {
      if (provider instanceof MessageJsonProvider || provider instanceof TagsJsonProvider) {
        providers.removeProvider(provider);
      } else if (provider instanceof MdcJsonProvider) {
        if (!leaveOutOpenReplayKeys((MdcJsonProvider) provider)) {
          providers.removeProvider(provider);
        }
      }
    }
    List<JsonProvider<ILoggingEvent>> present = providers.getProviders();
    for (JsonProvider<ILoggingEvent> ours : List.of(messageProvider, utcTimeProvider, tagsProvider, tokenProvider,
        sessionIdProvider)) {
      if (!present.contains(ours)) {
        providers.addProvider(ours);
      }
    }
    super.start();
  }

  /**
   * Keeps the OpenReplay keys out of the MDC output.
   *
   * @return {@code false} when the MDC provider would write nothing else and must go
   */
  private static boolean leaveOutOpenReplayKeys(MdcJsonProvider mdc) {
    List<String> openReplayKeys = List.of(SessionToken.TOKEN_KEY, SessionToken.SESSION_ID_KEY);
    if (!mdc.getIncludeMdcKeyNames().isEmpty()) {
      List<String> included = new ArrayList<>(mdc.getIncludeMdcKeyNames());
      included.removeAll(openReplayKeys);
      if (included.isEmpty()) {
        return false;
      }
      mdc.setIncludeMdcKeyNames(included);
      return true;
    }
    for (String key : openReplayKeys) {
      if (!mdc.getExcludeMdcKeyNames().contains(key)) {
        mdc.addExcludeMdcKeyName(key);
      }
    }
    return true;
  }
}
