package dev.tokensandbox.protocol;

import java.time.Duration;
import java.time.Instant;

/**
 * LAN mode's pairing code was locked after too many wrong codes: when, until when, after how many.
 * The QR link's secret and devices that already paired still get in.
 */
public record PairingLock(Instant at, Instant until, int wrongCodes) {
  /** One line for a log or a status bar. */
  public String describe() {
    return wrongCodes
        + " wrong pairing codes: typing the code is locked for "
        + Duration.between(at, until).toMinutes()
        + " min; pair with the QR code (its link carries the pairing secret) or wait";
  }
}
