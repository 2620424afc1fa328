package io.openreplay.backend.agent.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Writes a string field with a JSON generator the agent knows only at run time: Jackson 3's
 * {@code writeStringProperty(String, String)} or Jackson 2's {@code writeStringField(String, String)}, looked up
 * once per generator class.
 */
public final class JsonStringField {

  private static final ClassValue<MethodHandle> WRITERS = new Writers();

  private JsonStringField() {
  }

  /**
   * @param generator a Jackson 3 or Jackson 2 {@code JsonGenerator}
   * @return whether it has a string field writer this class knows
   */
  public static boolean canWrite(Object generator) {
    return generator != null && WRITERS.get(generator.getClass()) != null;
  }

  /**
   * Writes {@code "name": "text"}.
   *
   * @param generator a generator for which {@link #canWrite(Object)} is {@code true}
   * @param name the field's name
   * @param text the field's text
   * @throws Throwable what the generator throws
   */
  public static void write(Object generator, String name, String text) throws Throwable {
    WRITERS.get(generator.getClass()).invokeExact(generator, name, text);
  }

  /** Finds the writer of a generator class; a plain subclass, as bootstrap code avoids lambdas. */
  private static final class Writers extends ClassValue<MethodHandle> {
    @Override
    protected MethodHandle computeValue(Class<?> generatorClass) {
      for (String name : new String[] {"writeStringProperty", "writeStringField"}) {
        try {
          Method method = generatorClass.getMethod(name, String.class, String.class);
          return MethodHandles.publicLookup().unreflect(method)
              .asType(MethodType.methodType(void.class, Object.class, String.class, String.class));
        } catch (NoSuchMethodException | IllegalAccessException | RuntimeException absent) {
          // not this generation of Jackson (Jackson 3's returns the generator, Jackson 2's nothing)
        }
      }
      return null;
    }
  }
}
