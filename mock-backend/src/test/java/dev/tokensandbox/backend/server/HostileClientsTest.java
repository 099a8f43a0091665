package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.internal.http.HeaderDeadline;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that try to hold the server hostage, on raw sockets: bodies and headers that stall, a
 * chunked flood, broken chunk framing, an SSE reader that stops reading. Each defence has a test
 * that fails without it. The combined run uses {@code hostile.sockets} slow sockets of each kind
 * (200 per build, 2,000 with {@code -Plong}).
 */
class HostileClientsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(1);

  private final List<Socket> sockets = new ArrayList<>();
  private ServerFixture sandbox;

  @AfterEach
  void close() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private ServerFixture start(SandboxServer.Builder builder) {
    sandbox = new ServerFixture(builder);
    return sandbox;
  }

  @Test
  void stalledBodiesHoldNoRequestThreadAndAreAnswered408() throws IOException {
    // One request thread: on a server that reads bodies on it, one stalled body stops everything.
    start(SandboxServer.builder().threads(SandboxServer.MIN_THREADS).requestDeadline(DEADLINE));
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      slow.add(open(postHead("/auth/login", "Content-Length: 10000") + "{\"username\":"));
    }
    OkHttpClient quick = client(Duration.ofMillis(800)); // answered well inside the deadline
    for (int i = 0; i < 20; i++) {
      assertThat(code(quick, "/ping")).isEqualTo(200);
    }
    for (Socket s : slow) {
      String answer = readAll(s);
      assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error\":\"request_timeout\"");
    }
    assertThat(journaled("auth.login")).isZero();
  }

  @Test
  void headersThatNeverFinishAreAnswered408WithinTheDeadline() throws IOException {
    start(SandboxServer.builder().requestDeadline(DEADLINE));
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      slow.add(open("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a"));
    }
    for (Socket s : slow) {
      s.setSoTimeout(10_000); // the idle timeout (60 s) would not have ended these yet
      assertThat(readAll(s))
          .startsWith("HTTP/1.1 408")
          .contains("\"field\":\"headers\"")
          .contains("application/json");
    }
  }

  @Test
  void emptyLinesBeforeARequestCountAgainstTheHeaderDeadline() throws Exception {
    start(SandboxServer.builder().requestDeadline(DEADLINE));
    Socket padder = open("\r\n");
    // A CRLF every 200 ms: each one would reset the idle timeout, and the parser stays at START.
    java.util.concurrent.ScheduledExecutorService drip =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      drip.scheduleAtFixedRate(
          () -> {
            try {
              padder.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
              // the server closed it: what this test waits for
            }
          },
          200,
          200,
          TimeUnit.MILLISECONDS);
      padder.setSoTimeout(10_000); // the idle timeout (60 s) would not have ended it yet
      long t0 = System.nanoTime();
      assertThat(readAll(padder)).startsWith("HTTP/1.1 408").contains("\"field\":\"headers\"");
      assertThat(Duration.ofNanos(System.nanoTime() - t0))
          .as("padding is held to the header deadline")
          .isLessThan(DEADLINE.multipliedBy(4));
    } finally {
      drip.shutdownNow();
    }
  }

  @Test
  void aConnectionIdleTimedOutIsClosedFullyEvenIfThePeerKeepsItsEndOpen() throws Exception {
    Duration idle = Duration.ofSeconds(5);
    start(SandboxServer.builder().idleTimeout(idle).requestDeadline(DEADLINE));
    Socket keeper =
        open("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); // keep-alive, never closed here
    keeper.setSoTimeout(10_000);
    assertThat(readAll(keeper)).startsWith("HTTP/1.1 200"); // then, after the idle timeout, a FIN
    assertThat(keeper.isClosed()).isFalse();

    // Jetty alone only shuts its output and waits another idle timeout (5 s) for the peer's FIN;
    // the reaper closes it after its grace and a sweep (2.25 s), with room for a loaded machine.
    assertThat(
            until(
                HeaderDeadline.HALF_CLOSED_GRACE.plus(DEADLINE),
                () -> sandbox.server.connections().open() == 0))
        .as("no connection left open on the server")
        .isTrue();
  }

  @Test
  void connectionsBeyondTheCapAreAnswered503InJson() throws Exception {
    start(SandboxServer.builder().maxConnections(20));
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      held.add(open("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
      held.get(i).getInputStream().readNBytes(12); // answered: the connection stays open
    }

    String refused =
        RawHttp.exchange(
            sandbox.server.port(),
            "GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertThat(RawHttp.status(refused)).isEqualTo(503);
    assertThat(refused).containsIgnoringCase("Retry-After: 1");
    assertThat(RawHttp.body(refused))
        .contains("\"error\":\"too_many_connections\"")
        .contains("20 connections are open");
    assertThat(sandbox.server.connections().refused()).isEqualTo(1);

    for (Socket s : held) {
      s.close();
    }
    assertThat(until(Duration.ofSeconds(10), () -> sandbox.server.connections().open() == 0))
        .isTrue();
    assertThat(sandbox.get("/ping").code()).isEqualTo(200);
  }

  /** Checks {@code condition} every 20 ms on a scheduler until it holds or {@code limit} passes. */
  private static boolean until(Duration limit, java.util.function.BooleanSupplier condition)
      throws Exception {
    java.util.concurrent.ScheduledExecutorService poll =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    CompletableFuture<Boolean> held = new CompletableFuture<>();
    try {
      poll.scheduleAtFixedRate(
          () -> {
            if (condition.getAsBoolean()) {
              held.complete(true);
            }
          },
          0,
          20,
          TimeUnit.MILLISECONDS);
      return held.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } finally {
      poll.shutdownNow();
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWhileItStreams() throws Exception {
    start(SandboxServer.builder());
    Socket s =
        open(
            postHead("/auth/login", "Transfer-Encoding: chunked")
                .replace("Content-Type", "X-Type"));
    CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAllUnchecked(s));
    byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    long sent = 0;
    try {
      OutputStream out = s.getOutputStream();
      for (int i = 0; i < 16 * 1024 && !answer.isDone(); i++) { // up to 128 MiB
        out.write(chunk);
        sent += 0x2000;
      }
    } catch (IOException closedByTheServer) {
      // expected: the server stops reading once the limit is passed
    }
    assertThat(answer.get(10, TimeUnit.SECONDS))
        .startsWith("HTTP/1.1 413")
        .contains("\"error\":\"payload_too_large\"")
        .contains("\"field\":\"body\"");
    assertThat(sent).as("bytes sent before the refusal").isLessThan(64L * 1024 * 1024);
    assertThat(journaled("auth.login")).isZero();
  }

  @Test
  void brokenChunkFramingIs400AndNothingHappens() throws IOException {
    start(SandboxServer.builder());
    int issued = sandbox.server.admin().tokens().size();
    for (String framing :
        List.of(
            "zz\r\nabc\r\n0\r\n\r\n",
            "-1\r\n\r\n",
            "3\r\nabc\r\n0\r\nX-Trailer: " + "t".repeat(70_000) + "\r\n\r\n")) {
      Socket s =
          open(
              "GET /api/agora/token?channelName=c&uid=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                  + framing);
      assertThat(readAll(s)).as(framing).startsWith("HTTP/1.1 400").contains("application/json");
    }
    assertThat(sandbox.server.admin().tokens()).hasSize(issued);
    assertThat(journaled("agora.rtc")).isZero();
  }

  @Test
  void anSseReaderThatStopsReadingSlowsNobody() throws IOException {
    start(SandboxServer.builder().threads(SandboxServer.MIN_THREADS));
    Socket reader = stalledJournalReader();
    OkHttpClient quick = client(Duration.ofSeconds(2));
    String body = "{\"username\":\"" + "x".repeat(4000) + "\",\"password\":\"wrong\"}";
    int requests = 5000;
    for (int i = 0; i < requests; i++) {
      assertThat(post(quick, "/auth/login", body)).isEqualTo(400); // username too long
      if (sandbox.server.journalSkippedByListeners() > 0 && i > 100) {
        break; // the reader's queue is full: it now skips entries instead of delaying anyone
      }
    }
    assertThat(sandbox.server.journalSkippedByListeners())
        .as("entries the stalled reader skipped")
        .isPositive();
    assertThat(reader.isClosed()).isFalse();
  }

  @Test
  void journalStreamsAreCappedAndEachHoldsAtMostItsQueue() throws IOException {
    start(SandboxServer.builder());
    // Requests that are not streams take no place.
    for (int i = 0; i < 2 * dev.tokensandbox.backend.internal.admin.SandboxApi.MAX_STREAMS; i++) {
      assertThat(sandbox.post("/sandbox/journal/stream", "{}").code()).isEqualTo(405);
    }
    List<Socket> readers = new ArrayList<>();
    for (int i = 0; i < dev.tokensandbox.backend.internal.admin.SandboxApi.MAX_STREAMS; i++) {
      readers.add(stalledJournalReader());
    }

    String refused =
        RawHttp.exchange(
            sandbox.server.port(),
            "GET /sandbox/journal/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\nConnection: close\r\n\r\n");
    assertThat(RawHttp.status(refused)).isEqualTo(503);
    assertThat(RawHttp.body(refused)).contains("\"error\":\"too_many_streams\"");
    assertThat(sandbox.get("/ping").code()).isEqualTo(200);

    OkHttpClient quick = client(Duration.ofSeconds(2));
    String body = "{\"username\":\"x\",\"password\":\"wrong\"}";
    // A reader that goes away frees its place.
    readers.get(0).close();
    boolean reopened = false;
    for (int i = 0; i < 200 && !reopened; i++) {
      post(quick, "/auth/login", body); // writes to the closed stream until it notices
      try (Socket again =
          RawHttp.open(
              sandbox.server.port(),
              "GET /sandbox/journal/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Accept: text/event-stream\r\n\r\n")) {
        byte[] head = again.getInputStream().readNBytes(12);
        reopened = new String(head, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
      }
    }
    assertThat(reopened).as("a stream opens once one closed").isTrue();
  }

  @Test
  void clientsThatStopReadingLargeAnswersDoNotStarveTheOthers() throws IOException {
    // One request thread, and a journal large enough that its answer outgrows the socket buffers:
    // each reader that stops reading holds the thread writing to it until the idle timeout.
    // Answers are capped at 1 MiB by default, which loopback buffers swallow: this test lifts the
    // cap to keep an answer larger than they hold.
    start(
        SandboxServer.builder()
            .threads(SandboxServer.MIN_THREADS)
            .journalCapacity(4000)
            .journalAnswerBytes(64 * 1024 * 1024));
    OkHttpClient quick = client(Duration.ofSeconds(5));
    String body = "{\"username\":\"" + "x".repeat(3000) + "\",\"password\":\"wrong\"}";
    for (int i = 0; i < 4000; i++) {
      post(quick, "/auth/login", body);
    }
    for (int i = 0; i < 3; i++) {
      Socket reader =
          stalledReader("GET /sandbox/journal?limit=4000 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      // Wait until the server is writing this answer (a thread is now held), then never read on:
      // without this the pings below could be served before the stalled answers start.
      byte[] first = new byte[64];
      reader.setSoTimeout(5_000);
      assertThat(new String(first, 0, reader.getInputStream().read(first), StandardCharsets.UTF_8))
          .startsWith("HTTP/1.1 200");
    }
    for (int i = 0; i < 20; i++) {
      assertThat(code(quick, "/ping")).isEqualTo(200);
    }
    assertThat(sandbox.server.poolGrowths())
        .as("the pool grew while requests starved")
        .isPositive();
    assertThat(String.join("\n", sandbox.log)).contains("with none finishing");
  }

  /**
   * The reliability run: slow bodies, slow headers and a stalled SSE reader all at once on
   * the default pool, while {@code /ping} and the token route keep answering quickly.
   */
  @Test
  void underAllOfItAtOncePingAndTokensAnswerInTime() throws IOException {
    int each = Integer.getInteger("hostile.sockets", 200);
    // Long enough that the first attacker is still there when the measurement ends (opening
    // thousands of sockets takes seconds of its own), short enough to see them all dropped.
    Duration deadline = Duration.ofSeconds(6).plusMillis(15L * each);
    start(SandboxServer.builder().requestDeadline(deadline));
    long began = System.nanoTime();
    List<Socket> slowBodies = new ArrayList<>();
    List<Socket> slowHeaders = new ArrayList<>();
    for (int i = 0; i < each; i++) {
      slowBodies.add(open(postHead("/auth/login", "Content-Length: 10000") + "{"));
      slowHeaders.add(open("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a"));
    }
    stalledJournalReader();
    OkHttpClient quick = client(Duration.ofSeconds(2));
    int rounds = 500;
    long[] millis = new long[2 * rounds];
    int errors = 0;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      errors += code(quick, "/ping") == 200 ? 0 : 1;
      long t1 = System.nanoTime();
      errors += code(quick, "/api/agora/token?channelName=load&uid=" + (i + 1)) == 200 ? 0 : 1;
      long t2 = System.nanoTime();
      millis[2 * i] = TimeUnit.NANOSECONDS.toMillis(t1 - t0);
      millis[2 * i + 1] = TimeUnit.NANOSECONDS.toMillis(t2 - t1);
    }
    long measured = System.nanoTime() - began;
    Arrays.sort(millis);
    long p99 = millis[(int) Math.ceil(millis.length * 0.99) - 1];
    assertThat(errors).isZero();
    assertThat(p99).as("p99 ms under attack").isLessThan(100);
    assertThat(Duration.ofNanos(measured))
        .as("the attack lasted the whole measurement")
        .isLessThan(deadline);
    // Bounded in time: every attacker is answered and dropped at the deadline.
    for (Socket s : slowBodies) {
      assertThat(readAll(s)).startsWith("HTTP/1.1 408");
    }
    for (Socket s : slowHeaders) {
      assertThat(readAll(s)).startsWith("HTTP/1.1 408");
    }
  }

  /** A socket with a small receive buffer that sends {@code request} and never reads. */
  private Socket stalledReader(String request) throws IOException {
    Socket reader = new Socket();
    reader.setReceiveBufferSize(4096);
    reader.connect(new InetSocketAddress("127.0.0.1", sandbox.server.port()));
    sockets.add(reader);
    reader.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    reader.getOutputStream().flush();
    return reader;
  }

  private Socket stalledJournalReader() throws IOException {
    Socket reader =
        stalledReader(
            "GET /sandbox/journal/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\n\r\n");
    byte[] first = new byte[256];
    reader.setSoTimeout(5_000);
    assertThat(new String(first, 0, reader.getInputStream().read(first), StandardCharsets.UTF_8))
        .startsWith("HTTP/1.1 200");
    return reader; // and never read again
  }

  private static String postHead(String path, String lengthHeader) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + lengthHeader
        + "\r\n\r\n";
  }

  private Socket open(String firstBytes) throws IOException {
    Socket s = RawHttp.open(sandbox.server.port(), firstBytes);
    sockets.add(s);
    return s;
  }

  private static String readAll(Socket s) throws IOException {
    return RawHttp.readAll(s);
  }

  private static String readAllUnchecked(Socket s) {
    try {
      return readAll(s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private OkHttpClient client(Duration callTimeout) {
    return sandbox.http.newBuilder().callTimeout(callTimeout).build();
  }

  private int code(OkHttpClient client, String path) throws IOException {
    try (Response r =
        client.newCall(new Request.Builder().url(sandbox.server.url() + path).build()).execute()) {
      r.body().string();
      return r.code();
    }
  }

  private int post(OkHttpClient client, String path, String json) throws IOException {
    Request request =
        new Request.Builder()
            .url(sandbox.server.url() + path)
            .post(okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json")))
            .build();
    try (Response r = client.newCall(request).execute()) {
      r.body().string();
      return r.code();
    }
  }

  private long journaled(String route) {
    return sandbox.server.admin().journal(Integer.MAX_VALUE).entries().stream()
        .filter(e -> e.route().equals(route))
        .count();
  }
}
