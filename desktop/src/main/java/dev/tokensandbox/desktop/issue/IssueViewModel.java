package dev.tokensandbox.desktop.issue;

import dev.tokensandbox.backend.tokens.InvalidTokenRequestException;
import dev.tokensandbox.backend.tokens.TokenReport;
import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.desktop.host.WindowBackend;
import dev.tokensandbox.desktop.tasks.BackgroundTask;
import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.desktop.tokens.TokenReader;
import dev.tokensandbox.protocol.Fingerprint;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * State of the Issue screen: a form per flow; {@link #issue()} checks it, sends the flow's real
 * request to the window's backend off the UI thread, and shows the token (hidden until revealed),
 * its decoded report and the curl command that repeats the request.
 */
public final class IssueViewModel {
  /** What the backend sees as the client of these requests (Traffic's device column). */
  public static final String CLIENT = "desktop-issue";

  private final WindowBackend host;
  private final TokenIssuer issuer;
  private final TaskExecutor tasks;
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
  private final javafx.collections.ObservableMap<String, String> errors =
      javafx.collections.FXCollections.observableHashMap();
  private final ReadOnlyStringWrapper token = new ReadOnlyStringWrapper(this, "token", "");
  private final ReadOnlyStringWrapper shownToken =
      new ReadOnlyStringWrapper(this, "shownToken", "");
  private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed", false);
  private final ReadOnlyObjectWrapper<TokenReport> report =
      new ReadOnlyObjectWrapper<>(this, "report");
  private final ReadOnlyStringWrapper curl = new ReadOnlyStringWrapper(this, "curl", "");
  private final StringProperty target =
      new javafx.beans.property.SimpleStringProperty(this, "target", "");

  public IssueViewModel(
      WindowBackend host, TokenIssuer issuer, TaskExecutor tasks, TokenReader reader) {
    this.host = host;
    this.issuer = issuer;
    this.tasks = tasks;
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
    // Another flow: the last flow's token and errors are not this one's.
    flow.addListener((o, was, now) -> clearResult("Fill in the form and issue a token."));
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

  /** Every form field in error, with its rule (empty when the form was good). */
  public javafx.collections.ObservableMap<String, String> errors() {
    return errors;
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

  /**
   * Where requests go: empty for the window's backend, or the base URL of your own token server (it
   * must implement the flow's seed route; flows that need the sandbox's login stay local).
   */
  public StringProperty targetProperty() {
    return target;
  }

  /** Checks the form and, if it is good, sends the request in the background. */
  public void issue() {
    if (busy.get()) {
      return;
    }
    WindowBackend.Status backend = host.status();
    String yours = target.get() == null ? "" : target.get().strip();
    if (!yours.isEmpty() && !yours.startsWith("http://") && !yours.startsWith("https://")) {
      fail("target", "Your backend: the URL must start with http:// or https://.");
      return;
    }
    if (yours.isEmpty() && !backend.running()) {
      fail("", "The backend is not running: start it on the Architecture screen.");
      return;
    }
    IssueFlow chosen = flow.get();
    if (!yours.isEmpty() && chosen == IssueFlow.ANY_TOKEN) {
      fail(
          "target",
          "Any token is built by the sandbox's own builder: clear Your backend's URL, or pick"
              + " the seed flow your server implements.");
      return;
    }
    Map<String, String> form = new LinkedHashMap<>();
    values.get(chosen).forEach((name, property) -> form.put(name, property.get()));
    // Your backend answers the seed's requests as the seed does: no sandbox login.
    boolean demoMode =
        !yours.isEmpty() || host.admin().map(a -> a.settings().demoMode()).orElse(true);
    java.util.Map<String, String> problems = chosen.problems(form, demoMode);
    if (!problems.isEmpty()) {
      clearResult("");
      errors.putAll(problems);
      String first = problems.keySet().iterator().next();
      fail(
          first,
          problems.size() == 1
              ? first + ": " + problems.get(first)
              : problems.size()
                  + " fields need a fix: "
                  + String.join(", ", problems.keySet())
                  + " (see each field)");
      return;
    }
    FlowRequest request;
    try {
      request = chosen.request(form, demoMode);
    } catch (InvalidTokenRequestException e) {
      fail(e.field(), e.field() + ": " + e.rule());
      return;
    }
    if (!yours.isEmpty() && request.login()) {
      fail(
          "target",
          "Your backend: the "
              + chosen.label()
              + " flow needs your own login; issue it on the sandbox, or check your server with"
              + " `check`.");
      return;
    }
    errors.clear();
    String base = yours.isEmpty() ? backend.url() : yours.replaceAll("/+$", "");
    busy.set(true);
    failed.set(false);
    errorField.set("");
    status.set("Sending " + request.method() + " " + request.pathAndQuery() + " …");
    curl.set(request.curl(base));
    BackgroundTask.wrap(
            () -> {
              Result result = result(issuer.issue(base, request));
              return new Shown(
                  result, result.token().isEmpty() ? null : reader.report(result.token(), null));
            })
        .onSuccess(shown -> show(shown.result(), shown.decoded()))
        // Never left busy: whatever went wrong is said where the answer would be.
        .onFailure(e -> show(new Result("", "", "Could not issue: " + e.getMessage()), null))
        .executeWith(tasks);
  }

  /** An answer and its decoded token (null when it carried none). */
  private record Shown(Result result, TokenReport decoded) {}

  /**
   * Once a second: the issued token is read again against the clock, so the tree's countdowns and
   * its expiry lint stay true while it is on screen (equal reports change nothing in the view).
   */
  public void tick() {
    String shown = token.get();
    if (shown == null || shown.isEmpty() || report.get() == null || busy.get()) {
      return;
    }
    TokenReport next = reader.report(shown, null);
    if (!java.util.Objects.equals(next, report.get())) {
      report.set(next);
    }
  }

  private record Result(String token, String field, String message) {}

  /** The token, or the failure as the status line shows it (one wording for every screen). */
  static Result result(Outcome<String> outcome) {
    if (outcome instanceof Outcome.Success<String> ok) {
      return new Result(ok.value(), "", "");
    }
    if (outcome instanceof Outcome.ClientError<String> e) {
      String field = e.field() == null ? "" : e.field();
      return new Result(
          "",
          field,
          e.status()
              + " "
              + (e.error() == null ? "error" : e.error())
              + (field.isEmpty() ? "" : " · " + field)
              + ": "
              + e.message());
    }
    if (outcome instanceof Outcome.ServerError<String> e) {
      return new Result(
          "",
          "",
          e.status() + " " + (e.error() == null ? "error" : e.error()) + ": " + e.message());
    }
    if (outcome instanceof Outcome.Unauthenticated<String> e) {
      return new Result("", "", e.status() + " unauthorized: " + e.message());
    }
    if (outcome instanceof Outcome.NetworkError<String> e) {
      return new Result("", "", e.message()); // FailureWords: the problem and what to do
    }
    if (outcome instanceof Outcome.Malformed<String> e) {
      return new Result(
          "", "", "The answer is not what the route promises (a fault?): " + e.problem());
    }
    return new Result("", "", outcome.describe());
  }

  /** Forgets the last token, its report and request, and every field error. */
  private void clearResult(String message) {
    token.set("");
    report.set(null);
    curl.set("");
    revealed.set(false);
    errors.clear();
    failed.set(false);
    errorField.set("");
    if (!message.isEmpty()) {
      status.set(message);
    }
  }

  private void show(Result result, TokenReport decoded) {
    busy.set(false);
    if (result.token().isEmpty()) {
      token.set("");
      report.set(null);
      revealed.set(false);
      if (!result.field().isEmpty()) {
        errors.put(result.field(), result.message());
      }
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
              + "… · "
              + full.length()
              + " characters · "
              + Fingerprint.of(full));
    }
  }
}
