package dev.tokensandbox.client.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox's {@code rtc2} package and the SDK's {@code io.agora.rtc2} (its compile-only stub,
 * written from Agora's API reference) have the same public classes, methods, fields and constant
 * values, both ways — except {@code RtcEngine.create} and {@code destroy}, which only the SDK has
 * (creating the engine is what an integrator replaces). Field and parameter types are compared with
 * the package names swapped.
 */
class Rtc2MirrorTest {
  private static final String SANDBOX = "dev.tokensandbox.client.rtc2.";
  private static final String SDK = "io.agora.rtc2.";
  private static final Set<String> SDK_ONLY =
      Set.of("RtcEngine.create(RtcEngineConfig)", "RtcEngine.destroy()");

  @TempDir static Path out;
  private static ClassLoader stub;

  @BeforeAll
  static void compileTheStub() throws Exception {
    Javac.Result r = Javac.compile(Javac.sources(Paths.get("src/test/sdk-stub")), List.of(), out);
    assertThat(r.ok()).as(r.diagnostics()).isTrue();
    stub =
        new URLClassLoader(
            new URL[] {out.resolve("classes").toUri().toURL()},
            ClassLoader.getPlatformClassLoader());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RtcEngine",
        "IRtcEngineEventHandler",
        "IRtcEngineEventHandler$RtcStats",
        "Constants",
        "Constants$RenewTokenErrorCode",
        "ChannelMediaOptions",
        "RtcEngineConfig"
      })
  void sameShapeBothWays(String name) throws Exception {
    Class<?> sdk = Class.forName(SDK + name, false, stub);
    Class<?> sandbox = Class.forName(SANDBOX + name);

    assertThat(Modifier.isAbstract(sandbox.getModifiers()))
        .as(name + " abstract")
        .isEqualTo(Modifier.isAbstract(sdk.getModifiers()));
    Set<String> sdkMembers = members(sdk, SDK);
    Set<String> sandboxMembers = members(sandbox, SANDBOX);
    sdkMembers.removeIf(m -> SDK_ONLY.stream().anyMatch(m::contains));
    assertThat(sandboxMembers).as("%s, sandbox vs SDK", name).isEqualTo(sdkMembers);
  }

  @Test
  void constantsHaveTheSdksValues() throws Exception {
    Class<?> sdk = Class.forName(SDK + "Constants", false, stub);
    Class<?> sandbox = Class.forName(SANDBOX + "Constants");
    int compared = 0;
    for (Field f : sdk.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        assertThat(sandbox.getField(f.getName()).getInt(null))
            .as(f.getName())
            .isEqualTo(f.getInt(null));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(30);
  }

  @Test
  void renewTokenErrorCodesHaveTheSdksOrder() throws Exception {
    Class<?> sdk = Class.forName(SDK + "Constants$RenewTokenErrorCode", false, stub);
    assertThat(
            Arrays.stream(dev.tokensandbox.client.rtc2.Constants.RenewTokenErrorCode.values())
                .map(Enum::name))
        .containsExactlyElementsOf(
            Arrays.stream(sdk.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
  }

  @Test
  void theComparisonSeesADifference() throws Exception {
    // The check can fail: the sandbox's engine class has members the SDK's does not.
    Set<String> engine =
        members(Class.forName("dev.tokensandbox.client.rtc.SimulatedRtcEngine"), "");
    Set<String> sdk = members(Class.forName(SDK + "RtcEngine", false, stub), SDK);
    assertThat(engine).isNotEqualTo(sdk);
  }

  /** Public declared methods and fields, as "Owner.name(params) : type [abstract|static]". */
  private static Set<String> members(Class<?> c, String pkg) {
    Set<String> out = new TreeSet<>();
    String owner = c.getSimpleName();
    for (Method m : c.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
        String params =
            Arrays.stream(m.getParameterTypes())
                .map(t -> local(t, pkg))
                .collect(Collectors.joining(","));
        out.add(
            owner
                + "."
                + m.getName()
                + "("
                + params
                + ") : "
                + local(m.getReturnType(), pkg)
                + flags(m));
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (Modifier.isPublic(f.getModifiers())) {
        out.add(owner + "." + f.getName() + " : " + local(f.getType(), pkg) + flags(f));
      }
    }
    return out;
  }

  private static String flags(Member m) {
    int mod = m.getModifiers();
    return (Modifier.isAbstract(mod) ? " abstract" : "")
        + (Modifier.isStatic(mod) ? " static" : "")
        + (Modifier.isFinal(mod) && m instanceof Field ? " final" : "");
  }

  private static String local(Class<?> t, String pkg) {
    String name = t.getName();
    return !pkg.isEmpty() && name.startsWith(pkg)
        ? name.substring(pkg.length()).replace('$', '.')
        : t.getSimpleName();
  }
}
