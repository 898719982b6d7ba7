package dev.zohoconnect.runtime;

import io.camunda.client.api.command.FinalCommandStep;
import io.camunda.client.api.worker.JobClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A {@link JobClient} that reports every command a job handler sends ({@code send()} on any command
 * built from it) to {@link InFlightJobs} until the gateway answers. The connector runtime
 * completes, fails or throws an error for a job asynchronously; without this, a shutdown could
 * close the client while the last "complete" is still on the wire, and the job would run again on
 * another instance after its timeout.
 */
final class CommandTracking implements InvocationHandler {

  /**
   * Where the client's public command-builder interfaces live (sub-packages included), taken from
   * the API itself rather than spelled out, so that a move follows the client.
   */
  private static final String COMMAND_API = FinalCommandStep.class.getPackageName() + ".";

  private final Object target;
  private final InFlightJobs inFlight;

  private CommandTracking(Object target, InFlightJobs inFlight) {
    this.target = target;
    this.inFlight = inFlight;
  }

  static JobClient track(JobClient client, InFlightJobs inFlight) {
    return (JobClient)
        Proxy.newProxyInstance(
            JobClient.class.getClassLoader(),
            new Class<?>[] {JobClient.class},
            new CommandTracking(client, inFlight));
  }

  /**
   * Fails unless the commands the connector runtime sends for a job (complete, fail, throw error),
   * built from {@code client} as it builds them, would be tracked at every step and answer {@code
   * send()} with a {@link CompletionStage}. Builds the commands only, sends nothing. Guards against
   * a Camunda upgrade that changes the client's command classes: tracking would stop silently, and
   * a shutdown could again close the client under a job's last command.
   */
  static void requireTrackable(JobClient client) {
    if (!CompletionStage.class.isAssignableFrom(sendAnswer())) {
      throw untracked("FinalCommandStep.send() answers " + sendAnswer().getName());
    }
    JobClient tracked = track(client, new InFlightJobs());
    requireTracked("complete", tracked.newCompleteCommand(0L).variables(Map.of()));
    requireTracked("fail", tracked.newFailCommand(0L).retries(0).errorMessage("check"));
    requireTracked(
        "throw error", tracked.newThrowErrorCommand(0L).errorCode("check").errorMessage("check"));
  }

  private static Class<?> sendAnswer() {
    try {
      return FinalCommandStep.class.getMethod("send").getReturnType();
    } catch (NoSuchMethodException e) {
      throw untracked("FinalCommandStep has no send()");
    }
  }

  private static void requireTracked(String command, Object step) {
    if (!Proxy.isProxyClass(step.getClass())
        || !(Proxy.getInvocationHandler(step) instanceof CommandTracking)) {
      throw untracked(
          "the "
              + command
              + " command "
              + step.getClass().getName()
              + " implements no public"
              + " interface under "
              + COMMAND_API);
    }
  }

  private static IllegalStateException untracked(String why) {
    return new IllegalStateException(
        "Commands of the Camunda client cannot be tracked for a graceful shutdown ("
            + why
            + ")."
            + " The Camunda client's command API changed: adapt CommandTracking.");
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "tracked " + target;
      };
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (result == null) {
      return null;
    }
    if ("send".equals(method.getName()) && result instanceof CompletionStage<?> answer) {
      inFlight.commandSent();
      answer.whenComplete((value, failure) -> inFlight.commandAnswered());
      return result;
    }
    if (result != target && method.getReturnType().isInterface()) {
      Class<?>[] commandInterfaces = commandInterfaces(result.getClass());
      if (commandInterfaces.length > 0) {
        return Proxy.newProxyInstance(
            result.getClass().getClassLoader(),
            commandInterfaces,
            new CommandTracking(result, inFlight));
      }
    }
    return result == target ? proxy : result;
  }

  /** The public command-builder interfaces a command step implements (e.g. FinalCommandStep). */
  private static Class<?>[] commandInterfaces(Class<?> type) {
    Set<Class<?>> found = new LinkedHashSet<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getName().startsWith(COMMAND_API) && Modifier.isPublic(i.getModifiers())) {
          found.add(i);
        }
      }
    }
    return found.toArray(Class<?>[]::new);
  }
}
