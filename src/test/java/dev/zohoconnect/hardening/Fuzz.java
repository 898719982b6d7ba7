package dev.zohoconnect.hardening;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generators for the fuzz tests. A run is repeatable: every failure message names the seed
 * and the case, and {@code -Dfuzz.seed=<seed>} replays it; {@code -Dfuzz.iterations=<n>} runs
 * longer than CI does.
 */
final class Fuzz {

  /** Values that have broken parsers and URL builders before. */
  static final List<String> NASTY_STRINGS =
      List.of(
          "",
          " ",
          "\t",
          "\n",
          "\r\n",
          "\u0000",
          "null",
          "true",
          "false",
          "0",
          "-1",
          "1.5",
          "1e5",
          "+1",
          "0x1F",
          "١٢٣",
          "１２３",
          "𝟙𝟚𝟛",
          "1/../../Leads/2",
          "1?x=",
          "1#",
          "%2e%2e",
          "%2F",
          "..%2F..",
          "1;x",
          "1%00",
          "1\u0000",
          "1\n",
          " 1",
          "1 ",
          "=1",
          "=null",
          "9223372036854775807",
          "9223372036854775808",
          "99999999999999999999",
          "-9223372036854775808",
          "<script>",
          "\"}]",
          "{\"a\":1}",
          "[]",
          "${jndi:ldap://x}",
          "'; DROP TABLE",
          "\uFEFF1",
          "\u202E123",
          "é",
          "😀",
          "\uD800",
          "{{secrets.NOPE}}",
          "=meetingId",
          "https://evil.example",
          "http://127.0.0.1:1",
          "V7",
          "V8",
          "v7",
          "US",
          "EU",
          "refreshToken",
          "accessToken");

  private Fuzz() {}

  static long seed(Class<?> test) {
    Long given = Long.getLong("fuzz.seed");
    return given != null ? given : test.getSimpleName().hashCode();
  }

  static int iterations(int inCi) {
    return Integer.getInteger("fuzz.iterations", inCi);
  }

  static <T> T pick(Random random, List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  static String string(Random random) {
    return switch (random.nextInt(8)) {
      case 0, 1 -> pick(random, NASTY_STRINGS);
      case 2 -> digits(random, random.nextInt(25));
      case 3 -> ascii(random, random.nextInt(40));
      case 4 -> unicode(random, random.nextInt(20));
      case 5 -> String.valueOf(random.nextLong());
      case 6 -> "x".repeat(1 + random.nextInt(20_000));
      default ->
          mutate(random, pick(random, NASTY_STRINGS) + digits(random, 1 + random.nextInt(19)));
    };
  }

  static String digits(Random random, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  static String ascii(Random random, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append((char) random.nextInt(128));
    }
    return out.toString();
  }

  /** Any code point, control characters, lone surrogates and non-BMP ones included. */
  static String unicode(Random random, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(4);
      if (kind == 0) {
        out.append((char) random.nextInt(0x10000));
      } else if (kind == 1) {
        out.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
      } else {
        out.append((char) (0x20 + random.nextInt(0x2000)));
      }
    }
    return out.toString();
  }

  /** One random edit: cut, delete, insert, replace or duplicate a stretch. */
  static String mutate(Random random, String text) {
    if (text.isEmpty()) {
      return unicode(random, 1 + random.nextInt(3));
    }
    int at = random.nextInt(text.length());
    return switch (random.nextInt(5)) {
      case 0 -> text.substring(0, at);
      case 1 ->
          text.substring(0, at)
              + text.substring(Math.min(text.length(), at + 1 + random.nextInt(5)));
      case 2 ->
          text.substring(0, at)
              + pick(
                  random,
                  List.of(
                      "\"", "{", "}", "[", "]", ",", ":", "\\", "\u0000", "é", "\n", "null",
                      "1e999"))
              + text.substring(at);
      case 3 -> text.substring(0, at) + (char) random.nextInt(0x3000) + text.substring(at + 1);
      default ->
          text.substring(0, at)
              + text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(30)))
                  .repeat(2 + random.nextInt(3))
              + text.substring(at);
    };
  }

  /** Any JSON-like value, as FEEL or a careless modeler might produce it. */
  static Object value(Random random, int depth) {
    int kinds = depth > 0 ? 12 : 10;
    return switch (random.nextInt(kinds)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt(2000) - 1000;
      case 3 ->
          pick(random, List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, 4876876000001563018L));
      case 4 -> new BigInteger(70 + random.nextInt(60), random);
      case 5 -> new BigDecimal(random.nextGaussian() * 1e6);
      case 6 -> pick(random, List.of(1.5, -0.0, 1e308, 4.876876000001563E18, Double.MIN_VALUE));
      case 7, 8, 9 -> string(random);
      case 10 -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(
              pick(random, List.of("type", "meetingId", "code", "a", "", "data")),
              value(random, depth - 1));
        }
        yield map;
      }
      default -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(value(random, depth - 1));
        }
        yield list;
      }
    };
  }
}
