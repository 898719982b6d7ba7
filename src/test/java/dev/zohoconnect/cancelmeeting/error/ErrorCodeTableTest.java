package dev.zohoconnect.cancelmeeting.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.RetryPolicy;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The table of error codes is consistent, and what the connector derives from it stays put. */
class ErrorCodeTableTest {

  @Test
  void everyRowHasItsNamedConstantAndNoConstantLacksARow() {
    Map<String, String> constants =
        Arrays.stream(ErrorCodes.class.getFields())
            .filter(field -> field.getType() == String.class)
            .filter(field -> Modifier.isStatic(field.getModifiers()))
            .collect(Collectors.toMap(Field::getName, ErrorCodeTableTest::value));
    Map<String, String> rows =
        Arrays.stream(ErrorCode.values())
            .collect(Collectors.toMap(ErrorCode::name, ErrorCode::code));
    assertThat(constants).isEqualTo(rows);
  }

  @Test
  void zohosCodesComeFirstAndTheConnectorsOwnCarryItsPrefix() {
    // The README lists Zoho's codes, then its undocumented ones, then the connector's.
    ErrorCode[] rows = ErrorCode.values();
    int firstOwn = ErrorCode.CONNECTION_FAILED.ordinal();
    assertThat(Arrays.copyOfRange(rows, 0, firstOwn)).allMatch(ErrorCode::fromZoho);
    assertThat(Arrays.copyOfRange(rows, firstOwn, rows.length))
        .allMatch(row -> row.code().startsWith(ErrorCode.CONNECTOR_PREFIX));
  }

  @Test
  void everyRowSaysWhatHappenedAndWhatToDo() {
    assertThat(ErrorCode.values())
        .allMatch(row -> !row.httpStatus().isBlank())
        .allMatch(row -> !row.meaning().isBlank())
        .allMatch(row -> row.advice().endsWith("."));
  }

  @Test
  void transientCodesAreTheOnesRetried() {
    assertThat(ErrorCodes.TRANSIENT)
        .containsExactlyInAnyOrder(
            "INTERNAL_ERROR",
            "TOO_MANY_REQUESTS",
            "ZOHO_CONNECTION_FAILED",
            "ZOHO_TIMEOUT",
            "ZOHO_SERVER_ERROR",
            "ZOHO_INVALID_RESPONSE",
            "ZOHO_EXECUTION_STOPPED",
            "ZOHO_TOKEN_REJECTED",
            "ZOHO_OAUTH_RATE_LIMITED",
            "ZOHO_OAUTH_UNAVAILABLE",
            "ZOHO_CONCURRENCY_LIMIT_WAIT");
    assertThat(ErrorCodes.isTransient("SOME_NEW_ZOHO_CODE")).isFalse();
  }

  @Test
  void rateLimitsAreTheTwoThatWaitLonger() {
    assertThat(ErrorCode.values())
        .filteredOn(row -> ErrorCodes.isRateLimit(row.code()))
        .extracting(ErrorCode::code)
        .containsExactlyInAnyOrder("TOO_MANY_REQUESTS", "ZOHO_OAUTH_RATE_LIMITED");
    assertThat(ErrorCodes.isRateLimit("SOME_NEW_ZOHO_CODE")).isFalse();
    assertThat(ErrorCodes.isRateLimit(null)).as("no code, as the comparison it replaces").isFalse();
  }

  @Test
  void adviceComesFromTheRowOrSendsToZohosMessage() {
    assertThat(ErrorCode.adviceFor("API_NOT_SUPPORTED")).isEqualTo("Choose API version v7 or v8.");
    assertThat(ErrorCode.adviceFor("SOME_NEW_ZOHO_CODE"))
        .isEqualTo("See Zoho's message and details.");
  }

  @Test
  void theRetryPolicyAndTheErrorExpressionWaitTheSameJobBackoff() {
    assertThat(RetryPolicy.DEFAULT.jobBackoff()).isEqualTo(DefaultErrorExpression.JOB_BACKOFF);
    assertThat(DefaultErrorExpression.FEEL)
        .contains("then \"" + DefaultErrorExpression.JOB_BACKOFF + "\"")
        .contains("\"PT10S\"");
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }
}
