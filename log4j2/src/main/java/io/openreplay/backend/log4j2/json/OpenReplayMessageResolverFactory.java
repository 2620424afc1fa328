package io.openreplay.backend.log4j2.json;

import io.openreplay.backend.Generations;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolver;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;

/**
 * The {@code JsonTemplateLayout} resolver {@code openReplayMessage}: the formatted message with the OpenReplay prefix
 * in front ({@code [openReplaySessionToken=TOKEN] [openReplaySession.id=ID] payment failed}) when the event carries a
 * token, the plain formatted message otherwise. OpenReplay's Elasticsearch and Datadog lookups search the
 * {@code message} field for that prefix.
 *
 * <p>In an event template: {@code "message": {"$resolver": "openReplayMessage"}}, with the optional
 * {@code "generations": "G1" | "G2" | "BOTH"} (default {@code BOTH}).
 */
@Plugin(name = "OpenReplayMessageResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class OpenReplayMessageResolverFactory implements EventResolverFactory {

  /** The resolver's name in an event template. */
  public static final String NAME = "openReplayMessage";

  private static final OpenReplayMessageResolverFactory INSTANCE = new OpenReplayMessageResolverFactory();

  private OpenReplayMessageResolverFactory() {
  }

  /**
   * @return the factory; called by Log4j's plugin system
   */
  @PluginFactory
  public static OpenReplayMessageResolverFactory getInstance() {
    return INSTANCE;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public TemplateResolver<org.apache.logging.log4j.core.LogEvent> create(EventResolverContext context,
      TemplateResolverConfig config) {
    return new OpenReplayMessageResolver(Generations.parse(config.getString("generations")));
  }
}
