package dev.zohoconnect.packaging;

import static dev.zohoconnect.process.ProcessInstanceAssert.assertThatInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import dev.zohoconnect.process.InMemoryZeebeDriver;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The connector jar as an operator deploys it: dropped into {@code /opt/custom} of the
 * connectors-bundle image or onto the classpath of any 8.8 connector runtime. The jar is loaded in
 * a fresh class loader whose parent offers Camunda's connector runtime (and its SDK, Jackson,
 * validation) but none of this project's classes, no SPI registration of them and no element
 * template annotations; Camunda's runtime then discovers the connector by SPI and runs a
 * cancellation through its job handler on the in-memory engine. A class or SPI entry missing from
 * the jar fails here.
 */
class ConnectorJarIT {

  static final String SPI_FILE = "META-INF/services/" + OutboundConnectorFunction.class.getName();

  @Test
  void jarHoldsTheConnectorItsSpiFileAndNothingElse() throws IOException {
    List<String> foreign = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    try (JarFile jar = new JarFile(PackagedArtifacts.connectorJar().toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.endsWith(".class")) {
          classes.add(name);
          assertThat(classFileMajorVersion(jar, entry))
              .as("%s compiled for Java 21 (class file 65)", name)
              .isEqualTo(65);
        }
        boolean ours =
            name.startsWith("dev/zohoconnect/cancelmeeting/")
                || name.equals("dev/")
                || name.equals("dev/zohoconnect/")
                || name.startsWith("META-INF/")
                || name.equals("zoho-meeting-cancel.svg");
        if (!ours) {
          foreign.add(name);
        }
      }
      assertThat(foreign).as("entries other than the connector's").isEmpty();
      assertThat(classes)
          .contains("dev/zohoconnect/cancelmeeting/CancelMeetingFunction.class")
          .noneMatch(c -> c.startsWith("dev/zohoconnect/runtime/"))
          .noneMatch(c -> c.startsWith("dev/zohoconnect/emulator/"));
      assertThat(read(jar, SPI_FILE).strip()).isEqualTo(CancelMeetingFunction.class.getName());
    }
  }

  @Test
  void camundaRuntimeDiscoversAndRunsTheConnectorFromTheJarAlone() throws Exception {
    ClassLoader runtimeOnly = new RuntimeOnlyClassLoader(getClass().getClassLoader());
    try (ZohoCrmEmulator zoho = ZohoCrmEmulator.start();
        URLClassLoader connectorJar =
            new URLClassLoader(
                "connector-jar",
                new URL[] {PackagedArtifacts.connectorJar().toUri().toURL()},
                runtimeOnly)) {
      // The runtime's SPI discovery reads the thread's context class loader, as in a runtime
      // whose classpath is /opt/app/* plus /opt/custom/*.
      List<OutboundConnectorFunction> discovered = new ArrayList<>();
      ServiceLoader.load(OutboundConnectorFunction.class, connectorJar).forEach(discovered::add);
      assertThat(discovered).hasSize(1);
      assertThat(discovered.getFirst().getClass().getName())
          .isEqualTo(CancelMeetingFunction.class.getName());
      assertThat(discovered.getFirst().getClass().getClassLoader()).isSameAs(connectorJar);

      ConnectorRuntimeHarness harness;
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(connectorJar);
      try {
        harness =
            ConnectorRuntimeHarness.builder()
                .discoverConnectors(true)
                .secrets(PackagedArtifacts.SECRETS)
                .start();
      } finally {
        thread.setContextClassLoader(previous);
      }
      try (InMemoryZeebeDriver driver = InMemoryZeebeDriver.owning(harness)) {
        assertThat(harness.connectorTypes()).containsExactly(CancelMeetingFunction.JOB_TYPE);
        driver.deploy("cancel-meeting.bpmn", PackagedArtifacts.cancelMeetingProcess());
        String meetingId = "4876876000001563018";
        zoho.meetings().put(zoho.upcomingMeeting(meetingId).build());

        long key =
            driver.startInstance(
                PackagedArtifacts.PROCESS_ID, PackagedArtifacts.variables(meetingId, zoho));

        assertThatInstance(driver, key)
            .within(Duration.ofSeconds(20))
            .isCompleted()
            .hasPassed(PackagedArtifacts.TASK_ID, "done")
            .hasNoIncidents();
        assertThatInstance(driver, key)
            .variable("cancellation")
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("meetingId", meetingId)
            .containsEntry("cancelled", true);
        assertThat(zoho.meetings().isCancelled(meetingId)).isTrue();
        assertThat(zoho.counters().cancelCalls(meetingId)).isEqualTo(1);
      }
    }
  }

  private static int classFileMajorVersion(JarFile jar, JarEntry entry) throws IOException {
    try (InputStream in = jar.getInputStream(entry)) {
      byte[] header = in.readNBytes(8);
      return ((header[6] & 0xff) << 8) | (header[7] & 0xff);
    }
  }

  private static String read(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertThat(entry).as(name).isNotNull();
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The test's classpath minus everything of this project (the classes and resources of
   * target/classes and target/test-classes, which include SPI files listing the connector) and
   * minus the element-template annotations, which a connector runtime need not have: what stays is
   * Camunda's runtime and what it brings.
   */
  static final class RuntimeOnlyClassLoader extends ClassLoader {

    private static final List<String> HIDDEN_PACKAGES =
        List.of("dev.zohoconnect.", "io.camunda.connector.generator.");

    private final List<String> projectLocations;

    RuntimeOnlyClassLoader(ClassLoader runtime) {
      super("camunda-runtime-only", runtime);
      this.projectLocations =
          List.of(location(CancelMeetingFunction.class), location(ConnectorJarIT.class));
    }

    private static String location(Class<?> type) {
      return type.getProtectionDomain().getCodeSource().getLocation().toString();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (HIDDEN_PACKAGES.stream().anyMatch(name::startsWith)) {
        throw new ClassNotFoundException(name + " is not part of the connector runtime");
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      URL url = super.getResource(name);
      return url == null || hidden(url) ? null : url;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      List<URL> visible = new ArrayList<>();
      for (URL url : Collections.list(super.getResources(name))) {
        if (!hidden(url)) {
          visible.add(url);
        }
      }
      return Collections.enumeration(visible);
    }

    private boolean hidden(URL url) {
      String text = url.toString();
      return projectLocations.stream().anyMatch(text::startsWith)
          || text.contains("/element-template-generator-core-");
    }
  }
}
