package io.openreplay.backend.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The project's README.md as a user reads it: its headings and its fenced code blocks, in order. */
public final class Readme {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6}) (.+?)\\s*$");
  private static final String FENCE = "```";

  private final String text;
  private final List<Heading> headings;
  private final List<CodeBlock> blocks;

  private Readme(String text, List<Heading> headings, List<CodeBlock> blocks) {
    this.text = text;
    this.headings = List.copyOf(headings);
    this.blocks = List.copyOf(blocks);
  }

  /**
   * @return the README of the project the tests run in (the folder the {@code openreplay.root} property names)
   */
  public static Readme ofProject() {
    return read(ProjectFiles.root().resolve("README.md"));
  }

  /**
   * @param file a Markdown file
   * @return the file's headings and code blocks
   */
  public static Readme read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param text Markdown text
   * @return its headings and fenced code blocks
   */
  public static Readme parse(String text) {
    List<Heading> headings = new ArrayList<>();
    List<CodeBlock> blocks = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    String section = "";
    String subsection = "";
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith(FENCE)) {
        String language = line.substring(FENCE.length()).trim();
        int opening = i;
        StringBuilder body = new StringBuilder();
        for (i++; i < lines.length && !lines[i].startsWith(FENCE); i++) {
          body.append(lines[i]).append('\n');
        }
        if (i == lines.length) {
          throw new IllegalArgumentException("code block of line " + (opening + 1) + " is never closed");
        }
        blocks.add(new CodeBlock(language, body.toString(), opening + 1, section, subsection));
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        int level = heading.group(1).length();
        headings.add(new Heading(level, heading.group(2), i + 1));
        if (level <= 2) {
          section = level == 2 ? heading.group(2) : "";
          subsection = "";
        } else if (level == 3) {
          subsection = heading.group(2);
        }
      }
    }
    return new Readme(text, headings, blocks);
  }

  /**
   * @return the whole text
   */
  public String text() {
    return text;
  }

  /**
   * @return every heading, in order
   */
  public List<Heading> headings() {
    return headings;
  }

  /**
   * @return every fenced code block, in order
   */
  public List<CodeBlock> blocks() {
    return blocks;
  }

  /**
   * @param language the fence's language word
   * @return the blocks of that language, in order
   */
  public List<CodeBlock> blocks(String language) {
    return blocks.stream().filter(block -> block.language().equals(language)).collect(Collectors.toList());
  }

  /**
   * @param sectionTitle the exact title of a level-2 heading
   * @return the blocks under that heading (its level-3 parts included), in order
   */
  public List<CodeBlock> blocksOf(String sectionTitle) {
    return blocks.stream().filter(block -> block.section().equals(sectionTitle)).collect(Collectors.toList());
  }

  /**
   * @param sectionTitle the exact title of a level-2 heading
   * @return the text of that section, up to the next level-1 or level-2 heading
   */
  public String sectionText(String sectionTitle) {
    Heading start = headings.stream().filter(h -> h.level() == 2 && h.title().equals(sectionTitle)).findFirst()
        .orElseThrow(() -> new AssertionError("README.md has no section \"## " + sectionTitle + "\""));
    int end = headings.stream().filter(h -> h.line() > start.line() && h.level() <= 2).mapToInt(Heading::line)
        .findFirst().orElse(Integer.MAX_VALUE);
    String[] lines = text.split("\n", -1);
    StringBuilder section = new StringBuilder();
    for (int i = start.line() - 1; i < Math.min(end - 1, lines.length); i++) {
      section.append(lines[i]).append('\n');
    }
    return section.toString();
  }
}
