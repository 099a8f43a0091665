package dev.tokensandbox.backend.internal.http;

import dev.tokensandbox.protocol.DeviceProtocol;
import dev.tokensandbox.protocol.PairingLock;
import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * In LAN mode, control routes answer only to this machine or to a client that sends a pairing
 * credential ({@code X-Pairing-Code} header or {@code pairingCode} query): the long pairing secret
 * the QR link carries, or the six-digit code shown on the desktop for typing.
 *
 * <p>The threat is a guesser on the LAN with as many addresses as it likes. The secret (192 random
 * bits) cannot be guessed and is never throttled, so a phone paired by QR is never locked out. The
 * six-digit code is guarded twice: a peer ({@code /64} for IPv6, where one host owns billions of
 * addresses) gets {@link #MAX_FAILURES_PER_PEER} wrong credentials per {@link #WINDOW_SECONDS} s,
 * and all peers together get {@link #GLOBAL_BUDGET} wrong codes; then the code is locked for {@link
 * #LOCK_SECONDS} s — refused from everyone except addresses that already paired with it — and
 * listeners hear of the lock. The budget does not depend on the number of addresses, so guessing is
 * held to {@value #GLOBAL_BUDGET} tries per {@value #LOCK_SECONDS} s (under 0.3 % of the codes a
 * day). The code is never replaced: a phone that typed it keeps it. Credentials are compared in
 * constant time.
 */
public final class PairingCheck {
  /** Wrong credentials a peer may send per window before it must wait. */
  public static final int MAX_FAILURES_PER_PEER = 5;

  /** The window of {@link #MAX_FAILURES_PER_PEER}, in seconds. */
  public static final int WINDOW_SECONDS = 60;

  /** Wrong codes, from all peers together, after which the code is locked. */
  public static final int GLOBAL_BUDGET = 20;

  /** How long the code stays locked once the budget is spent, in seconds. */
  public static final int LOCK_SECONDS = 600;

  /** Random bytes of the pairing secret (base64url: 32 characters). */
  public static final int SECRET_BYTES = 24;

  private static final int MAX_PEERS_TRACKED = 1024;
  private static final int MAX_PAIRED_REMEMBERED = 64;

  /** What a request's pairing credential earned it. */
  public sealed interface Verdict {
    /** This machine, the secret, or the right code. */
    record Accepted() implements Verdict {}

    /** No credential or a wrong one. */
    record Refused() implements Verdict {}

    /** Too many wrong credentials from this peer, or the code is locked: wait this long. */
    record Throttled(long retryAfterSeconds, boolean locked) implements Verdict {}
  }

  private final LongSupplier nanoTime;
  private final Clock clock;
  private final List<Consumer<PairingLock>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, ArrayDeque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, Boolean> paired = new LinkedHashMap<>(16, 0.75f, true);
  private final String code;
  private final String secret;
  private int wrongSinceUnlock;
  private long lockedUntilNanos;
  private boolean locked;
  private PairingLock lastLock;

  /** {@code nanoTime} paces the throttle; {@code clock} dates locks; code and secret are random. */
  public PairingCheck(RandomGenerator random, LongSupplier nanoTime, Clock clock) {
    this(random, nanoTime, clock, null);
  }

  /**
   * With {@code fixedCode} (6 digits, e.g. from {@code $TOKEN_SANDBOX_PAIRING_CODE} for a CI
   * service container) the code is that one; otherwise a random one. Either way it is never
   * replaced, and the throttle and the lock hold.
   */
  public PairingCheck(
      RandomGenerator random, LongSupplier nanoTime, Clock clock, String fixedCode) {
    if (fixedCode != null && !fixedCode.matches("\\d{6}")) {
      throw new IllegalArgumentException("a pairing code is 6 digits");
    }
    this.nanoTime = nanoTime;
    this.clock = clock;
    this.code = fixedCode != null ? fixedCode : String.format("%06d", random.nextInt(1_000_000));
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The six-digit code a person types. */
  public String code() {
    return code;
  }

  /** The long secret the QR link carries: it is never throttled nor locked. */
  public String secret() {
    return secret;
  }

  /** The lock in force now, if the code is locked. */
  public synchronized Optional<PairingLock> currentLock() {
    return locked && nanoTime.getAsLong() - lockedUntilNanos < 0
        ? Optional.of(lastLock)
        : Optional.empty();
  }

  /** Hears each lock (on the thread of the request that caused it). */
  public Runnable onLock(Consumer<PairingLock> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** A before-handler: 401 without a credential, 429 while throttled or locked. */
  public void check(Context ctx) {
    Verdict verdict =
        verdict(
            ctx.req().getRemoteAddr(),
            credential(
                ctx.header(DeviceProtocol.PAIRING_HEADER),
                ctx.queryParam(DeviceProtocol.PAIRING_QUERY)));
    if (verdict instanceof Verdict.Throttled throttled) {
      throw ApiError.tooManyRequests(throttled.retryAfterSeconds(), refusal(throttled));
    }
    if (verdict instanceof Verdict.Refused) {
      throw new ApiError(
          401,
          "pairing_required",
          DeviceProtocol.PAIRING_HEADER,
          "this sandbox is on the LAN: send the pairing code shown on the desktop");
    }
  }

  /**
   * The credential a request sent: the {@code X-Pairing-Code} header, else the {@code pairingCode}
   * query parameter (a client that cannot set headers), on HTTP routes and WebSockets alike.
   */
  public static String credential(String header, String query) {
    return header != null ? header : query;
  }

  /** What to tell a throttled or locked-out client. */
  public static String refusal(Verdict.Throttled throttled) {
    return throttled.locked()
        ? "the pairing code is locked after too many wrong codes from the network: wait "
            + throttled.retryAfterSeconds()
            + " s, or pair with the QR code shown on the desktop"
        : "too many wrong pairing codes from this address: wait "
            + throttled.retryAfterSeconds()
            + " s, then send the code shown on the desktop";
  }

  /** Judges a request from {@code remoteAddress} that sent {@code given} (may be null). */
  public Verdict verdict(String remoteAddress, String given) {
    if (isLoopback(remoteAddress)) {
      return new Verdict.Accepted();
    }
    String credential = given == null ? "" : given.strip();
    if (credential.length() > 6 && matches(secret, credential)) {
      return new Verdict.Accepted(); // unguessable: no throttle, no lock
    }
    PairingLock newLock = null;
    Verdict verdict;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      String peer = peerOf(remoteAddress);
      ArrayDeque<Long> recent = failures.get(peer);
      long window = TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
      if (recent != null) {
        while (!recent.isEmpty() && now - recent.peekFirst() >= window) {
          recent.pollFirst();
        }
        if (recent.size() >= MAX_FAILURES_PER_PEER) {
          return new Verdict.Throttled(secondsUntil(recent.peekFirst() + window, now), false);
        }
      }
      if (locked && now - lockedUntilNanos >= 0) {
        locked = false;
        wrongSinceUnlock = 0;
      }
      boolean right = credential.length() == 6 && matches(code, credential);
      if (right && (!locked || paired.containsKey(remoteAddress))) {
        remember(remoteAddress);
        return new Verdict.Accepted();
      }
      if (credential.isEmpty()) {
        return new Verdict.Refused(); // no guess: nothing to count
      }
      if (locked) {
        return new Verdict.Throttled(secondsUntil(lockedUntilNanos, now), true);
      }
      if (recent == null) {
        recent = new ArrayDeque<>();
        failures.put(peer, recent);
        if (failures.size() > MAX_PEERS_TRACKED) {
          failures.remove(failures.keySet().iterator().next());
        }
      }
      recent.addLast(now);
      verdict = new Verdict.Refused();
      if (++wrongSinceUnlock >= GLOBAL_BUDGET) {
        locked = true;
        lockedUntilNanos = now + TimeUnit.SECONDS.toNanos(LOCK_SECONDS);
        Instant at = clock.instant();
        newLock = new PairingLock(at, at.plusSeconds(LOCK_SECONDS), wrongSinceUnlock);
        lastLock = newLock;
      }
    }
    if (newLock != null) {
      for (Consumer<PairingLock> listener : listeners) {
        listener.accept(newLock);
      }
    }
    return verdict;
  }

  /** True for this machine, or for a client that sent a right credential (may be null). */
  public boolean accepts(String remoteAddress, String given) {
    return verdict(remoteAddress, given) instanceof Verdict.Accepted;
  }

  private void remember(String remoteAddress) {
    paired.put(remoteAddress, Boolean.TRUE);
    if (paired.size() > MAX_PAIRED_REMEMBERED) {
      paired.remove(paired.keySet().iterator().next());
    }
  }

  private static long secondsUntil(long deadlineNanos, long now) {
    return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadlineNanos - now) + 1);
  }

  private static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The unit a guesser is counted by: an IPv4 address, or an IPv6 address's {@code /64} (the
   * smallest network a host is given, so one host holds all of it).
   */
  static String peerOf(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return String.valueOf(address);
    }
    try {
      InetAddress parsed = InetAddress.getByName(address);
      if (parsed instanceof Inet6Address) {
        byte[] bytes = parsed.getAddress();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
          prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
          prefix.append(':');
        }
        return prefix.append(":/64").toString();
      }
      return parsed.getHostAddress(); // an IPv4-mapped address
    } catch (UnknownHostException | SecurityException e) {
      return address;
    }
  }

  public static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
