package io.openreplay.backend.readme.publish;

import io.openreplay.backend.readme.Readme;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's table "What is published": one row an artifact, with its folder and its
 * {@code Automatic-Module-Name} ({@code -} for a pom).
 */
final class PublishedArtifacts {

  /**
   * One row of the table.
   *
   * @param folder the module's folder, such as {@code core}
   * @param artifactId its artifact
   * @param moduleName its {@code Automatic-Module-Name}, empty for a pom
   */
  record Row(String folder, String artifactId, String moduleName) {

    boolean isJar() {
      return !moduleName.isEmpty();
    }
  }

  private static final Pattern ROW =
      Pattern.compile("^\\| `([\\w-]+)/` \\| `([\\w-]+)` \\| .* \\| (?:`([\\w.]+)`|-) \\|$");

  private PublishedArtifacts() {
  }

  /**
   * @param readme the README
   * @return the rows of its "What is published" table
   */
  static List<Row> of(Readme readme) {
    String installation = readme.sectionText("Installation");
    String table = installation.substring(installation.indexOf("### What is published"));
    List<Row> rows = new ArrayList<>();
    for (String line : table.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        rows.add(new Row(row.group(1), row.group(2), row.group(3) == null ? "" : row.group(3)));
      }
    }
    return rows;
  }
}
