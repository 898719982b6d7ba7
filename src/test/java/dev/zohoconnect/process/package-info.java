/**
 * Process tests without Docker: Camunda's real outbound connector runtime (connector-runtime-spring
 * 8.8, no Spring context) on zeebe-process-test's in-memory engine (8.8).
 *
 * <ul>
 *   <li>{@link dev.zohoconnect.process.ConnectorJobWorkers} is the connector runtime's job
 *       handling, wired once: one job worker per connector with the runtime's {@code
 *       SpringConnectorJobHandler} (secrets from a map, Bean Validation, in-memory document store,
 *       the runtime's object mappers, no-op metrics) on any {@code CamundaClient}; {@link
 *       dev.zohoconnect.process.ConnectorWorkerSettings} configures it.
 *   <li>{@link dev.zohoconnect.process.ConnectorRuntimeHarness} starts the engine, a {@code
 *       CamundaClient} on its gRPC gateway and those workers on it ({@code engineOnly()}: none).
 *   <li>{@link dev.zohoconnect.process.ProcessEngineDriver} is what scenarios use; {@link
 *       dev.zohoconnect.process.InMemoryZeebeDriver} implements it from the engine's record stream,
 *       a Camunda Process Test backend can implement it where Docker exists. {@link
 *       dev.zohoconnect.process.ProcessInstanceAssert} reads like Operate.
 * </ul>
 *
 * <p>Measured on a 2-CPU build machine (JDK 25, release 21): first harness in a JVM 4.5 s (class
 * loading, engine), first deployment 1-2 s, later harnesses about 50 ms; a service task run by a
 * connector 75-100 ms per instance (50 ms worker poll interval); the proof test class 6-8 s, {@code
 * mvn -o test} 13-14 s in all.
 *
 * <p>Behaviour worth knowing, each seen in {@code ConnectorRuntimeHarnessTest}:
 *
 * <ul>
 *   <li>Variables of a caught BPMN error are local to the catch event; only the catch event's
 *       output mappings bring them into the process.
 *   <li>{@code bpmnError(error.code, error.message, error.variables)} fails in FEEL when the
 *       connector gave no code or no error variables; the runtime then fails the job with no
 *       retries (an incident showing the FEEL failure). Guard both.
 *   <li>An error expression using {@code jobError(..., job.retries - 1, ...)} for every error also
 *       retries invalid input, which would otherwise be an incident at once.
 *   <li>The runtime masks the value of every secret used by the job in error messages by plain
 *       string replacement: a test secret such as {@code "x"} garbles every message.
 *   <li>A failed job's retry backoff runs on the engine clock; {@code increaseTime} skips it (the
 *       clock also runs in real time).
 *   <li>zeebe-process-test's gateway drops the variables of a FailJob command (a cluster keeps them
 *       as local variables of the task, where the runtime's {@code error} is read when the job
 *       comes back); the harness sets them itself just before failing the job.
 *   <li>{@code ConnectorRuntimeHarness.builder().engine(other.engine())} attaches a second runtime
 *       to a running engine, e.g. to restart the runtime in the middle of a run.
 *   <li>The engine's gateway binds {@code 0.0.0.0:<free port>}; the harness talks to it on
 *       127.0.0.1. zeebe-process-test keeps one non-daemon {@code Timer} thread per JVM
 *       (EngineStateMonitor): harmless under Surefire, but a {@code main} using the harness must
 *       call {@code System.exit}. Close order: workers, client, engine (the harness does it).
 * </ul>
 */
package dev.zohoconnect.process;
