package io.openreplay.backend.agent.matching;

import java.util.Set;
import net.bytebuddy.description.NamedElement;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Matches a type whose name is in a set that grows while the application runs.
 *
 * @param <T> the matched element
 */
public final class NameIn<T extends NamedElement> extends ElementMatcher.Junction.AbstractBase<T> {

  private final Set<String> names;

  /**
   * @param names the binary names matched, read at every match; a concurrent set
   */
  public NameIn(Set<String> names) {
    this.names = names;
  }

  @Override
  public boolean matches(T target) {
    return target != null && names.contains(target.getActualName());
  }
}
