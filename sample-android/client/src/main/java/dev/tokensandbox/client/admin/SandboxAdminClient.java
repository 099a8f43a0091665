package dev.tokensandbox.client.admin;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.client.backend.Transport;
import dev.tokensandbox.protocol.DeviceCommand;
import dev.tokensandbox.protocol.Route;
import dev.tokensandbox.protocol.admin.AdminException;
import dev.tokensandbox.protocol.admin.Device;
import dev.tokensandbox.protocol.admin.Exchange;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.IssuedRecord;
import dev.tokensandbox.protocol.admin.JournalEntry;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;

/**
 * The sandbox administered over HTTP ({@code /sandbox/*}): the same {@link SandboxAdmin} the
 * running server implements in-process, so a preset, {@code check}, a test or the desktop's
 * connection to a headless {@code serve} administer a sandbox with the same types and errors. It
 * shares the transport (connection pool, pairing code, device header) of the {@link BackendClient}
 * it is made from.
 *
 * <p>Every call blocks (a subscription until its stream is open); a refusal throws {@link
 * AdminException} with the status, error code and field the server named, and a sandbox that does
 * not answer is one with status 0 whose message says what to do. The two subscriptions are event
 * streams ({@code /sandbox/journal/stream}, {@code /sandbox/devices/stream}) delivered on OkHttp's
 * threads. Over HTTP, {@link #addFault} and {@link #setDeviceFault} read the plan and write it back
 * (the API replaces whole plans: two admins editing at once can lose one edit), {@link #reveal} is
 * always empty (no route serves unredacted traffic), and a stream that ends — the sandbox stopped,
 * the network dropped — ends its subscription, said in the transport's log: subscribe again.
 */
public final class SandboxAdminClient implements SandboxAdmin {
  /** A journal answer holds up to 1 MiB of entries; the admin reads up to twice that. */
  private static final long MAX_ANSWER = 2L * 1024 * 1024;

  private static final Gson GSON =
      new GsonBuilder().registerTypeAdapter(Instant.class, new InstantText().nullSafe()).create();

  private static final Type DEVICES = new TypeToken<List<Device>>() {}.getType();
  private static final Type RECORDS = new TypeToken<List<IssuedRecord>>() {}.getType();
  private static final Type ENTRIES = new TypeToken<List<JournalEntry>>() {}.getType();

  private final Transport transport;

  public SandboxAdminClient(BackendClient client) {
    this.transport = client.transport();
  }

  // --- settings ---

  @Override
  public Settings settings() {
    return call(transport.get(Route.SANDBOX_SETTINGS), o -> read(o, Settings.class));
  }

  @Override
  public Settings updateSettings(SettingsChange change) {
    // members left null stay as they are: they are not sent
    JsonObject body = GSON.toJsonTree(change).getAsJsonObject();
    return call(
        transport.post(Route.SANDBOX_SETTINGS_PUT, body, null), o -> read(o, Settings.class));
  }

  // --- faults ---

  @Override
  public FaultPlan faults() {
    return call(transport.get(Route.SANDBOX_FAULTS), o -> read(o, FaultPlan.class));
  }

  @Override
  public FaultPlan setFaults(FaultPlan plan) {
    return call(
        transport.post(Route.SANDBOX_FAULTS_PUT, GSON.toJsonTree(plan), null),
        SandboxAdminClient::plan);
  }

  @Override
  public FaultPlan addFault(FaultRule rule) {
    return setFaults(faults().plus(rule));
  }

  @Override
  public FaultPlan clearFaults() {
    return call(transport.get(Route.SANDBOX_FAULTS_DELETE), SandboxAdminClient::plan);
  }

  @Override
  public FaultPlan setDeviceFault(String device, FaultRule rule) {
    return setFaults(faults().withDeviceRule(device, rule));
  }

  // --- clock ---

  @Override
  public ClockView clock() {
    return call(transport.get(Route.SANDBOX_CLOCK), o -> read(o, ClockView.class));
  }

  @Override
  public ClockView setClock(ClockChange change) {
    JsonObject body = GSON.toJsonTree(change).getAsJsonObject(); // null members are not sent
    return call(transport.post(Route.SANDBOX_CLOCK_PUT, body, null), o -> read(o, ClockView.class));
  }

  // --- journal ---

  @Override
  public JournalPage journal(int limit) {
    return call(
        transport.get(
            transport
                .url(Route.SANDBOX_JOURNAL)
                .addQueryParameter("limit", Integer.toString(limit))),
        o ->
            new JournalPage(
                o.get("capacity").getAsInt(),
                o.get("dropped").getAsLong(),
                GSON.<List<JournalEntry>>fromJson(o.get("entries"), ENTRIES)));
  }

  @Override
  public void clearJournal() {
    call(transport.get(Route.SANDBOX_JOURNAL_DELETE), o -> o);
  }

  @Override
  public Runnable subscribeJournal(Consumer<JournalEntry> entries, LongConsumer gaps) {
    return stream(
        Route.SANDBOX_JOURNAL_STREAM,
        "journal",
        data -> entries.accept(GSON.fromJson(data, JournalEntry.class)),
        gaps);
  }

  /** Always empty: only the process that runs the sandbox can reveal (see the interface). */
  @Override
  public Optional<Exchange> reveal(long id) {
    return Optional.empty();
  }

  @Override
  public List<IssuedRecord> tokens() {
    return call(transport.get(Route.SANDBOX_TOKENS), o -> GSON.fromJson(o.get("tokens"), RECORDS));
  }

  @Override
  public WorkspaceView workspace() {
    return call(transport.get(Route.SANDBOX_WORKSPACE), o -> read(o, WorkspaceView.class));
  }

  // --- devices ---

  @Override
  public List<Device> devices() {
    return call(
        transport.get(Route.SANDBOX_DEVICES), o -> GSON.fromJson(o.get("devices"), DEVICES));
  }

  @Override
  public Optional<Device> device(String id) {
    for (Device d : devices()) {
      if (d.id().equals(id)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** After a gap (a slow listener missed changes), every device is delivered once as it is now. */
  @Override
  public Runnable subscribeDevices(Consumer<Device> listener) {
    return stream(
        Route.SANDBOX_DEVICES_STREAM,
        "device",
        data -> listener.accept(GSON.fromJson(data, Device.class)),
        skipped -> {
          try {
            devices().forEach(listener);
          } catch (AdminException e) {
            // the stream's own failure (or end) follows; nothing to deliver meanwhile
          }
        });
  }

  @Override
  public CommandReceipt command(String device, DeviceCommand command, CommandArgs args) {
    JsonObject body = new JsonObject();
    body.addProperty("command", command.wire());
    body.add("args", GSON.toJsonTree(args == null ? CommandArgs.NONE : args));
    return call(
        transport.post(Route.SANDBOX_DEVICE_COMMANDS, body, null, device),
        o ->
            new CommandReceipt(
                o.get("device").getAsString(),
                DeviceCommand.fromWire(o.get("command").getAsString()),
                o.get("id").getAsString(),
                o.get("delivered").getAsBoolean(),
                o.has("applied") ? o.get("applied").getAsString() : null));
  }

  // --- plumbing ---

  private static FaultPlan plan(JsonObject o) {
    return read(o, FaultPlan.class);
  }

  private static <T> T read(JsonElement json, Class<T> type) {
    return GSON.fromJson(json, type);
  }

  /** The answer's value, or the refusal as an {@link AdminException}. */
  private <T> T call(Request request, Function<JsonObject, T> reader) {
    Outcome<T> outcome =
        transport.call(
            request,
            Transport.json(
                o -> {
                  try {
                    return reader.apply(o);
                  } catch (RuntimeException e) {
                    // Gson's and the value types' refusals: the answer is not what the API
                    // promises (Transport maps this to Malformed)
                    throw new IllegalStateException(
                        "the answer does not read as the admin API's: " + e.getMessage(), e);
                  }
                }),
            MAX_ANSWER);
    if (outcome instanceof Outcome.Success<T> s) {
      return s.value();
    }
    throw refusal(outcome);
  }

  static AdminException refusal(Outcome<?> outcome) {
    if (outcome instanceof Outcome.ClientError<?> c) {
      return new AdminException(
          c.status(),
          c.error(),
          c.field(),
          c.message(),
          null,
          c.retryAfter() == null ? -1 : c.retryAfter().getSeconds());
    }
    if (outcome instanceof Outcome.Unauthenticated<?> u) {
      return new AdminException(
          u.status(), u.error() == null ? "unauthorized" : u.error(), u.field(), u.message());
    }
    if (outcome instanceof Outcome.ServerError<?> s) {
      return new AdminException(s.status(), s.error(), null, s.message());
    }
    if (outcome instanceof Outcome.Malformed<?> m) {
      return new AdminException(m.status(), "malformed", null, m.problem());
    }
    Outcome.NetworkError<?> n = (Outcome.NetworkError<?>) outcome;
    return new AdminException(0, "unreachable", null, n.message());
  }

  /** How long a subscription waits for the sandbox to open its stream. */
  private static final long OPEN_SECONDS = 30;

  /**
   * Opens the event stream {@code route}: each {@code event} event's data goes to {@code data},
   * each {@code gap} event's {@code skipped} count to {@code gaps}. Returns, with what closes it,
   * once the server has said {@code connected}: as in-process, every later change is delivered. A
   * stream the server refuses (e.g. 503, too many streams) throws its refusal.
   */
  private Runnable stream(Route route, String event, Consumer<String> data, LongConsumer gaps) {
    java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicReference<AdminException> refused =
        new java.util.concurrent.atomic.AtomicReference<>();
    EventSource source =
        transport.stream(
            transport.get(route),
            new EventSourceListener() {
              @Override
              public void onEvent(EventSource source, String id, String type, String payload) {
                if ("connected".equals(type)) {
                  opened.countDown();
                } else if (event.equals(type)) {
                  data.accept(payload);
                } else if ("gap".equals(type)) {
                  gaps.accept(GSON.fromJson(payload, JsonObject.class).get("skipped").getAsLong());
                }
              }

              @Override
              public void onFailure(EventSource source, Throwable t, Response response) {
                String why =
                    (response != null ? " (" + response.code() + ")" : "")
                        + (t != null ? ": " + t.getMessage() : "");
                if (opened.getCount() > 0) {
                  refused.set(streamRefused(route, response, why));
                  opened.countDown();
                } else {
                  transport.log(route + " → stream ended" + why);
                }
              }
            });
    try {
      if (!opened.await(OPEN_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
        source.cancel();
        throw new AdminException(
            0,
            "timeout",
            null,
            "the sandbox did not open " + route.path() + " in " + OPEN_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      source.cancel();
      Thread.currentThread().interrupt();
      throw new AdminException(0, "interrupted", null, "interrupted opening " + route.path(), e);
    }
    if (refused.get() != null) {
      throw refused.get();
    }
    return source::cancel;
  }

  private static AdminException streamRefused(Route route, Response response, String why) {
    if (response == null) {
      return new AdminException(0, "unreachable", null, route.path() + " did not open" + why);
    }
    JsonObject error = null;
    try {
      okhttp3.ResponseBody body = response.body();
      error = body == null ? null : GSON.fromJson(body.string(), JsonObject.class);
    } catch (IOException | RuntimeException e) {
      // no JSON error: the status says it
    }
    String message =
        error != null && error.has("message") ? error.get("message").getAsString() : null;
    return new AdminException(
        response.code(),
        error != null && error.has("error") ? error.get("error").getAsString() : "refused",
        null,
        message != null ? message : route.path() + " did not open" + why);
  }

  /** Instants as the API writes them: ISO-8601 text. */
  private static final class InstantText extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
      return Instant.parse(in.nextString());
    }
  }
}
