package dev.tokensandbox.desktop.issue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokensandbox.backend.tokens.InvalidTokenRequestException;
import dev.tokensandbox.backend.tokens.TokenReport;
import dev.tokensandbox.desktop.host.BackendHost;
import dev.tokensandbox.desktop.tokens.TokenReader;
import dev.tokensandbox.protocol.DeviceProtocol;
import dev.tokensandbox.protocol.Fingerprint;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * State of the Issue screen: a form per flow; {@link #issue()} checks it, sends the flow's real
 * request to the window's backend off the UI thread, and shows the token (hidden until revealed),
 * its decoded report and the curl command that repeats the request.
 */
public final class IssueViewModel {
  /** What the backend sees as the client of these requests (Traffic's device column). */
  public static final String CLIENT = "desktop-issue";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final BackendHost host;
  private final OkHttpClient http;
  private final Executor io;
  private final Executor ui;
  private final TokenReader reader;
  private final ObjectProperty<IssueFlow> flow =
      new SimpleObjectProperty<>(this, "flow", IssueFlow.SHENGWANG_RTC);
  private final Map<IssueFlow, Map<String, StringProperty>> values = new EnumMap<>(IssueFlow.class);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(this, "status", "Fill in the form and issue a token.");
  private final ReadOnlyStringWrapper errorField =
      new ReadOnlyStringWrapper(this, "errorField", "");
  private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
  private final ReadOnlyStringWrapper token = new ReadOnlyStringWrapper(this, "token", "");
  private final ReadOnlyStringWrapper shownToken =
      new ReadOnlyStringWrapper(this, "shownToken", "");
  private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed", false);
  private final ReadOnlyObjectWrapper<TokenReport> report =
      new ReadOnlyObjectWrapper<>(this, "report");
  private final ReadOnlyStringWrapper curl = new ReadOnlyStringWrapper(this, "curl", "");

  public IssueViewModel(
      BackendHost host, OkHttpClient http, Executor io, Executor ui, TokenReader reader) {
    this.host = host;
    this.http = http;
    this.io = io;
    this.ui = ui;
    this.reader = reader;
    for (IssueFlow f : IssueFlow.values()) {
      Map<String, StringProperty> form = new LinkedHashMap<>();
      for (IssueFlow.Field field : f.fields()) {
        form.put(field.name(), new SimpleStringProperty(this, field.name(), field.defaultValue()));
      }
      values.put(f, form);
    }
    revealed.addListener((o, was, now) -> showToken());
    token.addListener((o, was, now) -> showToken());
  }

  public ObjectProperty<IssueFlow> flowProperty() {
    return flow;
  }

  /** The form field {@code name} of {@code flow}. */
  public StringProperty value(IssueFlow flow, String name) {
    StringProperty property = values.get(flow).get(name);
    if (property == null) {
      throw new IllegalArgumentException(flow + " has no field " + name);
    }
    return property;
  }

  /** Every flow's form values, by flow name then field (for scenario files). */
  public Map<String, Map<String, String>> forms() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    values.forEach(
        (f, form) -> {
          Map<String, String> fields = new LinkedHashMap<>();
          form.forEach((name, property) -> fields.put(name, property.get()));
          out.put(f.name(), fields);
        });
    return out;
  }

  /** Restores form values saved by {@link #forms()}; unknown flows and fields are ignored. */
  public void restore(IssueFlow chosen, Map<String, Map<String, String>> saved) {
    saved.forEach(
        (flowName, fields) -> {
          for (IssueFlow f : IssueFlow.values()) {
            if (f.name().equals(flowName)) {
              Map<String, StringProperty> form = values.get(f);
              fields.forEach(
                  (name, value) -> {
                    if (form.containsKey(name) && value != null) {
                      form.get(name).set(value);
                    }
                  });
            }
          }
        });
    if (chosen != null) {
      flow.set(chosen);
    }
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The form field the last error names ("" when none). */
  public ReadOnlyStringProperty errorFieldProperty() {
    return errorField.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty failedProperty() {
    return failed.getReadOnlyProperty();
  }

  /** The full token, for the copy button only. */
  public ReadOnlyStringProperty tokenProperty() {
    return token.getReadOnlyProperty();
  }

  /** The token as shown: its fingerprint and length until {@link #revealedProperty()} is set. */
  public ReadOnlyStringProperty shownTokenProperty() {
    return shownToken.getReadOnlyProperty();
  }

  public BooleanProperty revealedProperty() {
    return revealed;
  }

  public ReadOnlyObjectProperty<TokenReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty curlProperty() {
    return curl.getReadOnlyProperty();
  }

  /** Checks the form and, if it is good, sends the request in the background. */
  public void issue() {
    if (busy.get()) {
      return;
    }
    BackendHost.Status backend = host.status();
    if (!backend.running()) {
      fail("", "The backend is not running: start it on the Architecture screen.");
      return;
    }
    IssueFlow chosen = flow.get();
    Map<String, String> form = new LinkedHashMap<>();
    values.get(chosen).forEach((name, property) -> form.put(name, property.get()));
    boolean demoMode = host.admin().map(a -> a.settings().demoMode()).orElse(true);
    FlowRequest request;
    try {
      request = chosen.request(form, demoMode);
    } catch (InvalidTokenRequestException e) {
      fail(e.field(), e.field() + ": " + e.rule());
      return;
    }
    String base = backend.url();
    busy.set(true);
    failed.set(false);
    errorField.set("");
    status.set("Sending " + request.method() + " " + request.pathAndQuery() + " …");
    curl.set(request.curl(base));
    io.execute(
        () -> {
          Result result = send(base, request);
          TokenReport decoded =
              result.token().isEmpty() ? null : reader.report(result.token(), null);
          ui.execute(() -> show(result, decoded));
        });
  }

  private record Result(String token, String field, String message) {}

  private Result send(String base, FlowRequest request) {
    try {
      String bearer = null;
      if (request.login()) {
        JsonNode login =
            call(
                base,
                "POST",
                "/auth/login",
                "{\"username\":\""
                    + FlowRequest.DEMO_USER
                    + "\",\"password\":\""
                    + FlowRequest.DEMO_PASSWORD
                    + "\"}",
                null);
        bearer = login.path("sessionToken").asText();
      }
      JsonNode answer =
          call(base, request.method(), request.pathAndQuery(), request.jsonBody(), bearer);
      String found = tokenIn(answer);
      return found.isEmpty()
          ? new Result("", "", "The answer holds no token: " + answer)
          : new Result(found, "", "");
    } catch (HttpFailure e) {
      return new Result("", e.field, e.getMessage());
    } catch (IOException e) {
      return new Result("", "", "Network error: " + e.getMessage());
    }
  }

  private static final class HttpFailure extends Exception {
    private final String field;

    HttpFailure(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  private JsonNode call(String base, String method, String path, String body, String bearer)
      throws IOException, HttpFailure {
    Request.Builder builder =
        new Request.Builder().url(base + path).header(DeviceProtocol.DEVICE_HEADER, CLIENT);
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    if (!method.equals("GET")) {
      builder.method(method, RequestBody.create(body, JSON_TYPE));
    }
    try (Response response = http.newCall(builder.build()).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      boolean json = text.startsWith("{");
      JsonNode node = json ? parse(text) : JSON.getNodeFactory().textNode(text);
      if (!response.isSuccessful()) {
        String field = node.path("field").asText("");
        String message = node.path("message").asText(text);
        throw new HttpFailure(
            field,
            response.code()
                + " "
                + node.path("error").asText("error")
                + (field.isEmpty() ? "" : " · " + field)
                + ": "
                + message);
      }
      return node;
    }
  }

  private static JsonNode parse(String text) throws HttpFailure {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new HttpFailure("", "The answer is not valid JSON (a fault?): " + e.getMessage());
    }
  }

  /** The token in any of the seed flows' answers. */
  private static String tokenIn(JsonNode answer) {
    if (answer.isTextual()) {
      return answer.asText().strip();
    }
    for (String name : new String[] {"rtcToken", "token", "rtmToken"}) {
      if (answer.path(name).isTextual()) {
        return answer.path(name).asText();
      }
    }
    return answer.path("data").path("contextToken").asText("");
  }

  private void show(Result result, TokenReport decoded) {
    busy.set(false);
    if (result.token().isEmpty()) {
      token.set("");
      report.set(null);
      fail(result.field(), result.message());
      return;
    }
    revealed.set(false);
    token.set(result.token());
    report.set(decoded);
    failed.set(false);
    errorField.set("");
    status.set(
        "Issued "
            + decoded.formatName()
            + " "
            + Fingerprint.of(result.token())
            + " · signature "
            + decoded.verification().verdict());
  }

  private void fail(String field, String message) {
    failed.set(true);
    errorField.set(field == null ? "" : field);
    status.set(message);
  }

  private void showToken() {
    String full = token.get();
    if (full.isEmpty()) {
      shownToken.set("");
    } else if (revealed.get()) {
      shownToken.set(full);
    } else {
      shownToken.set(
          full.substring(0, Math.min(6, full.length()))
              + "…  ("
              + full.length()
              + " characters, "
              + Fingerprint.of(full)
              + ": Reveal to show)");
    }
  }
}
