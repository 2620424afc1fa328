package io.openreplay.backend.readme.logback;

import io.openreplay.backend.readme.CodeBlock;
import io.openreplay.backend.readme.Readme;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The README's logback XML: whole {@code logback.xml} files ({@code <configuration>} blocks) and the parts a user
 * puts into one ({@code <encoder>} and {@code <pattern>} blocks).
 */
final class LogbackSnippets {

  private LogbackSnippets() {
  }

  /**
   * @param readme the README
   * @return its {@code <configuration>} blocks, in order
   */
  static List<CodeBlock> configurations(Readme readme) {
    return readme.blocks("xml").stream().filter(block -> startsWith(block, "<configuration"))
        .collect(Collectors.toList());
  }

  /**
   * @param readme the README
   * @return its {@code <encoder>} and {@code <pattern>} blocks, in order
   */
  static List<CodeBlock> fragments(Readme readme) {
    return readme.blocks("xml").stream().filter(block -> startsWith(block, "<encoder") || startsWith(block, "<pattern"))
        .collect(Collectors.toList());
  }

  /**
   * @param readme the README
   * @param section the exact title of a section
   * @return the section's only {@code <configuration>} block
   */
  static CodeBlock configurationOf(Readme readme, String section) {
    List<CodeBlock> found = configurations(readme).stream().filter(block -> block.section().equals(section))
        .collect(Collectors.toList());
    if (found.size() != 1) {
      throw new AssertionError("README section \"" + section + "\" has " + found.size()
          + " logback configurations; one is expected");
    }
    return found.get(0);
  }

  /**
   * @param readme the README
   * @param section the exact title of a section
   * @param start how the fragment starts, such as {@code <encoder class="}
   * @param contains a text only that fragment contains
   * @return the section's only fragment that starts so and contains the text
   */
  static CodeBlock fragmentOf(Readme readme, String section, String start, String contains) {
    List<CodeBlock> found = fragments(readme).stream().filter(block -> block.section().equals(section))
        .filter(block -> startsWith(block, start) && block.text().contains(contains)).collect(Collectors.toList());
    if (found.size() != 1) {
      throw new AssertionError("README section \"" + section + "\" has " + found.size() + " logback fragments "
          + start + "..." + contains + "; one is expected");
    }
    return found.get(0);
  }

  /**
   * A fragment as a user places it: an {@code <encoder>} inside a console appender, a {@code <pattern>} inside the
   * encoder of one; the appender is the root logger's only one, at INFO.
   *
   * @param fragment an {@code <encoder>} or {@code <pattern>} block
   * @return a whole {@code logback.xml}
   */
  static String inConsoleAppender(CodeBlock fragment) {
    String encoder = startsWith(fragment, "<pattern") ? "<encoder>\n" + fragment.text() + "</encoder>\n"
        : fragment.text();
    return "<configuration>\n"
        + "<appender name=\"CONSOLE\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
        + encoder
        + "</appender>\n"
        + "<root level=\"INFO\"><appender-ref ref=\"CONSOLE\"/></root>\n"
        + "</configuration>\n";
  }

  private static boolean startsWith(CodeBlock block, String start) {
    return block.text().stripLeading().startsWith(start);
  }
}
