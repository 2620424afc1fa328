package io.openreplay.backend.agent.matching;

import io.openreplay.backend.agent.instrumentation.Instrumentations;
import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the {@link CandidateList} of {@link Instrumentations#all()}: run by the build (its {@code process-classes}
 * phase) into the agent's classes, never by the agent.
 */
public final class CandidateListWriter {

  private CandidateListWriter() {
  }

  /**
   * @param arguments the classes folder the list is written into
   * @throws IOException when the list cannot be written
   */
  public static void main(String[] arguments) throws IOException {
    Path list = Path.of(arguments[0]).resolve(CandidateList.RESOURCE);
    Files.createDirectories(list.getParent());
    Files.writeString(list, text(Instrumentations.all()), StandardCharsets.UTF_8);
  }

  /**
   * @param libraries the instrumentations
   * @return the list's text
   */
  static String text(List<LibraryInstrumentation> libraries) {
    StringBuilder text = new StringBuilder();
    for (LibraryInstrumentation library : libraries) {
      line(text, library.name(), CandidateList.LIBRARY);
      for (TypeInstrumentation type : library.types()) {
        for (String name : type.typeNames()) {
          line(text, library.name(), CandidateList.NAMED, name);
        }
        if (type.mentions() != null) {
          line(text, library.name(), CandidateList.MENTIONS, type.supertype(), type.mentions());
        }
      }
    }
    return text.toString();
  }

  private static void line(StringBuilder text, String... fields) {
    for (String field : fields) {
      if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a candidate holds a tab or a line break: " + field);
      }
    }
    text.append(String.join("\t", fields)).append('\n');
  }
}
