package dev.tokensandbox.backend.http;

import dev.tokensandbox.protocol.DeviceProtocol;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * In LAN mode, control routes answer only to this machine or to a client that sends the pairing
 * code shown on the desktop ({@code X-Pairing-Code} header or {@code pairingCode} query).
 *
 * <p>The six-digit code resists guessing: a peer gets {@link #MAX_FAILURES_PER_PEER} wrong codes
 * per {@link #WINDOW_SECONDS} s, then 429 with {@code Retry-After} (its guesses are not even
 * compared); after {@link #ROTATE_AFTER} wrong codes from anyone the code is replaced by a new one,
 * and listeners hear when and why. Codes are compared in constant time. With these limits a guesser
 * has 20 tries at one code in a million before it changes.
 */
public final class PairingCheck {
  /** Wrong codes a peer may send per window before it must wait. */
  public static final int MAX_FAILURES_PER_PEER = 5;

  /** The window of {@link #MAX_FAILURES_PER_PEER}, in seconds. */
  public static final int WINDOW_SECONDS = 60;

  /** Wrong codes, from all peers, after which the code is replaced. */
  public static final int ROTATE_AFTER = 20;

  private static final int MAX_PEERS_TRACKED = 1024;

  /** The code was replaced: when, and why. */
  public record Rotation(Instant at, int wrongCodes, String reason) {}

  /** What a request's pairing code earned it. */
  public sealed interface Verdict {
    /** This machine, or the right code. */
    record Accepted() implements Verdict {}

    /** No code or a wrong one. */
    record Refused() implements Verdict {}

    /** Too many wrong codes from this peer: wait this long. */
    record Throttled(long retryAfterSeconds) implements Verdict {}
  }

  private final RandomGenerator random;
  private final LongSupplier nanoTime;
  private final Clock clock;
  private final List<Consumer<Rotation>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, ArrayDeque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true);
  private volatile String code;
  private int wrongSinceRotation;
  private Rotation lastRotation;

  /** {@code nanoTime} paces the throttle; {@code clock} dates rotations; codes come from random. */
  public PairingCheck(RandomGenerator random, LongSupplier nanoTime, Clock clock) {
    this(random, nanoTime, clock, null);
  }

  /**
   * With {@code fixedCode} (6 digits, e.g. from {@code $TOKEN_SANDBOX_PAIRING_CODE} for a CI
   * service container) the code is that one and is never rotated: the per-peer throttle still
   * holds, and whoever chose the code keeps it working.
   */
  public PairingCheck(
      RandomGenerator random, LongSupplier nanoTime, Clock clock, String fixedCode) {
    if (fixedCode != null && !fixedCode.matches("\\d{6}")) {
      throw new IllegalArgumentException("a pairing code is 6 digits");
    }
    this.random = random;
    this.nanoTime = nanoTime;
    this.clock = clock;
    this.fixed = fixedCode != null;
    this.code = fixed ? fixedCode : newCode();
  }

  private final boolean fixed;

  /** The code a device must send now. */
  public String code() {
    return code;
  }

  /** The last rotation, if the code has been replaced since the start. */
  public synchronized java.util.Optional<Rotation> lastRotation() {
    return java.util.Optional.ofNullable(lastRotation);
  }

  /** Hears each rotation (on the thread of the request that caused it). */
  public Runnable onRotation(Consumer<Rotation> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** A before-handler: 401 without the code, 429 while throttled. */
  public void check(Context ctx) {
    String given = ctx.header(DeviceProtocol.PAIRING_HEADER);
    if (given == null) {
      given = ctx.queryParam(DeviceProtocol.PAIRING_QUERY);
    }
    Verdict verdict = verdict(ctx.req().getRemoteAddr(), given);
    if (verdict instanceof Verdict.Throttled throttled) {
      throw ApiError.tooManyRequests(
          throttled.retryAfterSeconds(),
          "too many wrong pairing codes from this address: wait "
              + throttled.retryAfterSeconds()
              + " s, then send the code shown on the desktop");
    }
    if (verdict instanceof Verdict.Refused) {
      throw new ApiError(
          401,
          "pairing_required",
          DeviceProtocol.PAIRING_HEADER,
          "this sandbox is on the LAN: send the pairing code shown on the desktop");
    }
  }

  /** Judges a request from {@code remoteAddress} that sent {@code given} (may be null). */
  public Verdict verdict(String remoteAddress, String given) {
    if (isLoopback(remoteAddress)) {
      return new Verdict.Accepted();
    }
    Rotation rotated = null;
    Verdict verdict;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      ArrayDeque<Long> recent = failures.get(remoteAddress);
      if (recent != null) {
        long window = TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
        while (!recent.isEmpty() && now - recent.peekFirst() >= window) {
          recent.pollFirst();
        }
        if (recent.size() >= MAX_FAILURES_PER_PEER) {
          long wait = window - (now - recent.peekFirst());
          return new Verdict.Throttled(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait) + 1));
        }
      }
      if (given != null
          && MessageDigest.isEqual(
              code.getBytes(StandardCharsets.UTF_8),
              given.strip().getBytes(StandardCharsets.UTF_8))) {
        return new Verdict.Accepted();
      }
      if (given == null || given.isBlank()) {
        return new Verdict.Refused(); // no guess: nothing to count
      }
      if (recent == null) {
        recent = new ArrayDeque<>();
        failures.put(remoteAddress, recent);
        if (failures.size() > MAX_PEERS_TRACKED) {
          failures.remove(failures.keySet().iterator().next());
        }
      }
      recent.addLast(now);
      verdict = new Verdict.Refused();
      if (++wrongSinceRotation >= ROTATE_AFTER && !fixed) {
        code = newCode();
        rotated =
            new Rotation(
                clock.instant(),
                wrongSinceRotation,
                wrongSinceRotation + " wrong pairing codes: a new code was made");
        lastRotation = rotated;
        wrongSinceRotation = 0;
      }
    }
    if (rotated != null) {
      for (Consumer<Rotation> listener : listeners) {
        listener.accept(rotated);
      }
    }
    return verdict;
  }

  /** True for this machine, or for a client that sent the right code (may be null). */
  public boolean accepts(String remoteAddress, String given) {
    return verdict(remoteAddress, given) instanceof Verdict.Accepted;
  }

  private String newCode() {
    return String.format("%06d", random.nextInt(1_000_000));
  }

  public static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
