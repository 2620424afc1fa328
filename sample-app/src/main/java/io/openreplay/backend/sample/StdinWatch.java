package io.openreplay.backend.sample;

import java.io.IOException;
import java.io.InputStream;

/**
 * Waits for the end of standard input: the parent process closed its pipe, or died.
 */
final class StdinWatch {

  private StdinWatch() {
  }

  /** Reads and discards standard input until it ends (or cannot be read any more). */
  static void awaitEndOfInput() {
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    try {
      int read;
      do {
        // Input is not a command channel: anything written is dropped; only its end matters.
        read = in.read(buffer);
      } while (read >= 0);
    } catch (IOException e) {
      // An unreadable pipe is a closed one.
      return;
    }
  }
}
