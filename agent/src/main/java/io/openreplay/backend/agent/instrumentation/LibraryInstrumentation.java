package io.openreplay.backend.agent.instrumentation;

import io.openreplay.backend.agent.matching.CandidateClasses;
import java.lang.instrument.Instrumentation;
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

  /**
   * Called once the agent's transformer is in place, for an instrumentation that adds candidates while the
   * application runs.
   *
   * @param instrumentation the JVM's instrumentation
   * @param candidates the agent's candidate classes
   */
  default void installed(Instrumentation instrumentation, CandidateClasses candidates) {
  }
}
