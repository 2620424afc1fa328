package io.openreplay.backend.readme;

/**
 * One fenced code block of the README, as a user copies it.
 *
 * @param language the word after the opening fence ({@code xml}, {@code bash}, ...), empty when there is none
 * @param text the lines between the fences, each ending with a line break
 * @param line the line number of the opening fence, from 1
 * @param section the title of the level-2 heading the block is under, empty before the first one
 * @param subsection the title of the level-3 heading the block is under within its section, empty when none
 */
public record CodeBlock(String language, String text, int line, String section, String subsection) {

  /**
   * @return where the block is, for messages: its line and headings
   */
  public String where() {
    return "README.md line " + line + " (" + section + (subsection.isEmpty() ? "" : " > " + subsection) + ")";
  }
}
