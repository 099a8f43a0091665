package dev.tokensandbox.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the Token Sandbox in-process for the test class, on a free loopback port: test methods (and
 * constructors, lifecycle methods) may take a {@link Sandbox} parameter for its base URL,
 * credentials and admin interface. Faults, settings, the clock offset and the traffic journal are
 * reset before each test. For options in code use {@link SandboxExtension} with
 * {@code @RegisterExtension} instead.
 *
 * <pre>{@code
 * @SandboxTest
 * class TokenRouteTest {
 *   @Test
 *   void shengwangRouteIssuesA007Token(Sandbox sandbox) { ... sandbox.baseUrl() ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SandboxExtension.class)
public @interface SandboxTest {
  /**
   * Seeds the workspace's credentials (App ID, certificate, secrets, API keys): the same seed gives
   * the same credentials on every run. 0, the default, draws fresh ones.
   */
  long seed() default 0;

  /**
   * Demo mode, on by default as in {@code token-sandbox serve}: the seeds' routes answer without a
   * customer login, the way the seeds' {@code requireCustomer} stub does. Off: log in first ({@code
   * POST /auth/login}).
   */
  boolean demoMode() default true;
}
