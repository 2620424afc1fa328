package io.openreplay.backend.bench.soakapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * {@code /soak/stats}: the application's state at a checkpoint, as {@code key=value} lines: the used heap right after
 * full collections ({@code System.gc()}, {@value #COLLECTIONS} times, the least of the readings), the live threads,
 * the live threads by name, the loaded classes (now, ever, unloaded), {@link TokenTally}'s counts (in all and by unit) and examples, and
 * how many requests were served again ({@link ServedRequests}).
 */
final class StatsServlet extends HttpServlet {

  /** How many full collections are run, each followed by a reading of the used heap. */
  static final int COLLECTIONS = 3;

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapUsed = Long.MAX_VALUE;
    for (int i = 0; i < COLLECTIONS; i++) {
      System.gc();
      heapUsed = Math.min(heapUsed, memory.getHeapMemoryUsage().getUsed());
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    response.setContentType("text/plain");
    PrintWriter out = response.getWriter();
    out.println("heapUsedAfterGc=" + heapUsed);
    out.println("threads=" + threads.getThreadCount());
    out.println("threadNames=" + threadNames());
    out.println("classesLoaded=" + classes.getLoadedClassCount());
    out.println("classesEverLoaded=" + classes.getTotalLoadedClassCount());
    out.println("classesUnloaded=" + classes.getUnloadedClassCount());
    out.println("eventsChecked=" + TokenTally.checked());
    out.println("mismatches=" + TokenTally.mismatches());
    out.println("missing=" + TokenTally.missing());
    out.println("servedAgain=" + ServedRequests.servedAgain());
    TokenTally.checkedByUnit().forEach((unit, count) -> out.println("unit." + unit + "=" + count));
    int number = 0;
    for (String example : TokenTally.examples()) {
      out.println("example" + number++ + "=" + example.replace('\n', ' '));
    }
  }

  /** The live threads by name, numbers left out ({@code http-nio-exec x12, ...}), sorted. */
  private static String threadNames() {
    Map<String, Integer> names = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      names.merge(thread.getName().replaceAll("\\d+", "N"), 1, Integer::sum);
    }
    StringJoiner joined = new StringJoiner(", ");
    names.forEach((name, count) -> joined.add(name + " x" + count));
    return joined.toString();
  }
}
