package dev.tokensandbox.client.session;

import dev.tokensandbox.client.rtc.SdkProfile;
import java.time.Duration;

/**
 * The app's renewal rules.
 *
 * @param trigger which callbacks make the app fetch a new token
 * @param reactionDelay how long the app takes to react to a callback (a busy or backgrounded app)
 * @param backoff retries within one renewal
 * @param singleFlight join a fetch already in flight instead of starting another
 * @param timerBasis for flows without an RTC engine (JWTs): how the app decides when the token runs
 *     out
 * @param sdk the RTC SDK generation the app is built with: what it does after the kick, and whether
 *     it learns the outcome of a renewal
 */
public record RenewalPolicy(
    Trigger trigger,
    Duration reactionDelay,
    Backoff backoff,
    boolean singleFlight,
    TimerBasis timerBasis,
    SdkProfile sdk) {

  public enum Trigger {
    WILL_EXPIRE,
    REQUEST_TOKEN,
    BOTH;

    boolean onWillExpire() {
      return this != REQUEST_TOKEN;
    }

    boolean onRequestToken() {
      return this != WILL_EXPIRE;
    }
  }

  /** How a JWT session times its renewal. */
  public enum TimerBasis {
    /** From the backend's {@code expiresIn}: immune to a wrong device clock. */
    EXPIRES_IN,
    /** From the token's own {@code exp} claim read against the device clock. */
    TOKEN_EXP
  }

  /** Renew on both callbacks, at once, standard backoff, single flight. */
  public static RenewalPolicy recommended() {
    return new RenewalPolicy(
        Trigger.BOTH,
        Duration.ZERO,
        Backoff.standard(),
        true,
        TimerBasis.EXPIRES_IN,
        SdkProfile.V4_6);
  }

  public RenewalPolicy withTrigger(Trigger t) {
    return new RenewalPolicy(t, reactionDelay, backoff, singleFlight, timerBasis, sdk);
  }

  public RenewalPolicy withReactionDelay(Duration d) {
    return new RenewalPolicy(trigger, d, backoff, singleFlight, timerBasis, sdk);
  }

  public RenewalPolicy withBackoff(Backoff b) {
    return new RenewalPolicy(trigger, reactionDelay, b, singleFlight, timerBasis, sdk);
  }

  public RenewalPolicy withSingleFlight(boolean s) {
    return new RenewalPolicy(trigger, reactionDelay, backoff, s, timerBasis, sdk);
  }

  public RenewalPolicy withTimerBasis(TimerBasis b) {
    return new RenewalPolicy(trigger, reactionDelay, backoff, singleFlight, b, sdk);
  }

  public RenewalPolicy withSdk(SdkProfile p) {
    return new RenewalPolicy(trigger, reactionDelay, backoff, singleFlight, timerBasis, p);
  }
}
