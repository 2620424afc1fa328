package io.openreplay.backend.agent.bootstrap;

/**
 * The token of the task a pool worker thread is running, between the moment the worker takes the task (its first
 * task, or one returned from the queue) and the moment it goes back for the next one or ends.
 *
 * <p>A {@code ThreadPoolExecutor} runs the application's own task objects, not wrappers, so no code of the agent
 * runs around each task's body; instead the worker's loop is observed: {@link #taskTaken(Object)} attaches the
 * token handed over with the task ({@link TaskHandOver}), and {@link #taskDone()} puts back what the worker had,
 * which is why a task with a token never leaves it to the worker's next task.
 */
public final class WorkerTaskScope {

  private static final ThreadLocal<TokenScope> OPEN = new ThreadLocal<>();

  private WorkerTaskScope() {
  }

  /**
   * The worker has taken {@code task} and is about to run it: the token handed over with it becomes current.
   *
   * @param task the task, or {@code null} when the worker got none (it is about to end)
   */
  public static void taskTaken(Object task) {
    taskDone();
    TokenScope scope = TaskHandOver.running(task);
    if (scope != null) {
      OPEN.set(scope);
    }
  }

  /** The worker's task is over (it asks for the next one, or the worker ends): the worker gets back what it had. */
  public static void taskDone() {
    TokenScope scope = OPEN.get();
    if (scope != null) {
      OPEN.remove();
      scope.close();
    }
  }
}
