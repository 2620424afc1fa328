package io.openreplay.backend.readme.install;

import io.openreplay.backend.readme.CodeBlock;
import io.openreplay.backend.readme.Readme;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The commands of the README's shell blocks, as a user pastes them: continued lines joined, comments dropped. */
final class ShellCommands {

  private static final Pattern ENVIRONMENT = Pattern.compile("^([A-Z_][A-Z0-9_]*=\\S+\\s+)+");

  private ShellCommands() {
  }

  /**
   * @param readme the README
   * @return every command of its {@code bash} and {@code sh} blocks, in order
   */
  static List<String> all(Readme readme) {
    List<String> commands = new ArrayList<>();
    for (CodeBlock block : readme.blocks()) {
      if (!block.language().equals("bash") && !block.language().equals("sh")) {
        continue;
      }
      StringBuilder command = new StringBuilder();
      for (String line : block.text().split("\n")) {
        String trimmed = line.strip();
        if (trimmed.startsWith("#") && command.length() == 0) {
          continue;
        }
        if (trimmed.endsWith("\\")) {
          command.append(trimmed, 0, trimmed.length() - 1).append(' ');
          continue;
        }
        command.append(trimmed);
        String whole = command.toString().strip();
        if (!whole.isEmpty()) {
          commands.add(whole.replaceAll(" +", " "));
        }
        command.setLength(0);
      }
    }
    return commands;
  }

  /**
   * @param command a command
   * @return the command without the environment assignments in front of it
   */
  static String withoutEnvironment(String command) {
    return ENVIRONMENT.matcher(command).replaceFirst("");
  }
}
