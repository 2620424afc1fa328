package io.openreplay.backend.readme.maven;

/**
 * One {@code <dependency>} element of a README block.
 *
 * @param groupId its group
 * @param artifactId its artifact
 * @param version its version, empty when the block leaves it to a BOM
 * @param type its type, {@code jar} unless given
 * @param scope its scope, empty unless given
 */
public record Coordinates(String groupId, String artifactId, String version, String type, String scope) {

  /**
   * @return {@code groupId:artifactId}
   */
  public String key() {
    return groupId + ":" + artifactId;
  }

  /**
   * @return whether the element imports a BOM ({@code <type>pom</type>}, {@code <scope>import</scope>})
   */
  public boolean isImport() {
    return "pom".equals(type) && "import".equals(scope);
  }

  @Override
  public String toString() {
    return key() + (version.isEmpty() ? "" : ":" + version);
  }
}
