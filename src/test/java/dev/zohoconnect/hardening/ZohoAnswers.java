package dev.zohoconnect.hardening;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Generates bodies in and around the shapes Zoho answers with: the fuzz tests' raw material. */
final class ZohoAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String SUCCESS =
      "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"4876876000001563018\"},"
          + "\"message\":\"The event is successfully cancelled\",\"status\":\"success\"}]}";

  static final List<String> TEMPLATES =
      List.of(
          SUCCESS,
          "{\"code\":\"INVALID_URL_PATTERN\",\"details\":{},\"message\":\"Please check if the URL trying to access is a correct one\",\"status\":\"error\"}",
          "{\"data\":[{\"code\":\"NOT_ALLOWED\",\"details\":{\"reason\":\"no_participants_invited\",\"id\":\"4876876000001563018\"},\"message\":\"cannot cancel\",\"status\":\"error\"}]}",
          "{\"data\":[{\"code\":\"NOT_ALLOWED\",\"details\":{},\"message\":\"already cancelled\",\"status\":\"error\"}]}",
          "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\",\"status\":\"error\"}",
          "{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"too many\",\"status\":\"error\"}",
          "{\"code\":\"INTERNAL_ERROR\",\"details\":{},\"message\":\"boom\",\"status\":\"error\"}",
          "{\"code\":\"NO_PERMISSION\",\"details\":{\"permissions\":[\"Crm_Implied_Edit_Events\"]},\"message\":\"permission denied\",\"status\":\"error\"}",
          "{\"data\":[{\"code\":\"INVALID_DATA\",\"details\":{\"api_name\":\"send_cancelling_mail\",\"json_path\":\"$.data[0].send_cancelling_mail\",\"expected_data_type\":\"boolean\"},\"message\":\"invalid data\",\"status\":\"error\"}]}",
          "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
          "",
          "{}",
          "{\"data\":[]}");

  private static final List<String> KEYS =
      List.of("data", "code", "status", "message", "details", "reason", "id", "error", "");

  private static final List<Object> STATUS_VALUES =
      List.of("success", "error", "SUCCESS", "Error", "", "ok");

  private ZohoAnswers() {}

  /** A body of any kind: Zoho's, almost Zoho's, or nothing like it. */
  static String body(Random random) {
    return switch (random.nextInt(10)) {
      case 0, 1 -> Fuzz.pick(random, TEMPLATES);
      case 2, 3, 4 -> {
        String text = Fuzz.pick(random, TEMPLATES);
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
          text = Fuzz.mutate(random, text);
        }
        yield text;
      }
      case 5, 6 -> zohoShaped(random);
      case 7 -> Fuzz.unicode(random, random.nextInt(200));
      case 8 -> pathological(random);
      default -> Fuzz.string(random);
    };
  }

  /** Zoho's keys at Zoho's places, holding values of any type. */
  static String zohoShaped(Random random) {
    Map<String, Object> item = shapedObject(random);
    Map<String, Object> root;
    if (random.nextBoolean()) {
      root = new LinkedHashMap<>();
      Object data =
          switch (random.nextInt(4)) {
            case 0 -> List.of();
            case 1 -> List.of(item, shapedObject(random));
            case 2 -> Fuzz.value(random, 2);
            default -> List.of(item);
          };
      root.put("data", data);
      if (random.nextInt(3) == 0) {
        root.putAll(shapedObject(random));
      }
    } else {
      root = item;
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> shapedObject(Random random) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put(
        "code",
        random.nextInt(4) == 0
            ? Fuzz.value(random, 1)
            : Fuzz.pick(
                random,
                List.of("SUCCESS", "NOT_ALLOWED", "INVALID_TOKEN", "TOO_MANY_REQUESTS", "", "X")));
    object.put(
        "status",
        random.nextInt(4) == 0 ? Fuzz.value(random, 1) : Fuzz.pick(random, STATUS_VALUES));
    if (random.nextBoolean()) {
      object.put("message", random.nextInt(3) == 0 ? Fuzz.value(random, 1) : Fuzz.string(random));
    }
    if (random.nextBoolean()) {
      object.put(
          "details",
          random.nextBoolean()
              ? java.util.Collections.singletonMap("reason", Fuzz.value(random, 1))
              : Fuzz.value(random, 2));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      object.put(Fuzz.pick(random, KEYS), Fuzz.value(random, 2));
    }
    return object;
  }

  /** Bodies that have exhausted parsers: deep nesting, endless numbers and strings, many items. */
  static String pathological(Random random) {
    return switch (random.nextInt(7)) {
      case 0 -> "[".repeat(5_000 + random.nextInt(50_000));
      case 1 -> "{\"data\":".repeat(2_000 + random.nextInt(5_000));
      case 2 ->
          "{\"code\":" + "9".repeat(2_000 + random.nextInt(20_000)) + ",\"status\":\"error\"}";
      case 3 ->
          "{\"code\":\"X\",\"status\":\"error\",\"message\":\""
              + "m".repeat(30_000 + random.nextInt(30_000))
              + "\"}";
      case 4 -> {
        List<String> items = new ArrayList<>();
        for (int i = 1_000 + random.nextInt(2_000); i > 0; i--) {
          items.add("{\"status\":\"success\"}");
        }
        yield "{\"data\":[" + String.join(",", items) + "]}";
      }
      case 5 ->
          "{\"data\":[{\"code\":\"SUCCESS\",\"status\":\"success\",\"details\":{\"id\":1e999999}}]}";
      default -> "\uFEFF" + SUCCESS;
    };
  }

  /** Statuses Zoho and the things in front of it send, and any other. */
  static int status(Random random) {
    return random.nextInt(4) == 0
        ? 100 + random.nextInt(500)
        : Fuzz.pick(random, List.of(200, 200, 201, 204, 400, 401, 403, 404, 429, 500, 502, 503));
  }
}
