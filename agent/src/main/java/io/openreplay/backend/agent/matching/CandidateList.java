package io.openreplay.backend.agent.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What every instrumentation of the agent jar makes a candidate, read from a list the build writes into the jar
 * ({@link CandidateListWriter}), so that the agent's {@code premain} knows its candidates without building any
 * instrumentation, and so without loading Byte Buddy on the application's main thread.
 *
 * <p>One line per entry, fields separated by a tab: {@code LIBRARY\tlibrary} for each library (in the order of
 * {@code Instrumentations.all()}), {@code LIBRARY\tnamed\tBINARY_NAME} for a type matched by name, and
 * {@code LIBRARY\tmentions\tSUPERTYPE\tTEXT} for the subtypes of a type whose class file holds a text.
 */
public final class CandidateList {

  /** Where the list sits in the agent jar. */
  public static final String RESOURCE = "io/openreplay/backend/agent/matching/candidates.tsv";

  static final String LIBRARY = "library";
  static final String NAMED = "named";
  static final String MENTIONS = "mentions";

  private final Map<String, List<String[]>> entries;

  private CandidateList(Map<String, List<String[]>> entries) {
    this.entries = entries;
  }

  /**
   * @return the list in the agent jar
   * @throws IOException when the jar has no list, or it cannot be read
   */
  public static CandidateList inAgentJar() throws IOException {
    try (InputStream in = CandidateList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the agent jar lacks " + RESOURCE);
      }
      return read(in);
    }
  }

  static CandidateList read(InputStream in) throws IOException {
    Map<String, List<String[]>> entries = new LinkedHashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      boolean wellFormed = switch (fields.length > 1 ? fields[1] : "") {
        case LIBRARY -> fields.length == 2;
        case NAMED -> fields.length == 3;
        case MENTIONS -> fields.length == 4;
        default -> false;
      };
      if (!wellFormed) {
        throw new IOException("not a line of " + RESOURCE + ": " + line);
      }
      List<String[]> library = entries.computeIfAbsent(fields[0], name -> new ArrayList<>());
      if (!fields[1].equals(LIBRARY)) {
        library.add(fields);
      }
    }
    return new CandidateList(entries);
  }

  /**
   * @return the libraries' names, in the order of the list
   */
  public List<String> libraries() {
    return List.copyOf(entries.keySet());
  }

  /**
   * Makes the candidates of the enabled libraries candidates.
   *
   * @param enabled whether a library, by name, is enabled
   * @param candidates where the candidates are added
   * @return the names of the enabled libraries
   */
  public List<String> addEnabled(Predicate<String> enabled, CandidateClasses candidates) {
    List<String> names = new ArrayList<>();
    entries.forEach((library, types) -> {
      if (enabled.test(library)) {
        names.add(library);
        for (String[] type : types) {
          if (type[1].equals(NAMED)) {
            candidates.add(type[2]);
          } else {
            candidates.addMentions(type[2], type[3]);
          }
        }
      }
    });
    return names;
  }
}
