package io.openreplay.backend.agent.instrumentation;

import java.util.List;

/**
 * Everything the agent weaves into one library, switched on and off as a whole with
 * {@code openreplay.instrumentation.NAME.enabled}.
 */
public interface LibraryInstrumentation {

  /**
   * @return the name used in the settings and debug lines, for instance {@code logback}
   */
  String name();

  /**
   * @return the types this library's instrumentation matches, with their advice
   */
  List<TypeInstrumentation> types();
}
