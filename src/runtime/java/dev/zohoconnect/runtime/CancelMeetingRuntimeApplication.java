package dev.zohoconnect.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A connector runtime that hosts the Cancel Zoho Meeting connector alone: Camunda's connectors
 * starter (the same runtime as the connectors-bundle image) with this project's connector on the
 * classpath, configured only by the standard {@code camunda.client.*} / {@code CAMUNDA_CLIENT_*}
 * settings. See docs/operations.md.
 */
@SpringBootApplication
public class CancelMeetingRuntimeApplication {

  public static void main(String[] args) {
    SpringApplication.run(CancelMeetingRuntimeApplication.class, args);
  }
}
