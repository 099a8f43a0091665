package dev.tokensandbox.app;

import android.app.Activity;
import android.content.ActivityNotFoundException;
import android.content.Intent;
import android.graphics.Color;
import android.graphics.Typeface;
import android.os.Bundle;
import android.os.Handler;
import android.os.Looper;
import android.text.InputType;
import android.view.View;
import android.view.ViewGroup;
import android.widget.AdapterView;
import android.widget.ArrayAdapter;
import android.widget.Button;
import android.widget.EditText;
import android.widget.LinearLayout;
import android.widget.ListView;
import android.widget.Spinner;
import android.widget.TextView;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.PairingPayload;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample's one screen, built in code: backend and pairing, demo login, flow, the token
 * commands, the current token with its countdown, and the live list of callbacks and renewals. It
 * only renders {@link AppState}s and forwards taps to the {@link SampleController}, which lives in
 * the {@link SandboxApplication} and survives rotation.
 */
public class MainActivity extends Activity implements SampleController.View {
  /** The barcode-scanner intent of ZXing's scanner app (and compatible apps). */
  static final String SCAN_ACTION = "com.google.zxing.client.android.SCAN";

  private static final int SCAN_REQUEST = 1;
  private static final int PAD = 24;

  private SampleController controller;
  private final Handler ticker = new Handler(Looper.getMainLooper());
  private final Runnable tick = this::tick;
  private AppState last;
  private EditText backend;
  private TextView pairing;
  private TextView status;
  private TextView token;
  private TextView countdown;
  private TextView message;
  private ArrayAdapter<String> events;

  @Override
  protected void onCreate(Bundle saved) {
    super.onCreate(saved);
    controller = ((SandboxApplication) getApplication()).controller();
    setTitle("Token Sandbox");
    setContentView(build());
    controller.attach(this);
    pairFrom(getIntent());
  }

  /** The camera scanned the desktop's QR code while the app was open (singleTop). */
  @Override
  protected void onNewIntent(Intent intent) {
    super.onNewIntent(intent);
    setIntent(intent);
    pairFrom(intent);
  }

  /** A {@code tokensandbox://pair?url=…&code=…} link opened the app: pair with it. */
  private void pairFrom(Intent intent) {
    if (intent != null
        && Intent.ACTION_VIEW.equals(intent.getAction())
        && intent.getData() != null
        && PairingPayload.SCHEME.equals(intent.getData().getScheme())) {
      String payload = intent.getData().toString();
      backend.setText(payload);
      configure(payload);
    }
  }

  @Override
  protected void onStart() {
    super.onStart();
    ticker.post(tick);
  }

  @Override
  protected void onStop() {
    ticker.removeCallbacks(tick);
    super.onStop();
  }

  @Override
  protected void onDestroy() {
    controller.detach(this);
    ticker.removeCallbacks(tick);
    if (isFinishing() && !isChangingConfigurations()) {
      controller.shutdown();
    }
    super.onDestroy();
  }

  private View build() {
    LinearLayout root = new LinearLayout(this);
    root.setOrientation(LinearLayout.VERTICAL);
    root.setPadding(PAD, PAD, PAD, PAD);

    TextView title = text("Token Sandbox sample", 22, true);
    root.addView(title);

    backend = new EditText(this);
    backend.setId(Ids.BACKEND_URL);
    backend.setSingleLine(true);
    backend.setInputType(InputType.TYPE_TEXT_VARIATION_URI);
    backend.setText("http://10.0.2.2:8080");
    backend.setHint("Backend URL or pairing link");
    root.addView(backend, matchWidth());
    root.addView(
        row(
            button(Ids.USE_BACKEND, "Use", v -> configure(backend.getText().toString())),
            button(Ids.SCAN_QR, "Scan QR", v -> scan())));
    pairing = text("", 13, false);
    pairing.setId(Ids.PAIRING);
    root.addView(pairing);

    EditText user = new EditText(this);
    user.setId(Ids.USERNAME);
    user.setText("alice");
    user.setSingleLine(true);
    EditText password = new EditText(this);
    password.setId(Ids.PASSWORD);
    password.setText("alice-demo");
    password.setInputType(InputType.TYPE_CLASS_TEXT | InputType.TYPE_TEXT_VARIATION_PASSWORD);
    root.addView(
        row(
            user,
            password,
            button(
                Ids.LOGIN,
                "Log in",
                v -> controller.login(user.getText().toString(), password.getText().toString()))));

    Spinner flows = new Spinner(this);
    flows.setId(Ids.FLOW);
    List<String> labels = new ArrayList<>();
    for (Flow f : Flow.values()) {
      labels.add(f.label());
    }
    flows.setAdapter(
        new ArrayAdapter<>(this, android.R.layout.simple_spinner_dropdown_item, labels));
    flows.setOnItemSelectedListener(
        new AdapterView.OnItemSelectedListener() {
          @Override
          public void onItemSelected(AdapterView<?> parent, View view, int position, long id) {
            controller.setFlow(Flow.values()[position]);
          }

          @Override
          public void onNothingSelected(AdapterView<?> parent) {}
        });
    root.addView(flows, matchWidth());

    Spinner sdks = new Spinner(this);
    sdks.setId(Ids.SDK);
    List<String> sdkLabels = new ArrayList<>();
    for (SdkProfile p : SdkProfile.values()) {
      sdkLabels.add("Engine: " + p.label());
    }
    sdks.setAdapter(
        new ArrayAdapter<>(this, android.R.layout.simple_spinner_dropdown_item, sdkLabels));
    sdks.setOnItemSelectedListener(
        new AdapterView.OnItemSelectedListener() {
          @Override
          public void onItemSelected(AdapterView<?> parent, View view, int position, long id) {
            controller.setSdk(SdkProfile.values()[position]);
          }

          @Override
          public void onNothingSelected(AdapterView<?> parent) {}
        });
    root.addView(sdks, matchWidth());

    root.addView(
        row(
            button(Ids.FETCH, "Fetch", v -> controller.fetch()),
            button(Ids.JOIN, "Join", v -> controller.join()),
            button(Ids.RENEW, "Renew", v -> controller.renew())));
    root.addView(
        row(
            button(Ids.LEAVE, "Leave", v -> controller.leave()),
            button(Ids.EXPIRE_NOW, "Expire now", v -> controller.expireNow())));

    token = text("No token yet", 16, true);
    token.setId(Ids.TOKEN);
    countdown = text("", 16, false);
    countdown.setId(Ids.COUNTDOWN);
    status = text("", 13, false);
    status.setId(Ids.STATUS);
    message = text("", 13, false);
    message.setId(Ids.MESSAGE);
    LinearLayout info = new LinearLayout(this);
    info.setOrientation(LinearLayout.VERTICAL);
    info.setPadding(PAD, 0, PAD, 0);
    info.addView(token);
    info.addView(countdown);
    info.addView(status);
    info.addView(message);

    ListView list = new ListView(this);
    list.setId(Ids.EVENTS);
    events = new ArrayAdapter<>(this, android.R.layout.simple_list_item_1, new ArrayList<>());
    list.setAdapter(events);
    return screen(root, info, list);
  }

  /**
   * The controls scroll; the token, its countdown, the state and the message line always show, and
   * the event list keeps a share of the screen: side by side in landscape, stacked in portrait, so
   * on a short or small screen nothing that reports is squeezed to nothing.
   */
  private View screen(LinearLayout controls, LinearLayout info, ListView list) {
    android.widget.ScrollView scroll = new android.widget.ScrollView(this);
    scroll.setId(Ids.CONTROLS);
    scroll.addView(controls);
    android.util.DisplayMetrics m = getResources().getDisplayMetrics();
    boolean landscape = m.widthPixels > m.heightPixels;
    LinearLayout screen = new LinearLayout(this);
    screen.setOrientation(landscape ? LinearLayout.HORIZONTAL : LinearLayout.VERTICAL);
    if (landscape) {
      LinearLayout right = new LinearLayout(this);
      right.setOrientation(LinearLayout.VERTICAL);
      right.addView(info, matchWidth());
      right.addView(list, new LinearLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT, 0, 1));
      screen.addView(
          scroll, new LinearLayout.LayoutParams(0, ViewGroup.LayoutParams.MATCH_PARENT, 1));
      screen.addView(
          right, new LinearLayout.LayoutParams(0, ViewGroup.LayoutParams.MATCH_PARENT, 1));
    } else {
      screen.addView(
          scroll, new LinearLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT, 0, 1));
      screen.addView(info, matchWidth());
      screen.addView(
          list, new LinearLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT, 0, 1));
    }
    return screen;
  }

  private void configure(String input) {
    String problem = controller.configure(input);
    if (problem != null) {
      message.setText(problem);
      message.setTextColor(Color.rgb(220, 38, 38));
    }
  }

  private void scan() {
    try {
      startActivityForResult(
          new Intent(SCAN_ACTION).putExtra("SCAN_MODE", "QR_CODE_MODE"), SCAN_REQUEST);
    } catch (ActivityNotFoundException e) {
      message.setText(
          "No QR scanner app found: paste the pairing link from the desktop (Architecture screen)"
              + " into the URL field and tap Use.");
    }
  }

  @Override
  protected void onActivityResult(int requestCode, int resultCode, Intent data) {
    super.onActivityResult(requestCode, resultCode, data);
    if (requestCode == SCAN_REQUEST && resultCode == RESULT_OK && data != null) {
      String payload = data.getStringExtra("SCAN_RESULT");
      if (payload != null) {
        backend.setText(payload);
        configure(payload);
      }
    }
  }

  @Override
  public void render(AppState state) {
    last = state;
    pairing.setText(
        state.backendUrl.isEmpty()
            ? "Not configured"
            : state.backendUrl + (state.paired ? " · paired" : "") + " · control " + state.control);
    token.setText(
        state.token.isEmpty()
            ? "No token yet"
            : "Token " + state.token + " · " + state.flow.label());
    status.setText(
        "State: "
            + state.state
            + (state.user.isEmpty() ? "" : " · logged in as " + state.user)
            + " · renew on "
            + state.trigger
            + " · "
            + state.sdk.label());
    message.setText(state.message);
    if (state.error) {
      message.setTextColor(Color.rgb(220, 38, 38));
    } else {
      message.setTextColor(status.getTextColors());
    }
    events.clear();
    List<String> newestFirst = new ArrayList<>(state.events);
    java.util.Collections.reverse(newestFirst);
    events.addAll(newestFirst);
    tick();
  }

  /** Moves the countdown, reading the core's clock. */
  private void tick() {
    if (last != null) {
      countdown.setText(last.countdown(controller.clock().now()));
    }
    ticker.removeCallbacks(tick);
    ticker.postDelayed(tick, 1000);
  }

  private TextView text(String s, int sp, boolean bold) {
    TextView t = new TextView(this);
    t.setText(s);
    t.setTextSize(sp);
    if (bold) {
      t.setTypeface(Typeface.DEFAULT_BOLD);
    }
    t.setPadding(0, 8, 0, 8);
    return t;
  }

  private Button button(int id, String label, View.OnClickListener onClick) {
    Button b = new Button(this);
    b.setId(id);
    b.setText(label);
    b.setOnClickListener(onClick);
    return b;
  }

  private LinearLayout row(View... views) {
    LinearLayout row = new LinearLayout(this);
    row.setOrientation(LinearLayout.HORIZONTAL);
    for (View v : views) {
      row.addView(v, new LinearLayout.LayoutParams(0, ViewGroup.LayoutParams.WRAP_CONTENT, 1));
    }
    return row;
  }

  private static LinearLayout.LayoutParams matchWidth() {
    return new LinearLayout.LayoutParams(
        ViewGroup.LayoutParams.MATCH_PARENT, ViewGroup.LayoutParams.WRAP_CONTENT);
  }
}
