package dev.zohoconnect.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CancelMeetingTest extends EmulatorTestBase {

  @ParameterizedTest
  @ValueSource(strings = {"v7", "v8"})
  void cancelsAnUpcomingMeetingWithZohosExactSuccessBody(String version) throws IOException {
    putUpcomingMeeting(MEETING_ID);

    var answer = client.cancel(version, MEETING_ID, ZohoTestClient.mailBody(false), token);

    assertJsonAnswer(
        answer,
        200,
        """
                {"data":[{"code":"SUCCESS","details":{"id":"4876876000001563018"},\
                "message":"The event is successfully cancelled","status":"success"}]}""");
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isTrue();
    assertThat(client.getEvent(MEETING_ID, token).json().at("/data/0/$event_cancelled").asBoolean())
        .isTrue();
  }

  @Test
  void concurrentCancelsOfOneMeetingSucceedExactlyOnce() {
    putUpcomingMeeting(MEETING_ID);
    emulator.settings().globalLatency(Duration.ofMillis(50));

    List<Integer> statuses =
        IntStream.range(0, 6)
            .mapToObj(i -> client.cancelAsync(MEETING_ID, true, token))
            .toList()
            .stream()
            .map(call -> call.join().statusCode())
            .toList();

    assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 400);
    assertThat(emulator.counters().cancellations()).isEqualTo(1);
    assertThat(emulator.counters().mailsSent(ZohoCrmEmulator.DEFAULT_USER_ID)).isEqualTo(1);
    assertThat(emulator.counters().cancelCalls(MEETING_ID)).isEqualTo(6);
  }

  @Test
  void unknownMeetingIsInvalidDataInsideData() throws IOException {
    var answer = client.cancel("4876876000009999999", false, token);

    assertJsonAnswer(
        answer,
        400,
        """
                {"data":[{"code":"INVALID_DATA","details":{"id":"4876876000009999999"},\
                "message":"the id given seems to be invalid","status":"error"}]}""");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "12345678901234567890", "-42", "4876876000001563018x"})
  void malformedIdIsInvalidDataToo(String id) throws IOException {
    var answer = client.cancel(id, false, token);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().path("code").asText()).isEqualTo("INVALID_DATA");
    assertThat(answer.error().path("details").path("id").asText()).isEqualTo(id);
    assertThat(answer.json().has("data")).isTrue();
  }

  @Test
  void alreadyCancelledMeetingIsNotAllowedWithoutReason() throws IOException {
    emulator.meetings().put(emulator.upcomingMeeting(MEETING_ID).cancelled(true).build());

    var answer = client.cancel(MEETING_ID, false, token);

    assertJsonAnswer(
        answer,
        400,
        """
                {"data":[{"code":"NOT_ALLOWED","details":{},\
                "message":"The event is already cancelled","status":"error"}]}""");
  }

  @Test
  void meetingWithoutInvitedParticipantsIsNotAllowed() throws IOException {
    emulator.meetings().put(emulator.upcomingMeeting(MEETING_ID).nobodyInvited().build());
    emulator.meetings().put(emulator.upcomingMeeting("42").noParticipants().build());

    var nobodyInvited = client.cancel(MEETING_ID, false, token);
    var noParticipants = client.cancel("42", false, token);

    assertJsonAnswer(
        nobodyInvited,
        400,
        """
                {"data":[{"code":"NOT_ALLOWED","details":{"reason":"no_participants_invited","id":"4876876000001563018"},\
                "message":"You cannot cancel the event without inviting participants","status":"error"}]}""");
    assertThat(noParticipants.error().path("details").path("reason").asText())
        .isEqualTo("no_participants_invited");
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
  }

  @Test
  void meetingWhoseEndPassedOnTheEmulatorClockIsCompleted() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    moveClockTo(emulator.meetings().get(MEETING_ID).end().toInstant());

    var answer = client.cancel(MEETING_ID, false, token);

    assertJsonAnswer(
        answer,
        400,
        """
                {"data":[{"code":"NOT_ALLOWED","details":{"reason":"completed_meeting","id":"4876876000001563018"},\
                "message":"You cannot cancel the meeting after the meeting end time","status":"error"}]}""");
  }

  @Test
  void meetingStillRunningCanBeCancelled() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    moveClockTo(emulator.meetings().get(MEETING_ID).end().toInstant().minus(Duration.ofSeconds(1)));

    assertThat(client.cancel(MEETING_ID, false, token).status()).isEqualTo(200);
  }

  @Test
  void missingSendCancellingMailIsMandatoryNotFound() throws IOException {
    putUpcomingMeeting(MEETING_ID);

    var answer = client.cancel("v7", MEETING_ID, "{\"data\":[{}]}", token);

    assertJsonAnswer(
        answer,
        400,
        """
                {"data":[{"code":"MANDATORY_NOT_FOUND","details":{"api_name":"send_cancelling_mail",\
                "json_path":"$.data[0].send_cancelling_mail"},"message":"required field not found","status":"error"}]}""");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"true\"", "1", "{}"})
  void nonBooleanSendCancellingMailIsInvalidData(String value) throws IOException {
    putUpcomingMeeting(MEETING_ID);

    var answer =
        client.cancel(
            "v7", MEETING_ID, "{\"data\":[{\"send_cancelling_mail\":" + value + "}]}", token);

    assertJsonAnswer(
        answer,
        400,
        """
                {"data":[{"code":"INVALID_DATA","details":{"api_name":"send_cancelling_mail",\
                "json_path":"$.data[0].send_cancelling_mail","expected_data_type":"boolean"},\
                "message":"invalid data","status":"error"}]}""");
  }

  @Test
  void unreadableBodyIsTopLevelInvalidData() throws IOException {
    putUpcomingMeeting(MEETING_ID);

    var answer = client.cancel("v7", MEETING_ID, "{\"data\":[{\"send_cancelling_mail\":", token);

    assertJsonAnswer(
        answer,
        400,
        """
                {"code":"INVALID_DATA","details":{},"message":"invalid data","status":"error"}""");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{}", "{\"data\":[]}", "{\"data\":{\"send_cancelling_mail\":true}}", "[]"})
  void bodyWithoutDataArrayIsTopLevelInvalidData(String body) throws IOException {
    putUpcomingMeeting(MEETING_ID);

    var answer = client.cancel("v7", MEETING_ID, body, token);

    assertJsonAnswer(
        answer,
        400,
        """
                {"code":"INVALID_DATA","details":{"api_name":"data","json_path":"$.data","expected_data_type":"jsonarray"},\
                "message":"invalid data","status":"error"}""");
  }

  @Test
  void v8CancelledByWithoutMailIsDependentMismatch() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    String body =
        "{\"data\":[{\"send_cancelling_mail\":false,\"cancelled_by\":{\"id\":\"4876876000000225001\"}}]}";

    var answer = client.cancel("v8", MEETING_ID, body, token);

    assertJsonAnswer(
        answer,
        400,
        """
                {"data":[{"code":"DEPENDENT_MISMATCH","details":{"dependee":{"api_name":"send_cancelling_mail",\
                "json_path":"$.data[0].send_cancelling_mail"},"api_name":"cancelled_by",\
                "json_path":"$.data[0].cancelled_by"},"message":"dependent field mismatch","status":"error"}]}""");
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
  }

  @Test
  void v8CancelledByWithMailCancels() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    String body =
        "{\"data\":[{\"send_cancelling_mail\":true,\"cancelled_by\":{\"id\":\"4876876000000225001\"}}]}";

    assertThat(client.cancel("v8", MEETING_ID, body, token).status()).isEqualTo(200);
  }

  @Test
  void v7IgnoresCancelledBy() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    String body = "{\"data\":[{\"send_cancelling_mail\":false,\"cancelled_by\":{\"id\":\"1\"}}]}";

    assertThat(client.cancel("v7", MEETING_ID, body, token).status()).isEqualTo(200);
  }

  @Test
  void lockedMeetingCannotBeActedOn() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    emulator
        .users()
        .update(ZohoCrmEmulator.DEFAULT_USER_ID, user -> user.withLockedRecords(MEETING_ID));

    var answer = client.cancel(MEETING_ID, false, token);

    assertJsonAnswer(
        answer,
        400,
        """
                {"data":[{"code":"CANNOT_PERFORM_ACTION","details":{},\
                "message":"you do not have permission to perform this action","status":"error"}]}""");
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
  }

  @Test
  void userWithoutEditPermissionGetsNoPermissionWithDocumentedStatus400() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    emulator
        .users()
        .update(ZohoCrmEmulator.DEFAULT_USER_ID, user -> user.withEditPermission(false));

    var answer = client.cancel(MEETING_ID, false, token);

    assertJsonAnswer(
        answer,
        400,
        """
                {"code":"NO_PERMISSION","details":{"permissions":["Crm_Implied_Edit_Events"]},\
                "message":"permission denied","status":"error"}""");
  }

  @Test
  void noPermissionStatusCanFollowTheOpenApiFile() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    emulator
        .users()
        .update(ZohoCrmEmulator.DEFAULT_USER_ID, user -> user.withEditPermission(false));
    emulator.settings().noPermissionStatus(403);

    var answer = client.cancel(MEETING_ID, false, token);

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.error().path("code").asText()).isEqualTo("NO_PERMISSION");
  }

  @Test
  void userWithoutEditPermissionMayStillReadTheMeeting() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    emulator
        .users()
        .update(ZohoCrmEmulator.DEFAULT_USER_ID, user -> user.withEditPermission(false));

    assertThat(client.getEvent(MEETING_ID, token).status()).isEqualTo(200);
  }
}
