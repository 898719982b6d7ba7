/**
 * A local Zoho CRM for developing and testing the cancel-meeting connector without a Zoho account.
 *
 * <p>Its own source root and jar ({@code <artifact>-<version>-emulator.jar}, run with {@code java
 * -jar}): it must never end up in the connector jar. The tests see it on their classpath.
 *
 * <pre>{@code
 * try (ZohoCrmEmulator zoho = ZohoCrmEmulator.start()) {
 *     zoho.meetings().put(zoho.upcomingMeeting("4876876000001563018").build());
 *     // point the connector at zoho.baseUrl() (accounts URL and API domain alike), using
 *     // DEFAULT_CLIENT_ID / DEFAULT_CLIENT_SECRET / DEFAULT_REFRESH_TOKEN, or zoho.issueAccessToken()
 *     zoho.faults().enqueue(FaultTarget.CANCEL, Fault.answerLost());
 *     ...
 *     assertThat(zoho.counters().cancelCalls("4876876000001563018")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>The pieces: {@link dev.zohoconnect.emulator.ZohoCrmEmulator} (server, defaults, standalone
 * {@code main}); {@link dev.zohoconnect.emulator.EmulatorClock} (time that tests move); {@link
 * dev.zohoconnect.emulator.EmulatorSettings} (org limits, latency, {@code NO_PERMISSION} status);
 * {@link dev.zohoconnect.emulator.EmulatorCounters} (what happened); package {@code crm} (meetings,
 * users, mail quota), package {@code oauth} (clients, refresh and access tokens), package {@code
 * fault} (injected failures).
 */
package dev.zohoconnect.emulator;
