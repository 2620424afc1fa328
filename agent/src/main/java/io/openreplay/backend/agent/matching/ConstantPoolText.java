package io.openreplay.backend.agent.matching;

/**
 * Reads a class file's constant pool without parsing the rest: whether one of its text (UTF-8) entries is one of
 * a few wanted texts, such as a method descriptor or an interface's name. It costs a walk over the pool's entries
 * and no allocation, so every class being loaded can be tested.
 */
final class ConstantPoolText {

  private static final int TAG_UTF8 = 1;
  private static final int TAG_INTEGER = 3;
  private static final int TAG_FLOAT = 4;
  private static final int TAG_LONG = 5;
  private static final int TAG_DOUBLE = 6;
  private static final int TAG_CLASS = 7;
  private static final int TAG_STRING = 8;
  private static final int TAG_FIELD_REF = 9;
  private static final int TAG_METHOD_REF = 10;
  private static final int TAG_INTERFACE_METHOD_REF = 11;
  private static final int TAG_NAME_AND_TYPE = 12;
  private static final int TAG_METHOD_HANDLE = 15;
  private static final int TAG_METHOD_TYPE = 16;
  private static final int TAG_DYNAMIC = 17;
  private static final int TAG_INVOKE_DYNAMIC = 18;
  private static final int TAG_MODULE = 19;
  private static final int TAG_PACKAGE = 20;

  /** Where the constant pool's count sits: after the magic number and the two version numbers. */
  private static final int POOL_COUNT_OFFSET = 8;

  private ConstantPoolText() {
  }

  /**
   * @param classFile a class file
   * @param wanted the texts looked for, ASCII only
   * @return whether a text entry of the pool equals one of {@code wanted}; {@code false} for bytes that are not a
   *     well-formed class file (the JVM rejects those anyway)
   */
  static boolean containsAny(byte[] classFile, byte[][] wanted) {
    if (wanted.length == 0 || classFile == null || classFile.length < POOL_COUNT_OFFSET + 2) {
      return false;
    }
    try {
      int count = unsignedShort(classFile, POOL_COUNT_OFFSET);
      int at = POOL_COUNT_OFFSET + 2;
      for (int index = 1; index < count; index++) {
        int tag = classFile[at];
        switch (tag) {
          case TAG_UTF8 -> {
            int length = unsignedShort(classFile, at + 1);
            if (equalsAny(classFile, at + 3, length, wanted)) {
              return true;
            }
            at += 3 + length;
          }
          case TAG_INTEGER, TAG_FLOAT, TAG_FIELD_REF, TAG_METHOD_REF, TAG_INTERFACE_METHOD_REF, TAG_NAME_AND_TYPE,
              TAG_DYNAMIC, TAG_INVOKE_DYNAMIC -> at += 5;
          case TAG_LONG, TAG_DOUBLE -> {
            at += 9;
            index++;
          }
          case TAG_CLASS, TAG_STRING, TAG_METHOD_TYPE, TAG_MODULE, TAG_PACKAGE -> at += 3;
          case TAG_METHOD_HANDLE -> at += 4;
          default -> {
            return false;
          }
        }
      }
      return false;
    } catch (ArrayIndexOutOfBoundsException truncated) {
      return false;
    }
  }

  private static boolean equalsAny(byte[] classFile, int start, int length, byte[][] wanted) {
    for (byte[] text : wanted) {
      if (text.length == length && equalsAt(classFile, start, text)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equalsAt(byte[] classFile, int start, byte[] text) {
    for (int i = 0; i < text.length; i++) {
      if (classFile[start + i] != text[i]) {
        return false;
      }
    }
    return true;
  }

  private static int unsignedShort(byte[] bytes, int at) {
    return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
  }
}
