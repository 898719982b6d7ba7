package dev.zohoconnect.runtime;

import io.camunda.client.api.worker.JobClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A {@link JobClient} that reports every command a job handler sends ({@code send()} on any
 * command built from it) to {@link InFlightJobs} until the gateway answers. The connector runtime
 * completes, fails or throws an error for a job asynchronously; without this, a shutdown could
 * close the client while the last "complete" is still on the wire, and the job would run again on
 * another instance after its timeout.
 */
final class CommandTracking implements InvocationHandler {

  private static final String COMMAND_API = "io.camunda.client.api.command.";

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
