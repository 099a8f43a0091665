package dev.tokensandbox.app;

import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.protocol.Flow;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * What the screen shows, as one immutable snapshot: the backend and pairing, the control channel,
 * the login, the flow, policy and RTC SDK generation, the current token (fingerprint only) and when
 * it runs out, the engine or session state, the event list (newest last) and the last message.
 */
public final class AppState {
  public final String backendUrl;
  public final boolean paired;
  public final String control;
  public final String user;
  public final Flow flow;
  public final RenewalPolicy.Trigger trigger;
  public final SdkProfile sdk;
  public final String token;
  public final Instant expiresAt;
  public final String state;
  public final List<String> events;
  public final String message;
  public final boolean error;

  AppState(
      String backendUrl,
      boolean paired,
      String control,
      String user,
      Flow flow,
      RenewalPolicy.Trigger trigger,
      SdkProfile sdk,
      String token,
      Instant expiresAt,
      String state,
      List<String> events,
      String message,
      boolean error) {
    this.backendUrl = backendUrl;
    this.paired = paired;
    this.control = control;
    this.user = user;
    this.flow = flow;
    this.trigger = trigger;
    this.sdk = sdk;
    this.token = token;
    this.expiresAt = expiresAt;
    this.state = state;
    this.events = Collections.unmodifiableList(events);
    this.message = message;
    this.error = error;
  }

  /** "expires in 0:45", "expired 3 s ago", or "" without a token, as of {@code now}. */
  public String countdown(Instant now) {
    if (expiresAt == null || token.isEmpty()) {
      return "";
    }
    long s = Duration.between(now, expiresAt).getSeconds();
    if (s <= 0) {
      return "expired " + (-s) + " s ago";
    }
    return String.format(java.util.Locale.ROOT, "expires in %d:%02d", s / 60, s % 60);
  }
}
