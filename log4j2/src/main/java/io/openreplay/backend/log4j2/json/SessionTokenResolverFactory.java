package io.openreplay.backend.log4j2.json;

import io.openreplay.backend.SessionToken;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;

/**
 * The {@code JsonTemplateLayout} resolver {@code openReplaySessionToken}: the validated session token (OpenReplay G1), from the event's
 * context data and validated again; the field is left out when the event carries none.
 *
 * <p>In an event template: {@code "openReplaySessionToken": {"$resolver": "openReplaySessionToken"}}. Leave the key out of the
 * {@code mdc} resolver's output (its {@code pattern}), or it is written twice.
 */
@Plugin(name = "OpenReplaySessionTokenResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class SessionTokenResolverFactory extends SessionKeyResolverFactory {

  /** The resolver's name in an event template. */
  public static final String NAME = "openReplaySessionToken";

  private static final SessionTokenResolverFactory INSTANCE = new SessionTokenResolverFactory();

  private SessionTokenResolverFactory() {
    super(NAME, SessionToken::token);
  }

  /**
   * @return the factory; called by Log4j's plugin system
   */
  @PluginFactory
  public static SessionTokenResolverFactory getInstance() {
    return INSTANCE;
  }
}
