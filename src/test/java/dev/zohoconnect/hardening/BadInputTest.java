package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import io.camunda.connector.api.error.ConnectorInputException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input the runtime's binding reports without saying where: the connector's input error names
 * the field, so the incident in Operate points at the template property to fix. No call is made.
 */
class BadInputTest extends ZohoWireTest {

  static Stream<Arguments> valuesJacksonReportsWithoutTheirField() {
    return Stream.of(
        Arguments.of(
            "options",
            "readTimeoutSeconds",
            new BigInteger("99999999999999999999"),
            "options.readTimeoutSeconds"),
        Arguments.of("options", "connectTimeoutSeconds", 1e308, "options.connectTimeoutSeconds"),
        Arguments.of(
            "meeting", "meetingId", List.of("4876876000001563018", "1"), "meeting.meetingId"),
        Arguments.of("meeting", "meetingId", List.of(List.of("1")), "meeting.meetingId"),
        Arguments.of("authentication", "clientId", List.of(1, 2), "authentication.clientId"),
        Arguments.of("options", "cancelledBy", List.of(true), "options.cancelledBy"));
  }

  @ParameterizedTest(name = "{0}.{1} = {2}")
  @MethodSource("valuesJacksonReportsWithoutTheirField")
  void theInputErrorNamesTheField(String section, String field, Object value, String path) {
    Map<String, Object> vars = variables();
    section(vars, section).put(field, value);

    Throwable error = catchThrowable(() -> cancel(vars));

    assertThat(error).isInstanceOf(ConnectorInputException.class);
    assertThat(error.getMessage()).startsWith(path);
    assertThat(zoho.getAllServeEvents()).as("no call reaches Zoho").isEmpty();
  }

  /**
   * Zeebe keeps a whole FEEL number beyond 64 bits wrapped around: =98765432109876543210 reaches
   * the connector as 6531711741328785130, the id of some other meeting. An id is accepted as text
   * only, so no number, wrapped or not, can cancel the wrong meeting.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("numericIds")
  void aMeetingIdGivenAsANumberIsRefusedBeforeAnyCall(Object id) {
    Map<String, Object> vars = variables();
    section(vars, "meeting").put("meetingId", id);

    Throwable error = catchThrowable(() -> cancel(vars));

    assertThat(error).isInstanceOf(ConnectorInputException.class);
    assertThat(error.getMessage()).startsWith("meeting.meetingId").contains("=string(meetingId)");
    assertThat(zoho.getAllServeEvents()).as("no call reaches Zoho").isEmpty();
  }

  static Stream<Object> numericIds() {
    return Stream.of(
        6531711741328785130L, 4876876000001563018L, new BigInteger("98765432109876543210"), 1.5);
  }
}
