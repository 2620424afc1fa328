package io.openreplay.backend.log4j2.json;

import io.openreplay.backend.SessionToken;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;

/**
 * The {@code JsonTemplateLayout} resolver {@code openReplaySessionId}: the numeric session id as a string
 * (OpenReplay G2; Dynatrace reads it as an attribute), from the event's context data and validated again; the field
 * is left out when the event carries none.
 *
 * <p>In an event template: {@code "openReplaySession.id": {"$resolver": "openReplaySessionId"}}. Leave the key out
 * of the {@code mdc} resolver's output (its {@code pattern}), or it is written twice.
 */
@Plugin(name = "OpenReplaySessionIdResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class SessionIdResolverFactory extends SessionKeyResolverFactory {

  /** The resolver's name in an event template. */
  public static final String NAME = "openReplaySessionId";

  private static final SessionIdResolverFactory INSTANCE = new SessionIdResolverFactory();

  private SessionIdResolverFactory() {
    super(NAME, SessionToken::sessionId);
  }

  /**
   * @return the factory; called by Log4j's plugin system
   */
  @PluginFactory
  public static SessionIdResolverFactory getInstance() {
    return INSTANCE;
  }
}
