package dev.tokensandbox.benchmarks;

import dev.tokensandbox.protocol.Route;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load harness for issue-style attacks on {@code serve} as users start it ({@code
 * bin/token-sandbox serve}, the launcher's heap and flags): for each attack a fresh server, a
 * prober that sends {@code GET /ping} every 20 ms on its own connection, and the server process's
 * RSS sampled every 100 ms. Prints a Markdown table and writes it to the file given.
 *
 * <pre>java -cp benchmarks/jmh/target/benchmarks.jar dev.tokensandbox.benchmarks.AttackBench
 *     bin/token-sandbox docs/benchmarks/attacks.md</pre>
 */
public final class AttackBench {
  private static final Duration ATTACK = Duration.ofSeconds(12);
  private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Path launcher;
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
  private final ExecutorService workers = Executors.newCachedThreadPool();

  private AttackBench(Path launcher) {
    this.launcher = launcher;
  }

  /** One attack: what it does to a server at {@code port} until {@code until} (nanoTime). */
  private interface Attack {
    void run(Server server, long until) throws Exception;
  }

  private record Row(String attack, String load, Result result) {}

  private record Result(
      int pings,
      int failed,
      long p50,
      long p99,
      long max,
      long rssStart,
      long rssMax,
      long rssEnd) {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args.length > 0 ? args[0] : "bin/token-sandbox");
    Path out = args.length > 1 ? Path.of(args[1]) : null;
    AttackBench bench = new AttackBench(launcher);
    List<Row> rows = new ArrayList<>();
    rows.add(bench.measure("none (baseline)", "the prober alone", (s, until) -> s.idle(until)));
    rows.add(
        bench.measure(
            "slow headers", "300 connections, a header byte a second", bench::slowHeaders));
    rows.add(bench.measure("CRLF padding", "300 connections, CRLF a second", bench::crlfPadding));
    rows.add(bench.measure("slow bodies", "300 POSTs, a body byte a second", bench::slowBodies));
    rows.add(
        bench.measure(
            "connection flood", "900 idle connections held open", bench::connectionFlood));
    rows.add(
        bench.measure(
            "journal reads",
            "1,000 × 50 KB control-character bodies, 4 readers of limit=1000 and 16 that stall",
            bench::journalReads));
    rows.add(
        bench.measure(
            "stalled SSE readers", "20 streams never read, 3,000 POSTs", bench::stalledStreams));
    rows.add(
        bench.measure("ChatSDK users", "6,000 users with a 2 KB custom object", bench::chatUsers));
    rows.add(
        bench.measure(
            "device sockets",
            "200 device channels × 200 events of 500 characters",
            bench::devices));
    String table = table(rows);
    System.out.println(table);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, table);
    }
    bench.timer.shutdownNow();
    bench.workers.shutdownNow();
    System.exit(0);
  }

  private Row measure(String name, String load, Attack attack) throws Exception {
    try (Server server = Server.start(launcher)) {
      List<Long> millis = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger failed = new AtomicInteger();
      AtomicLong rssMax = new AtomicLong(server.rss());
      long rssStart = rssMax.get();
      HttpClient prober = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest ping =
          HttpRequest.newBuilder(URI.create(server.url() + Route.GIN_PING.path()))
              .timeout(Duration.ofSeconds(2))
              .build();
      var probing =
          timer.scheduleWithFixedDelay(
              () -> {
                long t0 = System.nanoTime();
                try {
                  int code = prober.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
                  if (code != 200) {
                    failed.incrementAndGet();
                  }
                } catch (IOException | InterruptedException e) {
                  failed.incrementAndGet();
                }
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
              },
              0,
              20,
              TimeUnit.MILLISECONDS);
      var sampling =
          timer.scheduleAtFixedRate(
              () -> rssMax.accumulateAndGet(server.rss(), Math::max),
              0,
              100,
              TimeUnit.MILLISECONDS);
      long until = System.nanoTime() + ATTACK.toNanos();
      try {
        attack.run(server, until);
        server.idle(until);
      } finally {
        probing.cancel(false);
        sampling.cancel(false);
      }
      List<Long> sorted;
      synchronized (millis) {
        sorted = new ArrayList<>(millis);
      }
      Collections.sort(sorted);
      Result result =
          new Result(
              sorted.size(),
              failed.get(),
              percentile(sorted, 0.50),
              percentile(sorted, 0.99),
              sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
              rssStart,
              rssMax.get(),
              server.rss());
      System.err.println(name + ": " + result);
      return new Row(name, load, result);
    }
  }

  // ---- the attacks ---------------------------------------------------------------------------

  private void slowHeaders(Server s, long until) throws Exception {
    trickle(s, until, "GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", "a".getBytes());
  }

  private void crlfPadding(Server s, long until) throws Exception {
    trickle(s, until, "", CRLF);
  }

  private void slowBodies(Server s, long until) throws Exception {
    trickle(
        s,
        until,
        "POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 10000\r\n\r\n{",
        "a".getBytes());
  }

  /** 300 connections that send {@code head} and then {@code drip} once a second, reconnecting. */
  private void trickle(Server s, long until, String head, byte[] drip) throws Exception {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Socket socket = s.open();
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      sockets.add(socket);
    }
    while (System.nanoTime() < until) {
      for (int i = 0; i < sockets.size(); i++) {
        try {
          sockets.get(i).getOutputStream().write(drip);
        } catch (IOException closedByTheServer) {
          sockets.get(i).close();
          Socket again = s.open();
          again.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
          sockets.set(i, again);
        }
      }
      s.idle(Math.min(until, System.nanoTime() + TimeUnit.SECONDS.toNanos(1)));
    }
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void connectionFlood(Server s, long until) throws Exception {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < 900; i++) {
      try {
        sockets.add(s.open());
      } catch (IOException refused) {
        // the listen backlog is full: the server is shedding
      }
    }
    s.idle(until);
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void journalReads(Server s, long until) throws Exception {
    StringBuilder control = new StringBuilder("{\"username\":\"");
    for (int i = 0; i < 8_000; i++) {
      control.append("\\u00").append(String.format("%02x", 1 + i % 30));
    }
    String body = control.append("\",\"password\":\"x\"}").toString(); // ~50 KB
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 1000; i++) {
      http.send(
          s.post(Route.AUTH_LOGIN.path(), body, Map.of()), HttpResponse.BodyHandlers.discarding());
    }
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Socket socket = s.open();
      socket.setReceiveBufferSize(4096);
      socket
          .getOutputStream()
          .write(
              "GET /sandbox/journal?limit=1000 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      stalled.add(socket);
    }
    List<CompletableFuture<Void>> readers = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      readers.add(
          CompletableFuture.runAsync(
              () -> {
                HttpRequest read =
                    HttpRequest.newBuilder(
                            URI.create(s.url() + Route.SANDBOX_JOURNAL.path() + "?limit=1000"))
                        .build();
                while (System.nanoTime() < until) {
                  try {
                    http.send(read, HttpResponse.BodyHandlers.discarding());
                  } catch (IOException | InterruptedException e) {
                    return;
                  }
                }
              },
              workers));
    }
    CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).join();
    for (Socket socket : stalled) {
      socket.close();
    }
  }

  private void stalledStreams(Server s, long until) throws Exception {
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Socket socket = s.open();
      socket.setReceiveBufferSize(4096);
      socket
          .getOutputStream()
          .write(
              ("GET /sandbox/journal/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Accept: text/event-stream\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      stalled.add(socket);
    }
    HttpClient http = HttpClient.newHttpClient();
    String body = "{\"username\":\"" + "x".repeat(3000) + "\",\"password\":\"wrong\"}";
    for (int i = 0; i < 3000 && System.nanoTime() < until; i++) {
      http.send(
          s.post(Route.AUTH_LOGIN.path(), body, Map.of()), HttpResponse.BodyHandlers.discarding());
    }
    s.idle(until);
    for (Socket socket : stalled) {
      socket.close();
    }
  }

  private void chatUsers(Server s, long until) throws Exception {
    StringBuilder custom = new StringBuilder("{");
    for (int i = 0; custom.length() < 2_000; i++) {
      custom.append(i == 0 ? "" : ",").append('"').append(Integer.toString(i, 36)).append("\":0");
    }
    custom.append('}');
    HttpClient http = HttpClient.newHttpClient();
    String key = s.chatsdkApiKey();
    for (int i = 0; i < 6000 && System.nanoTime() < until; i++) {
      http.send(
          s.post(
              Route.CHATSDK_PROVIDER.path(),
              "{\"userId\":\"user-" + i + "\",\"name\":\"n\",\"custom\":" + custom + "}",
              Map.of("X-API-Key", key)),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  private void devices(Server s, long until) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String line = "{\"type\":\"event\",\"line\":\"" + "e".repeat(500) + "\"}";
    ConcurrentLinkedQueue<WebSocket> open = new ConcurrentLinkedQueue<>();
    CountDownLatch connected = new CountDownLatch(200);
    for (int i = 0; i < 200; i++) {
      http.newWebSocketBuilder()
          .buildAsync(
              URI.create(
                  s.url().replace("http", "ws") + Route.DEVICE_CHANNEL.path() + "?device=d-" + i),
              new WebSocket.Listener() {})
          .whenComplete(
              (socket, failure) -> {
                if (socket != null) {
                  open.add(socket);
                }
                connected.countDown();
              });
    }
    connected.await(20, TimeUnit.SECONDS);
    for (WebSocket socket : open) {
      CompletableFuture<WebSocket> sent = CompletableFuture.completedFuture(socket);
      for (int e = 0; e < 200; e++) {
        sent = sent.thenCompose(ws -> ws.sendText(line, true));
      }
      try {
        sent.get(10, TimeUnit.SECONDS);
      } catch (Exception closedByTheServer) {
        // a socket beyond the cap was closed with 4004
      }
    }
    s.idle(until);
    for (WebSocket socket : open) {
      socket.abort();
    }
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private static long percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(sorted.size() * p) - 1);
  }

  private static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("Measured ")
        .append(LocalDate.now())
        .append(" with `bash benchmarks/attacks.sh`: each attack for ")
        .append(ATTACK.toSeconds())
        .append(
            " s against a fresh `bin/token-sandbox serve` (heap up to 256 MB), `/ping` probed"
                + " every 20 ms on its own connection, RSS sampled every 100 ms.\n\n")
        .append(
            "| attack | load | /ping p50 / p99 / max ms | failed pings | RSS start → max → end MB |\n")
        .append("|---|---|---|---|---|\n");
    for (Row row : rows) {
      Result r = row.result();
      out.append("| ")
          .append(row.attack())
          .append(" | ")
          .append(row.load())
          .append(" | ")
          .append(r.p50())
          .append(" / ")
          .append(r.p99())
          .append(" / ")
          .append(r.max())
          .append(" | ")
          .append(r.failed())
          .append(" of ")
          .append(r.pings())
          .append(" | ")
          .append(r.rssStart() >> 10)
          .append(" → ")
          .append(r.rssMax() >> 10)
          .append(" → ")
          .append(r.rssEnd() >> 10)
          .append(" |\n");
    }
    return out.toString();
  }

  /** {@code bin/token-sandbox serve} in a home of its own. */
  private static final class Server implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path home;

    private Server(Process process, int port, Path home) {
      this.process = process;
      this.port = port;
      this.home = home;
    }

    static Server start(Path launcher) throws Exception {
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      Path home = Files.createTempDirectory("attack-bench");
      ProcessBuilder builder =
          new ProcessBuilder(launcher.toString(), "serve", "--port", Integer.toString(port))
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("serve.log").toFile());
      builder.environment().put("TOKEN_SANDBOX_HOME", home.toString());
      Process process = builder.start();
      Server server = new Server(process, port, home);
      HttpClient http = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        try {
          if (http.send(
                      HttpRequest.newBuilder(URI.create(server.url() + Route.GIN_PING.path()))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode()
              == 200) {
            return server;
          }
        } catch (IOException notYet) {
          server.idle(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
        }
      }
      process.destroyForcibly();
      throw new IllegalStateException("serve did not answer /ping within 30 s");
    }

    String url() {
      return "http://127.0.0.1:" + port;
    }

    Socket open() throws IOException {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      return socket;
    }

    HttpRequest post(String path, String body, Map<String, String> headers) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url() + path))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(request::header);
      return request.build();
    }

    /** The provider API key of the server's workspace, read from its file. */
    String chatsdkApiKey() throws IOException {
      String json = Files.readString(home.resolve("workspace.json"));
      Matcher m = Pattern.compile("\"chatsdkApiKey\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
      if (!m.find()) {
        throw new IllegalStateException("no chatsdkApiKey in the workspace file");
      }
      return m.group(1);
    }

    /** Resident set size of the server process, in KB (0 when unknown). */
    long rss() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | NumberFormatException gone) {
        // not Linux, or the process ended
      }
      return 0;
    }

    /** Waits until {@code until} (nanoTime) on a monitor: the harness's own pacing. */
    void idle(long until) throws InterruptedException {
      Object monitor = new Object();
      synchronized (monitor) {
        long left;
        while ((left = until - System.nanoTime()) > 0) {
          TimeUnit.NANOSECONDS.timedWait(monitor, left);
        }
      }
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      try (var files = Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
