package io.openreplay.backend.rollbar;

import com.rollbar.api.payload.data.Data;
import com.rollbar.api.payload.data.body.Body;
import com.rollbar.api.payload.data.body.BodyContent;
import com.rollbar.api.payload.data.body.Message;
import com.rollbar.api.payload.data.body.Trace;
import com.rollbar.api.payload.data.body.TraceChain;
import com.rollbar.notifier.transformer.Transformer;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.internal.RateLimitedLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Puts the OpenReplay token on a Rollbar item:
 * <ul>
 *   <li>every item: {@code data.custom.openReplaySessionToken} and {@code data.custom["openReplaySession.id"]};</li>
 *   <li>message items: also {@code data.body.message.openReplaySessionToken} (and
 *       {@code data.body.message["openReplaySession.id"]}), what OpenReplay G1's RQL job selects;</li>
 *   <li>exception items, only when exceptions are sent as messages: the item becomes a message item whose text is
 *       the logged message and the stack trace, with the same two keys, so that the RQL job finds it too.</li>
 * </ul>
 * The token comes from the MDC that {@code rollbar-logback} nests under {@code data.custom["rollbar-logback"].mdc},
 * or the context data that {@code rollbar-log4j2} nests under {@code data.custom["rollbar-log4j2"].mdc}, or else from
 * the token current on the reporting thread ({@code OpenReplayContext.current()}). An item without a
 * token is returned unchanged. rollbar-java runs transformers on the thread that reports the item.
 */
public final class OpenReplayTransformer implements Transformer {

  private static final RateLimitedLog LOG =
      new RateLimitedLog(LoggerFactory.getLogger(OpenReplayTransformer.class), 60, TimeUnit.SECONDS);

  private final boolean exceptionsAsMessages;

  /** Keeps exception items as they are (the token goes to {@code data.custom} only). */
  public OpenReplayTransformer() {
    this(false);
  }

  /**
   * @param exceptionsAsMessages whether an exception item with a token is sent as a message item (the stack trace
   *     as text), so that OpenReplay G1's RQL job finds it; Rollbar then shows it as a message, without its
   *     structured frames
   */
  public OpenReplayTransformer(boolean exceptionsAsMessages) {
    this.exceptionsAsMessages = exceptionsAsMessages;
  }

  /**
   * @return whether exception items are sent as message items
   */
  public boolean exceptionsAsMessages() {
    return exceptionsAsMessages;
  }

  @Override
  public Data transform(Data data) {
    if (data == null) {
      return null;
    }
    try {
      SessionToken token = ItemTokens.of(data.getCustom());
      if (token == null) {
        return data;
      }
      Map<String, Object> custom = data.getCustom() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(data.getCustom());
      putKeys(custom, token);
      return new Data.Builder(data).custom(custom).body(withToken(data.getBody(), token)).build();
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("OpenReplay: a Rollbar item was sent without the token: {}", e.toString());
      return data;
    }
  }

  private Body withToken(Body body, SessionToken token) {
    if (body == null) {
      return null;
    }
    BodyContent contents = body.getContents();
    String text;
    Map<String, Object> metadata;
    if (contents instanceof Message) {
      Message message = (Message) contents;
      text = message.getBody();
      metadata = message.getMetadata() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(message.getMetadata());
    } else if (exceptionsAsMessages && contents instanceof Trace) {
      text = ExceptionText.of((Trace) contents);
      metadata = new LinkedHashMap<>();
    } else if (exceptionsAsMessages && contents instanceof TraceChain) {
      text = ExceptionText.of((TraceChain) contents);
      metadata = new LinkedHashMap<>();
    } else {
      return body;
    }
    putKeys(metadata, token);
    Message message = new Message.Builder().body(text).metadata(metadata).build();
    return new Body.Builder(body).bodyContent(message).build();
  }

  private static void putKeys(Map<String, Object> target, SessionToken token) {
    if (token.token() != null) {
      target.put(SessionToken.TOKEN_KEY, token.token());
    }
    if (token.sessionId() != null) {
      target.put(SessionToken.SESSION_ID_KEY, token.sessionId());
    }
  }
}
