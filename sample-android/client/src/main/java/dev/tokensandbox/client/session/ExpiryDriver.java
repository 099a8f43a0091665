package dev.tokensandbox.client.session;

import dev.tokensandbox.client.backend.FetchedToken;
import dev.tokensandbox.client.rtc2.RtcEngine;
import java.time.Duration;
import java.time.Instant;

/**
 * How a session puts a fetched token in effect and learns that it runs out: the RTC engine decides
 * ({@link EngineDriver}: join, {@code renewToken}, the SDK's callbacks) or the session times the
 * token itself ({@link TimerDriver}, the JWT flows). The session owns fetching, retries and
 * single-flight; the driver owns everything after a token arrives.
 */
interface ExpiryDriver {
  /** Puts {@code token}, fetched by renewal {@code r}, in effect; ends or retries {@code r}. */
  void apply(Renewal r, FetchedToken token);

  /** When the token in effect runs out on this device's clock; null before the first. */
  Instant expiresAt();

  /** The engine of an RTC flow; null when the session keeps time itself. */
  RtcEngine engine();

  /** The engine's last {@code CONNECTION_STATE_*}; 0 when the session keeps time itself. */
  int connectionState();

  /** Leaves the channel or cancels the timers. */
  void stop();

  /** What a driver reports back to its session. */
  interface Session {
    RenewalPolicy policy();

    SessionStats stats();

    void emit(EventKind kind, String detail, int attempt);

    /** The token now in effect (the driver accepted it). */
    void inEffect(FetchedToken token);

    FetchedToken inEffect();

    /** Renewal {@code r} is over: its token is in effect. */
    void done(Renewal r);

    /** Renewal {@code r} failed: retry it (if {@code retryable} and attempts remain) or give up. */
    void failed(Renewal r, boolean retryable, String why, Duration floor);

    /** The token needs renewing ({@code why}: will-expire, request-token, expired). */
    void renewalNeeded(String why);
  }
}
