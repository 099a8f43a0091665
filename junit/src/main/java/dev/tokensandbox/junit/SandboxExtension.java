package dev.tokensandbox.junit;

import dev.tokensandbox.backend.workspace.Workspace;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The sandbox for a test class. Declarative with {@link SandboxTest}; in code, with options:
 *
 * <pre>{@code
 * @RegisterExtension
 * static SandboxExtension sandbox = SandboxExtension.builder().seed(7).build();
 * }</pre>
 *
 * A static field starts one sandbox for the class (reset before each test); an instance field
 * starts a fresh one per test. {@link Sandbox} parameters are injected either way.
 */
public final class SandboxExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private final long seed;
  private final boolean demoMode;
  private final boolean fromAnnotation;
  private Sandbox sandbox;
  private boolean perTest;
  private int classes;

  /** Used by {@link SandboxTest}: options come from the annotation. */
  public SandboxExtension() {
    this(0, true, true);
  }

  private SandboxExtension(long seed, boolean demoMode, boolean fromAnnotation) {
    this.seed = seed;
    this.demoMode = demoMode;
    this.fromAnnotation = fromAnnotation;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The running sandbox (between the callbacks that start and stop it). */
  public Sandbox sandbox() {
    if (sandbox == null) {
      throw new IllegalStateException("the sandbox runs only while a test of its class runs");
    }
    return sandbox;
  }

  /** Shortcut for {@code sandbox().baseUrl()}. */
  public String baseUrl() {
    return sandbox().baseUrl();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // @Nested classes share their outer class's sandbox.
    if (classes++ == 0) {
      sandbox = start(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (sandbox == null) {
      perTest = true;
      sandbox = start(context);
    } else {
      sandbox.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (--classes == 0) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Sandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (sandbox == null) {
      // A constructor parameter of a per-test instance: start now, beforeEach will keep it.
      perTest = true;
      sandbox = start(context);
    }
    return sandbox;
  }

  private Sandbox start(ExtensionContext context) {
    long s = seed;
    boolean demo = demoMode;
    if (fromAnnotation) {
      SandboxTest options =
          AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SandboxTest.class)
              .orElse(null);
      if (options != null) {
        s = options.seed();
        demo = options.demoMode();
      }
    }
    Workspace workspace = Workspace.generate(s == 0 ? new SecureRandom() : new Random(s));
    return new Sandbox(workspace, demo);
  }

  private void stop() {
    if (sandbox != null) {
      sandbox.close();
      sandbox = null;
    }
  }

  /** Options for a sandbox registered in code. */
  public static final class Builder {
    private long seed;
    private boolean demoMode = true;

    private Builder() {}

    /** Same seed, same credentials; 0 (the default) draws fresh ones. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** On by default (the seeds' routes need no login); see {@link SandboxTest#demoMode()}. */
    public Builder demoMode(boolean on) {
      this.demoMode = on;
      return this;
    }

    public SandboxExtension build() {
      return new SandboxExtension(seed, demoMode, false);
    }
  }
}
