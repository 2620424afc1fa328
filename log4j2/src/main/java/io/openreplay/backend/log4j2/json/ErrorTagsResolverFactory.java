package io.openreplay.backend.log4j2.json;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolver;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;

/**
 * The {@code JsonTemplateLayout} resolver {@code openReplayTags}: {@code ["error", <marker names>]} for ERROR and
 * FATAL events, the marker names alone for others, nothing (the field left out) when there is no tag. OpenReplay G1's
 * Elasticsearch query requires {@code tags: "error"}.
 *
 * <p>In an event template: {@code "tags": {"$resolver": "openReplayTags"}}.
 */
@Plugin(name = "OpenReplayTagsResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class ErrorTagsResolverFactory implements EventResolverFactory {

  /** The resolver's name in an event template. */
  public static final String NAME = "openReplayTags";

  private static final ErrorTagsResolverFactory INSTANCE = new ErrorTagsResolverFactory();
  private static final ErrorTagsResolver RESOLVER = new ErrorTagsResolver();

  private ErrorTagsResolverFactory() {
  }

  /**
   * @return the factory; called by Log4j's plugin system
   */
  @PluginFactory
  public static ErrorTagsResolverFactory getInstance() {
    return INSTANCE;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public TemplateResolver<LogEvent> create(EventResolverContext context, TemplateResolverConfig config) {
    return RESOLVER;
  }
}
