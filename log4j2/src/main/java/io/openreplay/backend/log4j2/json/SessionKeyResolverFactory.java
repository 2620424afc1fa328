package io.openreplay.backend.log4j2.json;

import io.openreplay.backend.SessionToken;
import java.util.function.Function;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolver;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;

/** What the factories of the two key resolvers share: a name, and the value of the token they write. */
abstract class SessionKeyResolverFactory implements EventResolverFactory {

  private final String name;
  private final SessionKeyResolver resolver;

  SessionKeyResolverFactory(String name, Function<SessionToken, String> value) {
    this.name = name;
    this.resolver = new SessionKeyResolver(value);
  }

  @Override
  public final String getName() {
    return name;
  }

  @Override
  public final TemplateResolver<LogEvent> create(EventResolverContext context, TemplateResolverConfig config) {
    return resolver;
  }
}
