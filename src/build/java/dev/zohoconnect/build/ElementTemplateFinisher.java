package dev.zohoconnect.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zohoconnect.cancelmeeting.error.DefaultErrorExpression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Completes the templates Camunda's generator writes: the 8.8 generator cannot give the error
 * expression a default value, and a template without one would let every failure end as a plain job
 * failure instead of a catchable BPMN error. It also sets the retry backoff the runtime applies to
 * the failures that expression leaves to it (a request that may have cancelled the meeting) to the
 * connector's own job backoff instead of the generator's zero. Runs in the build; never edit its
 * output by hand.
 *
 * <p>Build tooling, so neither in the connector jar nor among the tests: the build runs this file
 * with Java's source launcher against the compiled connector classes, which it reads the defaults
 * from (see the {@code finish-element-templates} execution in the pom).
 *
 * <p>Arguments: generated dir, output dir, {@code true} to also update the committed copy, the
 * committed copy's dir.
 */
public final class ElementTemplateFinisher {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ElementTemplateFinisher() {}

  public static void main(String[] args) throws IOException {
    Path generated = Path.of(args[0]);
    Path output = Path.of(args[1]);
    boolean updateCommitted = args.length > 3 && Boolean.parseBoolean(args[2]);
    for (Path source : templatesUnder(generated)) {
      Path relative = generated.relativize(source);
      String finished = finish(Files.readString(source));
      write(output.resolve(relative), finished);
      if (updateCommitted) {
        write(Path.of(args[3]).resolve(relative), finished);
      }
    }
  }

  /** The template with the default error expression and retry backoff filled in. */
  private static String finish(String template) throws IOException {
    JsonNode root = JSON.readTree(template);
    for (JsonNode property : root.path("properties")) {
      switch (property.path("binding").path("key").asText()) {
        case "errorExpression" -> ((ObjectNode) property).put("value", DefaultErrorExpression.FEEL);
        case "retryBackoff" ->
            ((ObjectNode) property).put("value", DefaultErrorExpression.JOB_BACKOFF.toString());
        default -> {}
      }
    }
    return JSON.writeValueAsString(root) + "\n";
  }

  private static List<Path> templatesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static void write(Path target, String content) throws IOException {
    Files.createDirectories(target.getParent());
    Files.writeString(target, content);
  }
}
