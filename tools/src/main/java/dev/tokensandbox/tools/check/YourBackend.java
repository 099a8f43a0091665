package dev.tokensandbox.tools.check;

import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.rtc.RtcService;
import dev.tokensandbox.client.session.TokenSource;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * An integrator's token server as the desktop's virtual devices use it: tokens come from its seed
 * routes, and an RTC service of the sandbox's own — started here with the integrator's App ID and
 * certificate, on loopback — checks them as the real one would. Close it to stop that service.
 */
public final class YourBackend implements AutoCloseable {
  private final CheckTarget target;
  private final SandboxServer service;
  private final BackendClient serviceClient;

  private YourBackend(CheckTarget target, dev.tokensandbox.backend.clock.SandboxTime time) {
    this.target = target;
    Workspace spare = Workspace.generate(new SecureRandom());
    this.service =
        SandboxServer.builder()
            .workspace(
                new Workspace(
                    target.appId(),
                    target.certificate(),
                    spare.chatsdkJwtSecret(),
                    spare.ringnityJwtSecret(),
                    spare.ringnityApiKey(),
                    spare.chatsdkApiKey()))
            .time(time)
            .port(0)
            .log(line -> {})
            .start();
    this.serviceClient = BackendClient.builder(service.url()).build();
  }

  /**
   * What is wrong with these inputs for a run against your backend, in one line, or empty: the URL
   * must be http(s), the flow RTC, App ID and certificate 32 hex digits each.
   */
  public static Optional<String> problem(CheckTarget t) {
    if (!t.baseUrl().startsWith("http://") && !t.baseUrl().startsWith("https://")) {
      return Optional.of(
          "Your backend: the URL must start with http:// or https:// (e.g. http://localhost:3000).");
    }
    if (t.flow() == null || !t.flow().isRtc()) {
      return Optional.of(
          "Your backend: a virtual device against it needs an RTC flow (Shengwang or Gin);"
              + " check Ringnity and ChatSDK servers with `check`.");
    }
    if (blank(t.appId()) || blank(t.certificate())) {
      return Optional.of(
          "Your backend: give its App ID and App Certificate — the sandbox's RTC service checks"
              + " your tokens with them.");
    }
    if (!t.appId().matches("[0-9a-fA-F]{32}") || !t.certificate().matches("[0-9a-fA-F]{32}")) {
      return Optional.of("Your backend: App ID and App Certificate are 32 hex digits each.");
    }
    return Optional.empty();
  }

  /** Starts the checking service on the real clock; the inputs must have no {@link #problem}. */
  public static YourBackend open(CheckTarget target) {
    return open(
        target, new dev.tokensandbox.backend.clock.SandboxTime(java.time.Clock.systemUTC()));
  }

  /** Starts the checking service with {@code time} as its clock (tests: a virtual one). */
  public static YourBackend open(
      CheckTarget target, dev.tokensandbox.backend.clock.SandboxTime time) {
    problem(target)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
    return new YourBackend(target, time);
  }

  public CheckTarget target() {
    return target;
  }

  /**
   * Where a device gets its tokens from your backend: the seed's route for the flow, asked as the
   * seed's clients ask it — no sandbox login (your server has none). The one way the lab, the
   * Devices screen and {@code check} reach your backend, so a route that works in one works in all.
   */
  public TokenSource tokenSource(BackendClient client, RtcTokenQuery who) {
    return TokenSource.backend(client, target.flow(), who, null, null);
  }

  /** The RTC service that checks your backend's tokens. */
  public RtcService rtcService() {
    return RtcService.backend(serviceClient);
  }

  @Override
  public void close() {
    service.close();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
