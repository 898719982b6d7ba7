package dev.zohoconnect.process;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.process.ProcessEngineDriver.JobFailure;
import dev.zohoconnect.process.ProcessEngineDriver.ThrownError;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.JsonMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fail and throw-error commands a job worker sent and the engine accepted, as the worker saw
 * them: job, retries left, retry backoff, error code, message and variables.
 *
 * <p>An engine reached through Camunda's REST search API (Camunda Process Test, a real cluster)
 * keeps only each job's latest state: it shows neither the history of a job's failures, nor the
 * backoff a failure asked for, nor the variables of a thrown BPMN error. The in-memory engine's
 * record stream has all of them ({@code JobIntent.FAILED}, {@code JobIntent.ERROR_THROWN}); this
 * journal gives a driver on the REST API the same facts, read where they are decided: at the
 * worker, from the very command objects the connector runtime sends.
 *
 * <p>{@link #recording(JobClient, ActivatedJob)} wraps the {@link JobClient} a worker hands its
 * handler. Complete commands pass through untouched; fail and throw-error commands are recorded
 * when their {@code send()} future completes without error, i.e. once the engine has accepted them
 * (a rejected command, e.g. for a job that timed out meanwhile, is not recorded). Recording never
 * changes what is sent.
 */
public final class JobCommandJournal {

  /** A fail command the engine accepted. {@code retries} is what remains: 0 means an incident. */
  public record FailCommand(
      long sequence,
      long jobKey,
      long processInstanceKey,
      String elementId,
      String jobType,
      int retries,
      Duration retryBackoff,
      String errorMessage) {

    public JobFailure asJobFailure() {
      return new JobFailure(elementId, jobType, retries, retryBackoff, errorMessage);
    }
  }

  /** A throw-error command (a BPMN error) the engine accepted. */
  public record ThrowErrorCommand(
      long sequence,
      long jobKey,
      long processInstanceKey,
      String elementId,
      String jobType,
      String errorCode,
      String errorMessage,
      Map<String, Object> variables) {

    public ThrownError asThrownError() {
      return new ThrownError(elementId, errorCode, errorMessage, variables);
    }
  }

  private static final String COMMAND_PACKAGE = "io.camunda.client.api.command";

  private final JsonMapper wireMapper;
  private final ObjectMapper json = new ObjectMapper();
  private final List<Object> accepted = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * @param wireMapper the JSON mapper of the client that sends the commands, so recorded variables
   *     are what the engine received (e.g. {@code client.getConfiguration().getJsonMapper()})
   */
  public JobCommandJournal(JsonMapper wireMapper) {
    this.wireMapper = wireMapper;
  }

  /** A {@link JobClient} that behaves like {@code delegate} and records this job's commands. */
  public JobClient recording(JobClient delegate, ActivatedJob job) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args, delegate);
          }
          Object result = invoke(delegate, method, args);
          return switch (method.getName()) {
            case "newFailCommand" -> commandProxy(result, new Draft(Kind.FAIL, job));
            case "newThrowErrorCommand" -> commandProxy(result, new Draft(Kind.THROW_ERROR, job));
            default -> result;
          };
        };
    return (JobClient)
        Proxy.newProxyInstance(
            JobClient.class.getClassLoader(), new Class<?>[] {JobClient.class}, handler);
  }

  /** Accepted fail commands for jobs of this process instance, in sending order. */
  public List<FailCommand> failures(long processInstanceKey) {
    return entries(FailCommand.class).stream()
        .filter(c -> c.processInstanceKey() == processInstanceKey)
        .sorted(Comparator.comparingLong(FailCommand::sequence))
        .toList();
  }

  /** Accepted throw-error commands for jobs of this process instance, in sending order. */
  public List<ThrowErrorCommand> thrownErrors(long processInstanceKey) {
    return entries(ThrowErrorCommand.class).stream()
        .filter(c -> c.processInstanceKey() == processInstanceKey)
        .sorted(Comparator.comparingLong(ThrowErrorCommand::sequence))
        .toList();
  }

  /** Every accepted command, in the order they were sent. */
  public List<Object> all() {
    List<Object> copy = new ArrayList<>(accepted);
    copy.sort(Comparator.comparingLong(JobCommandJournal::sequenceOf));
    return copy;
  }

  /** Fail/throw-error commands sent whose answer has not arrived yet. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Waits until every fail/throw-error command sent so far has been answered (accepted or not), so
   * a reader does not miss a command the engine already processed. Returns false on timeout.
   */
  public boolean awaitSettled(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------

  private <T> List<T> entries(Class<T> type) {
    List<T> result = new ArrayList<>();
    for (Object entry : accepted) {
      if (type.isInstance(entry)) {
        result.add(type.cast(entry));
      }
    }
    return result;
  }

  private static long sequenceOf(Object entry) {
    return switch (entry) {
      case FailCommand f -> f.sequence();
      case ThrowErrorCommand t -> t.sequence();
      default -> Long.MAX_VALUE;
    };
  }

  private enum Kind {
    FAIL,
    THROW_ERROR
  }

  /** What the builder calls said so far; shared by every step object of one command. */
  private final class Draft {
    private final Kind kind;
    private final ActivatedJob job;
    private Integer retries;
    private Duration retryBackoff;
    private String errorCode;
    private String errorMessage;
    private Map<String, Object> variables = new LinkedHashMap<>();

    Draft(Kind kind, ActivatedJob job) {
      this.kind = kind;
      this.job = job;
    }

    /** Records a builder call; may replace a one-shot argument (an InputStream) by a copy. */
    synchronized void note(String method, Object[] args) {
      switch (method) {
        case "retries" -> retries = (Integer) args[0];
        case "retryBackoff" -> retryBackoff = (Duration) args[0];
        case "errorCode" -> errorCode = (String) args[0];
        case "errorMessage" -> errorMessage = (String) args[0];
        case "variable", "variables" -> noteVariables(method, args);
        default -> {
          // requestTimeout, useRest/useGrpc, ...: nothing the journal reports
        }
      }
    }

    private void noteVariables(String method, Object[] args) {
      try {
        if (method.equals("variable")) {
          Map<String, Object> one = new LinkedHashMap<>();
          one.put((String) args[0], args[1]);
          variables.putAll(normalize(one));
        } else if (args[0] instanceof InputStream stream) {
          byte[] bytes = stream.readAllBytes();
          args[0] = new ByteArrayInputStream(bytes); // the real command reads this copy
          variables = parse(new String(bytes, StandardCharsets.UTF_8));
        } else if (args[0] instanceof String text) {
          variables = parse(text);
        } else {
          variables = normalize(args[0]);
        }
      } catch (IOException | RuntimeException e) {
        // Never let recording break the command; keep what could not be read visible.
        variables = new LinkedHashMap<>(Map.of("<unrecorded>", String.valueOf(e)));
      }
    }

    synchronized Object snapshot(long seq) {
      return switch (kind) {
        case FAIL ->
            new FailCommand(
                seq,
                job.getKey(),
                job.getProcessInstanceKey(),
                job.getElementId(),
                job.getType(),
                retries == null ? job.getRetries() : retries,
                retryBackoff == null ? Duration.ZERO : retryBackoff,
                errorMessage);
        case THROW_ERROR ->
            new ThrowErrorCommand(
                seq,
                job.getKey(),
                job.getProcessInstanceKey(),
                job.getElementId(),
                job.getType(),
                errorCode,
                errorMessage,
                Collections.unmodifiableMap(new LinkedHashMap<>(variables)));
      };
    }
  }

  private Map<String, Object> normalize(Object variables) {
    // As the engine receives them: serialised by the client's JSON mapper.
    return variables == null ? new LinkedHashMap<>() : parse(wireMapper.toJson(variables));
  }

  private Map<String, Object> parse(String jsonText) {
    try {
      Map<String, Object> map = json.readValue(jsonText, new TypeReference<>() {});
      return map == null ? new LinkedHashMap<>() : map;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object commandProxy(Object target, Draft draft) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (Modifier.isPublic(i.getModifiers())) {
          interfaces.add(i);
        }
      }
    }
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args, target);
          }
          if (method.getParameterCount() == 0 && method.getName().equals("send")) {
            return send(target, method, draft);
          }
          if (method.getParameterCount() == 0 && method.getName().equals("execute")) {
            // FinalCommandStep.execute() is send().join(): send through the recording path.
            Method send = method.getDeclaringClass().getMethod("send");
            return ((CamundaFuture<?>) send(target, send, draft)).join();
          }
          draft.note(method.getName(), args);
          Object result = invoke(target, method, args);
          if (result == target) {
            return proxy;
          }
          if (result != null && isCommandStep(result)) {
            return commandProxy(result, draft);
          }
          return result;
        };
    return Proxy.newProxyInstance(
        JobClient.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
  }

  private Object send(Object target, Method send, Draft draft) throws Throwable {
    Object entry = draft.snapshot(sequence.incrementAndGet());
    inFlight.incrementAndGet();
    CamundaFuture<?> future;
    try {
      future = (CamundaFuture<?>) invoke(target, send, null);
    } catch (Throwable t) {
      inFlight.decrementAndGet();
      throw t;
    }
    future.whenComplete(
        (response, failure) -> {
          try {
            if (failure == null) {
              accepted.add(entry);
            }
          } finally {
            inFlight.decrementAndGet();
          }
        });
    return future;
  }

  private static boolean isCommandStep(Object object) {
    for (Class<?> c = object.getClass(); c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getPackageName().equals(COMMAND_PACKAGE)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args, Object target) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "recording(" + target + ")";
    };
  }
}
