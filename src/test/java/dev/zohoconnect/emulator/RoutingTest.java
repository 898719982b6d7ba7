package dev.zohoconnect.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.emulator.crm.MeetingOwner;
import dev.zohoconnect.emulator.crm.Participant;
import dev.zohoconnect.emulator.oauth.Scopes;
import java.io.IOException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingTest extends EmulatorTestBase {

  private static final String INVALID_URL_PATTERN =
      """
            {"code":"INVALID_URL_PATTERN","details":{},\
            "message":"Please check if the URL trying to access is a correct one","status":"error"}""";
  private static final String INVALID_REQUEST_METHOD =
      """
            {"code":"INVALID_REQUEST_METHOD","details":{},"message":"The request method is incorrect.","status":"error"}""";

  @Test
  void getReturnsTheRecordInZohosShape() throws IOException {
    emulator
        .meetings()
        .put(
            emulator
                .upcomingMeeting(MEETING_ID)
                .title("Quarterly review")
                .start(OffsetDateTime.parse("2030-05-20T10:00:00+05:30"))
                .end(OffsetDateTime.parse("2030-05-20T11:00:00+05:30"))
                .noParticipants()
                .participant(
                    new Participant(
                        "4876876000000624001", "contact", "ted@example.com", "Ted", true))
                .owner(
                    new MeetingOwner(
                        "4876876000000225001", "Emulator Admin", "admin@emulator.example"))
                .build());

    var answer = client.getEvent(MEETING_ID, token);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).isEqualTo(JSON);
    assertThat(answer.body())
        .isEqualTo(
            """
                {"data":[{"id":"4876876000001563018","Event_Title":"Quarterly review",\
                "Start_DateTime":"2030-05-20T10:00:00+05:30","End_DateTime":"2030-05-20T11:00:00+05:30",\
                "Participants":[{"participant":"4876876000000624001","type":"contact","Email":"ted@example.com",\
                "name":"Ted","invited":true}],\
                "Owner":{"name":"Emulator Admin","id":"4876876000000225001","email":"admin@emulator.example"},\
                "$event_cancelled":false}]}""");
  }

  @Test
  void getOfAnUnknownMeetingIsNoContent() throws IOException {
    var answer = client.getEvent("4876876000009999999", token);

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
  }

  @Test
  void getOfAMalformedIdIsInvalidData() throws IOException {
    var answer = client.getEvent("not-an-id", token);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().path("code").asText()).isEqualTo("INVALID_DATA");
  }

  @Test
  void readOnlyScopeMayGetButNotCancel() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    String readOnly =
        emulator.issueAccessToken(ZohoCrmEmulator.DEFAULT_USER_ID, Scopes.EVENTS_READ);

    assertThat(client.getEvent(MEETING_ID, readOnly).status()).isEqualTo(200);
    assertThat(client.cancel(MEETING_ID, false, readOnly).status()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v2", "v6", "v9", "v2.1"})
  void otherApiVersionsAreNotSupported(String version) throws IOException {
    var answer = client.cancel(version, MEETING_ID, ZohoTestClient.mailBody(false), token);

    assertJsonAnswer(
        answer,
        400,
        """
                {"code":"API_NOT_SUPPORTED","details":{},\
                "message":"the given API version is not supported","status":"error"}""");
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /crm/v7/Events/4876876000001563018/actions/cancel",
    "PUT, /crm/v8/Events/4876876000001563018/actions/cancel",
    "DELETE, /crm/v7/Events/4876876000001563018",
    "POST, /crm/v7/Events/4876876000001563018",
    "GET, /oauth/v2/token"
  })
  void wrongMethodOnAKnownPathIsInvalidRequestMethod(String method, String path)
      throws IOException {
    var answer = client.send(method, path, ZohoTestClient.oauthHeader(token), null);

    assertJsonAnswer(answer, 400, INVALID_REQUEST_METHOD);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/crm/v7/Events/4876876000001563018/actions/delete",
        "/crm/v7/Event/4876876000001563018",
        "/crm/v7/Events",
        "/crm/latest/Events/4876876000001563018",
        "/",
        "/oauth/v2/auth"
      })
  void unknownUrlIsInvalidUrlPattern(String path) throws IOException {
    var answer =
        client.send(
            "POST", path, ZohoTestClient.oauthHeader(token), ZohoTestClient.mailBody(false));

    assertJsonAnswer(answer, 404, INVALID_URL_PATTERN);
  }

  @Test
  void routingErrorsComeBeforeAuthentication() throws IOException {
    assertThat(client.send("GET", "/crm/v7/Nope", null, null).status()).isEqualTo(404);
  }
}
